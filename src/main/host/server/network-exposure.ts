import { hostname, networkInterfaces } from 'node:os';

/** Whether an address given to --host keeps the site on this machine. */
export function isLoopbackHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\[|\]$/g, '');
  return name === 'localhost' || name === '::1' || /^127\.\d+\.\d+\.\d+$/.test(name);
}

/**
 * The Host names a browser elsewhere uses to reach a server bound beyond loopback: this
 * machine's name and addresses, plus the DNS names the admin gave with --host-name.
 */
export function reachableHostNames(extra: string[] = []): string[] {
  const names = new Set([hostname().toLowerCase(), ...extra.map((name) => name.toLowerCase())]);
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      // IPv6 addresses would need brackets and the port; an admin names them with --host-name.
      if (!address.internal && address.family === 'IPv4') names.add(address.address);
    }
  }
  return [...names];
}
