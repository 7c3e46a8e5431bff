import { sql, type Selectable } from 'kysely';
import type { ListPage } from '../../../shared/contract';
import type {
  SoftwareUpdateListQuery,
  SoftwareUpdateRow,
} from '../../../shared/contract/software-updates';
import type { z } from 'zod';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import { pageOf, readPage } from '../lists/keyset';
import { severityName } from '../catalog/update-record';
import { criterionSql, searchText } from './update-criteria-sql';

type Query = z.output<typeof SoftwareUpdateListQuery>;

const sortColumns = {
  title: 'u.title',
  articleId: 'u.article_id',
  bulletinId: 'u.bulletin_id',
  required: 's.num_required',
  installed: 's.num_installed',
  // Total is every client of the site for every update, so the order of Percent Compliant is
  // the order of Installed + Not Required (indexed).
  percentCompliant: 's.num_compliant',
  severity: 'u.severity',
  customSeverity: 'u.custom_severity',
  dateReleased: 'u.date_released',
  dateRevised: 'u.date_revised',
  size: 'u.size',
  classification: 'c.name',
} as const;

/** Upgrades live under Windows Servicing, Office 365 Client under Microsoft 365 Client Management (§3.1). */
const outOfScopeClassification = 'Upgrades';
const outOfScopeProduct = 'Office 365 Client';

const clientCount = sql<number>`(SELECT COUNT(*) FROM client)`;

/**
 * The joined columns every update row carries besides the update's own. Unknown counts the
 * clients that sent no known state, so it and Percent Compliant follow the number of clients
 * (computed once per query) instead of being rewritten on every update when a client joins.
 */
export const rowColumns = [
  'c.name',
  's.num_required',
  's.num_installed',
  's.num_not_required',
  sql<number>`${clientCount} - s.num_required - s.num_installed - s.num_not_required`.as(
    'num_unknown',
  ),
  sql<number>`CASE WHEN ${clientCount} > 0 THEN (s.num_compliant * 100) / ${clientCount} ELSE 0 END`.as(
    'percent_compliant',
  ),
  's.summarized_at',
] as const;

export type Row = Selectable<SiteSchema['software_update']> & {
  name: string;
  num_required: number;
  num_installed: number;
  num_not_required: number;
  num_unknown: number;
  percent_compliant: number;
  summarized_at: string | null;
};

/**
 * All Software Updates (§3.1–3.4): searched, filtered, sorted and paged on the site, so 200,000
 * updates cost one indexed page read per scroll step.
 */
export async function listSoftwareUpdates(
  site: SiteDatabase,
  query: Query,
  clock: Clock,
): Promise<ListPage<SoftwareUpdateRow>> {
  const db = site.read;
  const filter = query.filter ?? { criteria: [] };
  const now = clock.now();
  let base = db
    .selectFrom('software_update as u')
    .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
    .innerJoin('update_compliance_summary as s', 's.ci_id', 'u.ci_id')
    .where('c.name', '<>', outOfScopeClassification)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('software_update_product as sp')
            .innerJoin('product as p', 'p.id', 'sp.product_id')
            .select(sql`1`.as('one'))
            .whereRef('sp.ci_id', '=', 'u.ci_id')
            .where('p.name', '=', outOfScopeProduct),
        ),
      ),
    );
  if (filter.text) base = base.where((eb) => searchText(eb, filter.text!));
  for (const criterion of filter.criteria)
    base = base.where((eb) => criterionSql(eb, criterion, now));
  if (filter.groupId !== undefined)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('software_update_group_member as m')
          .select(sql`1`.as('one'))
          .whereRef('m.ci_id', '=', 'u.ci_id')
          .where('m.group_id', '=', filter.groupId!),
      ),
    );
  if (filter.packageId !== undefined)
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('deployment_package_content as pc')
          .select(sql`1`.as('one'))
          .whereRef('pc.ci_id', '=', 'u.ci_id')
          .where('pc.package_id', '=', filter.packageId!),
      ),
    );
  const sort = query.sort ?? { column: 'dateReleased' as const, direction: 'desc' as const };
  const page = await readPage<Row>(base, {
    sortColumn: sortColumns[sort.column],
    direction: sort.direction,
    // The tie-breaker comes from the same table as the sort column, so SQLite walks one index
    // (num_required, ci_id) instead of sorting every row (s.ci_id = u.ci_id).
    idColumn: sortColumns[sort.column].startsWith('s.') ? 's.ci_id' : 'u.ci_id',
    page: query.page,
    select: (q) => q.selectAll('u').select(rowColumns),
  });
  const products = await productsOf(
    site,
    page.rows.map((row) => row.ci_id),
  );
  return pageOf(page, (row) => toRow(row, products.get(row.ci_id) ?? ''));
}

export async function productsOf(
  site: SiteDatabase,
  ciIds: number[],
): Promise<Map<number, string>> {
  const names = new Map<number, string[]>();
  if (ciIds.length === 0) return new Map();
  const rows = await site.read
    .selectFrom('software_update_product as sp')
    .innerJoin('product as p', 'p.id', 'sp.product_id')
    .select(['sp.ci_id', 'p.name'])
    .where('sp.ci_id', 'in', ciIds)
    .orderBy('p.name')
    .execute();
  for (const row of rows) names.set(row.ci_id, [...(names.get(row.ci_id) ?? []), row.name]);
  return new Map([...names].map(([id, list]) => [id, list.join(', ')]));
}

export function toRow(row: Row, products: string): SoftwareUpdateRow {
  const isExpired = row.is_expired === 1;
  const isSuperseded = row.is_superseded === 1;
  const isInvalid = row.is_invalid === 1;
  const isMetadataOnly = row.is_metadata_only === 1;
  const isDownloaded = row.is_content_provisioned === 1;
  const total =
    row.num_required + row.num_installed + row.num_not_required + Number(row.num_unknown);
  return {
    ciId: row.ci_id,
    updateId: row.update_id,
    title: row.title,
    articleId: row.article_id,
    bulletinId: row.bulletin_id,
    required: row.num_required,
    installed: row.num_installed,
    notRequired: row.num_not_required,
    unknown: Number(row.num_unknown),
    total,
    percentCompliant: Number(row.percent_compliant),
    isDownloaded,
    isDeployed: row.is_deployed === 1,
    isExpired,
    isSuperseded,
    isInvalid,
    isMetadataOnly,
    isContentMissing: !isMetadataOnly && !isDownloaded,
    // Precedence of §3.3: Invalid > Expired > Superseded > Metadata-only > Normal.
    icon: isInvalid
      ? 'invalid'
      : isExpired
        ? 'expired'
        : isSuperseded
          ? 'superseded'
          : isMetadataOnly
            ? 'metadata-only'
            : 'normal',
    severity: severityName[row.severity] ?? '',
    customSeverity: severityName[row.custom_severity] ?? '',
    dateReleased: row.date_released,
    dateRevised: row.date_revised,
    dateCreated: row.date_created,
    dateLastModified: row.date_last_modified,
    size: Number(row.size),
    hasLicenseTerms: row.has_license_terms === 1,
    classification: row.name,
    products,
    vendor: row.vendor,
    maxRunTimeMinutes: row.max_execution_minutes,
    isBundle: row.is_bundle === 1,
    isUserDefined: row.is_user_defined === 1,
  };
}
