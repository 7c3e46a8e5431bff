import { sql, type Selectable, type SqlBool } from 'kysely';
import type { z } from 'zod';
import type { Device, DeviceListQuery } from '../../../shared/contract/clients';
import type { ListPage } from '../../../shared/contract';
import { SiteError } from '../../../shared/errors';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import { pageOf, readPage } from '../lists/keyset';

type ClientRow = Selectable<SiteSchema['client']>;
const sortColumns = { name: 'c.name', osName: 'c.os_name' } as const;

export function toDevice(row: ClientRow): Device {
  return {
    id: row.id,
    smsGuid: row.sms_guid,
    name: row.name,
    domain: row.domain,
    osName: row.os_name,
    osBuild: row.os_build,
    isServer: row.is_server === 1,
    products: JSON.parse(row.products) as string[],
    siteCode: row.site_code,
    clientVersion: row.client_version,
    registeredAt: row.registered_at,
    lastPolicyRequestAt: row.last_policy_request_at,
    lastScanAt: row.last_scan_at,
    lastScanState: row.last_scan_state,
    lastScanErrorCode: row.last_scan_error_code,
    lastStateMessageAt: row.last_state_message_at,
    timeZoneOffsetMinutes: row.time_zone_offset_minutes,
  };
}

/** Devices (Assets and Compliance), searched by name and paged on the site. */
export async function listDevices(
  site: SiteDatabase,
  query: z.output<typeof DeviceListQuery>,
): Promise<ListPage<Device>> {
  let base = site.read.selectFrom('client as c');
  const text = query.filter?.text;
  if (text) {
    const pattern = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where(sql<SqlBool>`lower(c.name) LIKE ${pattern} ESCAPE '\\'`);
  }
  const collectionId = query.filter?.collectionId;
  if (collectionId !== undefined)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('collection_member as m')
          .select(sql`1`.as('one'))
          .whereRef('m.client_id', '=', 'c.id')
          .where('m.collection_id', '=', collectionId),
      ),
    );
  const sort = query.sort ?? { column: 'name' as const, direction: 'asc' as const };
  const page = await readPage<ClientRow>(base, {
    sortColumn: sortColumns[sort.column],
    direction: sort.direction,
    idColumn: 'c.id',
    page: query.page,
    select: (q) => q.selectAll('c'),
  });
  return pageOf(page, toDevice);
}

export async function readDevice(site: SiteDatabase, id: number): Promise<Device> {
  const row = await site.read
    .selectFrom('client')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: device ${id} does not exist.`);
  return toDevice(row);
}
