import { containsText } from '../db/text-search';
import type { Job, JobListQuery, ListPage } from '../../../shared/contract';
import type { SiteDatabase } from '../db/open-database';
import { pageOf, readPage } from '../lists/keyset';
import { toJob, type JobRow } from './job-row';

const sortColumns = { id: 'id', kind: 'kind', state: 'state', createdAt: 'created_at' } as const;

/** The Jobs node and the jobs panel: newest first unless the grid asks otherwise. */
export async function listJobs(site: SiteDatabase, query: JobListQuery): Promise<ListPage<Job>> {
  let base = site.read.selectFrom('job');
  if (query.filter?.states?.length) base = base.where('state', 'in', query.filter.states);
  if (query.filter?.kind) base = base.where('kind', '=', query.filter.kind);
  const text = query.filter?.text;
  if (text)
    base = base.where((eb) =>
      eb.or([
        containsText('title', text),
        containsText('progress_text', text),
        containsText('error', text),
      ]),
    );
  const sort = query.sort ?? { column: 'id', direction: 'desc' as const };
  const page = await readPage<JobRow>(base, {
    sortColumn: sortColumns[sort.column],
    direction: sort.direction,
    idColumn: 'id',
    page: query.page,
  });
  return pageOf(page, toJob);
}
