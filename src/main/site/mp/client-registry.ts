import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import type {
  ClientRegistration,
  ClientRegistrationResult,
} from '../../../shared/contract/clients';
import { SiteError } from '../../../shared/errors';
import { evaluateClient } from '../collections/collection-membership';
import type { SiteDatabase } from '../db/open-database';

type Registration = z.output<typeof ClientRegistration>;

/** Keys are 256 random bits, so a fast hash is enough; the key itself is never stored. */
export function hashClientKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/**
 * Registers a client and places it in its collections, in one transaction. A device that is
 * already known registers again (it gets a new key) onto its one record: found by its SMS GUID,
 * else by its hardware identity, as ConfigMgr recognises a reinstalled client or a restarted
 * fleet, so no device is ever counted twice.
 */
export async function registerClient(
  site: SiteDatabase,
  siteCode: string,
  input: Registration,
  now: string,
  trusted: boolean,
): Promise<ClientRegistrationResult> {
  const clientKey = randomBytes(32).toString('base64url');
  const values = {
    name: input.name.toUpperCase(),
    domain: input.domain,
    os_name: input.osName,
    os_build: input.osBuild,
    is_server: input.isServer ? 1 : 0,
    products: JSON.stringify(input.products),
    client_version: input.clientVersion,
    time_zone_offset_minutes: input.timeZoneOffsetMinutes ?? null,
    site_code: siteCode,
    auth_key_hash: hashClientKey(clientKey),
    ...(input.hardwareId !== undefined && { hardware_id: input.hardwareId }),
  };
  const { clientId, smsGuid } = await site.db.transaction().execute(async (trx) => {
    const byGuid = input.smsGuid
      ? await trx
          .selectFrom('client')
          .select(['id', 'sms_guid', 'approval'])
          .where('sms_guid', '=', input.smsGuid)
          .executeTakeFirst()
      : undefined;
    const byHardware = input.hardwareId
      ? await trx
          .selectFrom('client')
          .select(['id', 'sms_guid', 'approval'])
          .where('hardware_id', '=', input.hardwareId)
          .executeTakeFirst()
      : undefined;
    // The SMS GUID the device sends wins: the hardware id moves to that record.
    if (byGuid && byHardware && byGuid.id !== byHardware.id)
      await trx
        .updateTable('client')
        .set({ hardware_id: null })
        .where('id', '=', byHardware.id)
        .execute();
    const known = byGuid ?? byHardware;
    // A blocked device stays refused whichever identity it comes back with.
    const blocked = [byGuid, byHardware].find((row) => row?.approval === 'blocked');
    if (blocked)
      throw new SiteError(
        'refused',
        `Client ${values.name} is blocked on this site; an administrator must unblock it first.`,
      );
    // From a trusted network a device is approved; from elsewhere it waits for an administrator,
    // and registering again never approves it by itself.
    const approval = trusted ? 'approved' : (known?.approval ?? 'pending');
    const guid = input.smsGuid ?? known?.sms_guid ?? `GUID:${randomUUID().toUpperCase()}`;
    const id = known
      ? (
          await trx
            .updateTable('client')
            .set({ ...values, sms_guid: guid, approval })
            .where('id', '=', known.id)
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      : (
          await trx
            .insertInto('client')
            .values({ ...values, sms_guid: guid, registered_at: now, approval })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
    await evaluateClient(trx, id, now);
    return { clientId: id, smsGuid: guid };
  });
  return { clientId, smsGuid, clientKey, siteCode };
}

/** The client a request comes from, if its key matches; otherwise a refusal naming why. */
export async function authenticateClient(
  site: SiteDatabase,
  smsGuid: string | undefined,
  key: string | undefined,
): Promise<{ id: number; name: string; approval: string }> {
  if (!smsGuid || !key)
    throw new SiteError(
      'refused',
      'The request carries no client identity; send x-patchbay-client and the client key.',
    );
  const row = await site.db
    .selectFrom('client')
    .select(['id', 'name', 'auth_key_hash', 'approval'])
    .where('sms_guid', '=', smsGuid)
    .executeTakeFirst();
  if (!row)
    throw new SiteError(
      'refused',
      `Client ${smsGuid} is not registered with this site; register first.`,
    );
  const expected = Buffer.from(row.auth_key_hash, 'hex');
  const given = Buffer.from(hashClientKey(key), 'hex');
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new SiteError(
      'refused',
      `The key sent for client ${smsGuid} is not the one it was issued.`,
    );
  if (row.approval === 'blocked')
    throw new SiteError(
      'refused',
      `Client ${row.name} is blocked on this site; an administrator must unblock it first.`,
    );
  return { id: row.id, name: row.name, approval: row.approval };
}
