import type { ListPage } from '../../../shared/contract';
import type { z } from 'zod';
import type { RequiredDevice } from '../../../shared/contract/software-updates';
import type { SiteDatabase } from '../db/open-database';

/** View Required (§3.6): devices whose last scan says the update is required (state 2). */
export async function listRequiredDevices(
  site: SiteDatabase,
  ciId: number,
  page: { size: number; offset: number },
): Promise<ListPage<z.output<typeof RequiredDevice>>> {
  const base = site.read
    .selectFrom('client_update_state as st')
    .innerJoin('client as c', 'c.id', 'st.client_id')
    .where('st.ci_id', '=', ciId)
    .where('st.state', '=', 2);
  const count = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirst();
  const rows = await base
    .select(['c.id', 'c.name', 'c.domain', 'c.os_name', 'c.last_scan_at', 'st.state_time'])
    .orderBy('c.name')
    .orderBy('c.id')
    .limit(page.size)
    .offset(page.offset)
    .execute();
  const total = Number(count?.total ?? 0);
  return {
    rows: rows.map((row) => ({
      clientId: row.id,
      name: row.name,
      domain: row.domain,
      osName: row.os_name,
      lastScanAt: row.last_scan_at,
      stateTime: row.state_time,
    })),
    nextCursor: null,
    total,
  };
}
