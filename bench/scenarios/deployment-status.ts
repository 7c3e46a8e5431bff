import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { ManagementPointClient } from '../../src/main/host/fleet/management-point-client';
import { startSiteServer } from '../../src/main/host/server/site-server';
import type { Site } from '../../src/main/site/site';
import { AlertsPage, DownloadSettingsPage, UserExperiencePage } from '../../src/shared/contract';
import { registerClients, seedUpdates } from '../support/compliance-fixture';
import { formatRate, medianOf, perSecond, type BenchRow } from '../support/measure';

const context = { user: 'bench', transport: 'test' as const };

/** A deployment row of one update to a new collection (the status side reads only these). */
async function deploymentTo(site: Site, collectionId: number, ciId: number) {
  const now = new Date().toISOString();
  const uniqueId = `{${randomUUID().toUpperCase()}}`;
  const row = await site.database.db
    .insertInto('deployment')
    .values({
      assignment_unique_id: uniqueId,
      name: `Bench ${uniqueId}`,
      assignment_type: 1,
      collection_id: collectionId,
      purpose: 'Required',
      available_at: now.slice(0, 19),
      deadline_at: now.slice(0, 19),
      user_experience: JSON.stringify(UserExperiencePage.parse({})),
      alerts: JSON.stringify(AlertsPage.parse({})),
      download_settings: JSON.stringify(DownloadSettingsPage.parse({})),
      created_at: now,
      created_by: 'bench',
      modified_at: now,
      modified_by: 'bench',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await site.database.db
    .insertInto('deployment_update')
    .values({ deployment_id: row.id, ci_id: ciId })
    .execute();
  return { id: row.id, uniqueId };
}

async function newCollection(site: Site, name: string) {
  const now = new Date().toISOString();
  return (
    await site.database.db
      .insertInto('collection')
      .values({ collection_id: name, name, created_at: now, members_changed_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

/**
 * P11 View Status: a deployment to `clients` clients (made with set-based SQL), their latest
 * states spread over the categories as a deadline leaves them; `deployments.status` plus the
 * first Asset Details page (the Compliant tab, up to the 20,000 cap) as the console opens it.
 */
export async function viewStatus(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
): Promise<BenchRow> {
  const [updateId] = await seedUpdates(site, 1);
  const ciId = (
    await site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('update_id', '=', updateId!)
      .executeTakeFirstOrThrow()
  ).ci_id;
  const collectionId = await newCollection(site, 'P11BENCH');
  const now = new Date().toISOString();
  await sql`
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${clients})
    INSERT INTO client (sms_guid, name, os_name, auth_key_hash, registered_at)
    SELECT 'GUID:P11-' || i, 'P11-' || i, 'Windows 11', 'x', ${now} FROM n
  `.execute(site.database.db);
  await sql`
    INSERT INTO collection_member (collection_id, client_id)
    SELECT ${collectionId}, id FROM client WHERE sms_guid LIKE 'GUID:P11-%'
  `.execute(site.database.db);
  const deployment = await deploymentTo(site, collectionId, ciId);
  // 70% installed, 10% downloading, 5% failed to install, 5% waiting for a window, 10% silent.
  await sql`
    INSERT INTO client_deployment_state
      (deployment_id, client_id, topic_type, state_id, error_code, state_time)
    SELECT ${deployment.id}, id, 301,
      CASE WHEN id % 20 < 14 THEN 4 WHEN id % 20 < 16 THEN 7 WHEN id % 20 = 16 THEN 6 ELSE 10 END,
      CASE WHEN id % 20 = 16 THEN -2147023293 ELSE 0 END, ${now}
    FROM client WHERE sms_guid LIKE 'GUID:P11-%' AND id % 10 <> 9
  `.execute(site.database.db);
  if (engine === 'postgres') await sql`ANALYZE`.execute(site.database.db);
  let shown = 0;
  const medianMs = await medianOf(5, async () => {
    const status = await site.handlers['deployments.status']({ id: deployment.id }, context);
    const assets = await site.handlers['deployments.assets'](
      { id: deployment.id, category: 'Compliant', limit: 20_000 },
      context,
    );
    if (status.deployment.numberTargeted !== clients) throw new Error('P11: wrong target count');
    shown = assets.rows.length;
  });
  return {
    scenario: `P11 View Status (${engine})`,
    size: `${clients.toLocaleString('en-US')} clients; status + ${shown.toLocaleString('en-US')} assets`,
    medianMs,
    rate: '',
    target: '< 500 ms',
    ratio: `${(medianMs / 500).toFixed(2)} of the target${medianMs > 500 ? ' (missed)' : ''}`,
  };
}

/**
 * P11 deadline: `clients` clients reach a deployment's deadline together and post their
 * 301/300 messages at once through the HTTP endpoint (8 at a time); compared with the P3
 * in-process rate measured in the same run.
 */
export async function deadlineIngest(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
  p3InProcessPerSecond: number | null,
): Promise<BenchRow> {
  const [updateId] = await seedUpdates(site, 1);
  const ciId = (
    await site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('update_id', '=', updateId!)
      .executeTakeFirstOrThrow()
  ).ci_id;
  const identities = await registerClients(site, clients, 'deadline');
  const allSystems = (
    await site.database.db
      .selectFrom('collection')
      .select('id')
      .where('collection_id', '=', 'SMS00001')
      .executeTakeFirstOrThrow()
  ).id;
  const { uniqueId } = await deploymentTo(site, allSystems, ciId);
  const server = await startSiteServer(site, { port: 0 });
  const mp = new ManagementPointClient(server.url);
  const time = new Date().toISOString();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < identities.length) {
        const index = next++;
        await mp.postStateMessages(identities[index]!, {
          batchId: `deadline-${index}`,
          messages: [
            { topicType: 301, topicId: uniqueId, stateId: 4, time },
            { topicType: 300, topicId: uniqueId, stateId: 1, time },
          ],
        });
      }
    }),
  );
  const ms = performance.now() - started;
  await server.close();
  const messages = clients * 2;
  const rate = perSecond(messages, ms);
  return {
    scenario: `P11 deadline ingest over HTTP (${engine})`,
    size: `${clients.toLocaleString('en-US')} clients × 301+300 at once`,
    medianMs: ms,
    rate: formatRate(messages, ms, 'msgs'),
    target: 'not below P3',
    ratio:
      p3InProcessPerSecond === null
        ? ''
        : // P3's batches hold 300 messages, these 2: batches per second say what the site does per client.
          `${(rate / p3InProcessPerSecond).toFixed(2)} of P3 in process in msgs/s${rate < p3InProcessPerSecond ? ' (missed)' : ''}; ${(perSecond(clients, ms) / (p3InProcessPerSecond / 300)).toFixed(1)}× its batches/s`,
  };
}
