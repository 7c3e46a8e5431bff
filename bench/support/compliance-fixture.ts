import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { writeCatalog } from '../../src/main/site/catalog/catalog-writer';
import type { ClientIdentity } from '../../src/main/host/fleet/management-point-client';
import type { Site } from '../../src/main/site/site';

function guid(seed: string): string {
  const hex = createHash('sha1').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** `count` monthly-cumulative-like updates for Windows 11, written straight into the catalog. */
export async function seedUpdates(site: Site, count: number): Promise<string[]> {
  const records: UpdateRecord[] = Array.from({ length: count }, (_, index) => {
    const kb = String(8_000_000 + index);
    const released = new Date(Date.UTC(2020, 0, 1) + index * 86_400_000).toISOString();
    return {
      updateId: guid(`bench-update-${index}`),
      revision: 200,
      articleId: kb,
      bulletinId: '',
      title: `Bench update ${index} (KB${kb})`,
      description: '',
      classification: 'Security Updates',
      vendor: 'Microsoft',
      products: [{ vendor: 'Microsoft', family: 'Windows', name: 'Windows 11' }],
      severity: 'Important',
      cves: [],
      dateReleased: released,
      dateRevised: released,
      size: 1000,
      languages: [],
      supersedes: [],
      restartBehavior: 'Can request restart',
      architecture: 'x64',
      informationUrl: '',
      hasLicenseTerms: false,
      licenseTerms: null,
      contentFiles: [],
    };
  });
  const classifications = await site.database.db
    .selectFrom('update_classification')
    .select(['id', 'name'])
    .execute();
  const now = new Date().toISOString();
  await site.database.db.transaction().execute((trx) =>
    writeCatalog(
      trx,
      records,
      {
        isFull: true,
        now,
        catalogVersion: 1,
        classificationIds: new Map(classifications.map((row) => [row.name, row.id])),
        maxRuntimeFor: () => 60,
      },
      () => undefined,
    ),
  );
  return records.map((record) => record.updateId);
}

/** Registers `count` clients through the management point (in process). */
export async function registerClients(site: Site, count: number, prefix: string) {
  const identities: Array<ClientIdentity & { clientId: number }> = [];
  for (let index = 0; index < count; index += 1) {
    const result = await site.managementPoint.register({
      name: `${prefix}-${index}`,
      osName: 'Windows 11',
      products: ['Windows 11'],
    });
    identities.push({
      smsGuid: result.smsGuid,
      clientKey: result.clientKey,
      clientId: result.clientId,
    });
  }
  return identities;
}

/** A first-scan batch: one detection state per update, as a client sends after its scan. */
export function firstScanBatch(batchId: string, updateIds: string[], seed: number, time: string) {
  return {
    batchId,
    messages: updateIds.map((updateId, index) => ({
      topicType: 500 as const,
      updateId,
      stateId: (seed + index) % 4,
      time,
    })),
  };
}

/**
 * `count` registered clients, set-based in the database (generate_series / a recursive CTE), as
 * a restore would leave them: a fixture, not registration traffic.
 */
export async function seedClients(site: Site, count: number, now: string): Promise<void> {
  const numbers =
    site.database.dialect === 'postgres'
      ? sql`SELECT generate_series(1, ${count}::int) AS x`
      : sql`WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${count}) SELECT x FROM n`;
  await sql`INSERT INTO client (sms_guid, name, os_name, auth_key_hash, registered_at, site_code, last_scan_at, last_scan_state)
            SELECT 'GUID:bench-' || x, 'PC-' || x, 'Windows 11', 'x', ${now}, 'PS1', ${now}, 3
            FROM (${numbers}) AS s`.execute(site.database.db);
}
