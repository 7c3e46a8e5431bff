import { BlockList, isIP, isIPv4 } from 'node:net';

/** Loopback: the single admin's own fleet; `patchbay serve` trusts it beside --trusted-network. */
export const loopbackNetworks = ['127.0.0.0/8', '::1/128'] as const;

/**
 * The trusted networks, where a client's registration is approved at once (ConfigMgr's
 * "Automatically approve computers in trusted domains"): CIDR ranges such as "10.1.0.0/16" or
 * "fd00::/8". A range that is not one is refused here, at
 * start-up, with a sentence, rather than at a client's first registration.
 */
export function trustedNetworkList(networks: readonly string[]): BlockList {
  const list = new BlockList();
  for (const network of networks) {
    const [base = '', bits = ''] = network.split('/');
    const family = isIP(base);
    const prefix = Number(bits === '' ? (family === 4 ? 32 : 128) : bits);
    if (
      family === 0 ||
      !Number.isInteger(prefix) ||
      prefix < 0 ||
      prefix > (family === 4 ? 32 : 128)
    )
      throw new Error(
        `Trusted network "${network}" is not an address range; write it as 10.1.0.0/16 or fd00::/8.`,
      );
    list.addSubnet(base, prefix, family === 4 ? 'ipv4' : 'ipv6');
  }
  return list;
}

/** Whether a peer address is inside one of the trusted networks. */
export function isTrustedNetwork(address: string | undefined, networks: BlockList): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  return networks.check(plain, isIPv4(plain) ? 'ipv4' : 'ipv6');
}
