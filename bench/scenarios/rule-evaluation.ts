import { sql } from 'kysely';
import type { DateReleasedRange, RuleCriteria } from '../../src/shared/contract/rule-criteria';
import { readCatalogBundle } from '../../src/main/site/catalog/bundle/read-catalog-bundle';
import { writeCatalog } from '../../src/main/site/catalog/catalog-writer';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { rangeBoundary } from '../../src/main/site/rules/rule-criteria-sql';
import { evaluateRule } from '../../src/main/site/rules/rule-evaluation';
import type { Site } from '../../src/main/site/site';
import { scaleCatalog } from '../support/catalog-generator';
import { medianOf, type BenchRow } from '../support/measure';

const products = ['Windows 11', 'Windows 10', 'Office 2016', 'Windows Server 2016', 'Office 2013'];
const classifications = [
  'Security Updates',
  'Critical Updates',
  'Updates',
  'Update Rollups',
  'Service Packs',
];
const ranges: DateReleasedRange[] = [
  'Last 1 month',
  'Last 2 months',
  'Last 14 days',
  'Last 3 months',
  'Last 7 days',
];

/** Fifty rules as admins write them: a product, a classification, a recent range, not superseded. */
function benchRules(count: number): RuleCriteria[] {
  return Array.from({ length: count }, (_, index): RuleCriteria => [
    { property: 'product', values: [products[index % products.length]!] },
    {
      property: 'updateClassification',
      values: [classifications[Math.floor(index / products.length) % classifications.length]!],
    },
    { property: 'dateReleasedOrRevised', range: ranges[index % ranges.length]! },
    { property: 'superseded', value: false },
    ...(index % 2 === 0
      ? [{ property: 'severity' as const, values: ['Critical' as const, 'Important' as const] }]
      : []),
  ]);
}

/**
 * P6: every rule of a site evaluated against 200,000 updates by the engine's own `evaluateRule`
 * (what both a run and the preview call), against the same criteria written by hand as one bare
 * SQL statement with the best plan found for them (driven by the date indexes, product checked
 * by key, ids looked up beforehand): the floor for these questions on this engine in this run.
 * The difference is what the engine adds: the id look-ups, the query builder, the license
 * terms step and the sort.
 */
export async function ruleEvaluation(
  site: Site,
  engine: 'sqlite' | 'postgres',
  bundledFolder: string,
  updates: number,
  ruleCount: number,
): Promise<BenchRow> {
  const templates: UpdateRecord[] = [];
  for await (const record of readCatalogBundle(bundledFolder)) templates.push(record);
  const db = site.database.db;
  const classificationRows = await db
    .selectFrom('update_classification')
    .select(['id', 'name'])
    .execute();
  const fillStarted = performance.now();
  await db.transaction().execute((trx) =>
    writeCatalog(
      trx,
      scaleCatalog(templates, updates),
      {
        isFull: true,
        now: new Date().toISOString(),
        catalogVersion: 1,
        classificationIds: new Map(classificationRows.map((row) => [row.name, row.id])),
        maxRuntimeFor: () => 60,
      },
      () => undefined,
    ),
  );
  const fillMs = performance.now() - fillStarted;
  // Statistics as autovacuum (PostgreSQL) or the site's own optimize (SQLite) leave them.
  await sql`ANALYZE`.execute(db);
  const newest = await db
    .selectFrom('software_update')
    .select((eb) => eb.fn.max('date_released').as('at'))
    .executeTakeFirstOrThrow();
  const now = new Date(String(newest.at));
  const rules = benchRules(ruleCount);
  const classificationIds = new Map(classificationRows.map((row) => [row.name, row.id]));
  const productIds = new Map(
    (await db.selectFrom('product').select(['id', 'name']).execute()).map((row) => [
      row.name,
      row.id,
    ]),
  );

  let engineMatches = 0;
  const engineMs = await medianOf(3, async () => {
    engineMatches = 0;
    for (const criteria of rules)
      engineMatches += (await evaluateRule(db, { criteria, licenseTerms: 'approve-all', now }))
        .ciIds.length;
  });
  let bareMatches = 0;
  const bareMs = await medianOf(3, async () => {
    bareMatches = 0;
    for (const criteria of rules) {
      const [product, classification, range, , severity] = criteria as [
        { values: string[] },
        { values: string[] },
        { range: DateReleasedRange },
        unknown,
        { values: string[] } | undefined,
      ];
      const since = rangeBoundary(range.range, now)!.toISOString();
      const severities = severity?.values.map((name) => (name === 'Critical' ? 10 : 8));
      const result = await sql<{ ci_id: number }>`
        SELECT u.ci_id FROM software_update u
         WHERE u.is_expired = 0 AND u.is_invalid = 0 AND u.is_superseded = 0
           AND (u.classification_id || '') IN (${sql.join(classification.values.map((name) => classificationIds.get(name) ?? ''))})
           AND EXISTS (SELECT 1 FROM software_update_product sp WHERE sp.ci_id = u.ci_id
                          AND sp.product_id IN (${sql.join(product.values.map((name) => productIds.get(name) ?? ''))}))
           AND (u.date_released >= ${since} OR u.date_revised >= ${since})
           ${severities ? sql`AND u.severity IN (${sql.join(severities)})` : sql``}`.execute(db);
      bareMatches += result.rows.length;
    }
  });
  const ratio = engineMs / bareMs;
  const met = engineMs < 500;
  return {
    scenario: `P6 ${ruleCount} automatic deployment rules evaluated (${engine})`,
    size: `${updates.toLocaleString('en-US')} updates, ${engineMatches} matches`,
    medianMs: engineMs,
    rate: `${(engineMs / ruleCount).toFixed(1)} ms/rule`,
    target: `< 500 ms${met ? '' : ' — missed'}`,
    ratio: `${ratio.toFixed(2)}× bare indexed SQL (${bareMs.toFixed(1)} ms${bareMatches === engineMatches ? '' : `, ${bareMatches} matches`}); fixture fill ${(fillMs / 1000).toFixed(0)} s`,
  };
}
