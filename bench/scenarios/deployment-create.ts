import { sql } from 'kysely';
import type { DeploymentJobResult } from '../../src/shared/contract/deployments';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { Site } from '../../src/main/site/site';
import { seedClients, seedUpdates } from '../support/compliance-fixture';
import { medianOf, type BenchRow } from '../support/measure';

const admin = { user: 'bench', transport: 'test' } as const;

/** Waits for a job to end, polling the row as the CLI's --wait does (more often). */
async function jobEnd(site: Site, jobId: number) {
  for (;;) {
    const job = await site.jobs.get(jobId);
    if (['succeeded', 'failed', 'cancelled'].includes(job.state)) return job;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/**
 * P11 "create": the Deploy wizard's Finish for a group of `updates` updates to All Systems with
 * `clients` members, everything already downloaded: `deployments.create` (every rule checked,
 * the job queued) until its job has written the deployment, its updates and the Deployed flags.
 */
export async function deploymentCreation(
  site: Site,
  engine: 'sqlite' | 'postgres',
  clients: number,
  updates: number,
  runs: number,
): Promise<BenchRow> {
  await seedUpdates(site, updates);
  await seedClients(site, clients, new Date().toISOString());
  const allSystems = await site.database.db
    .selectFrom('collection')
    .select('id')
    .where('collection_id', '=', 'SMS00001')
    .executeTakeFirstOrThrow();
  await sql`INSERT INTO collection_member (collection_id, client_id) SELECT ${allSystems.id}, id FROM client`.execute(
    site.database.db,
  );
  const ciIds = (
    await site.database.db.selectFrom('software_update').select('ci_id').execute()
  ).map((row) => row.ci_id);
  const group = await site.handlers['groups.create'](
    { name: 'Bench deployment group', description: '', ciIds },
    admin,
  );
  let run = 0;
  let handlerMs = 0;
  let last: number | null = null;
  const ms = await medianOf(
    runs,
    async () => {
      const started = performance.now();
      // Through the site boundary, as a console's Finish arrives: parsed, checked, queued.
      const reply = await dispatchCall(
        site.handlers,
        'deployments.create',
        {
          selection: { groupId: group.id },
          general: { name: `Bench deployment ${run}`, collectionId: allSystems.id },
        },
        admin,
      );
      if (!reply.ok) throw new Error(`P11 create: ${reply.error.message}`);
      const { jobId } = reply.value as { jobId: number };
      handlerMs = performance.now() - started;
      const job = await jobEnd(site, jobId);
      if (job.state !== 'succeeded')
        throw new Error(`P11 create: the job ${job.state}: ${job.error}`);
      last = (job.result as DeploymentJobResult).deploymentId;
    },
    async () => {
      run += 1;
      if (last !== null) await site.handlers['deployments.delete']({ ids: [last] }, admin);
    },
  );
  return {
    scenario: `P11 Create a deployment (${engine})`,
    size: `${updates.toLocaleString('en')} updates to ${clients.toLocaleString('en')} clients`,
    medianMs: ms,
    rate: `handler ${handlerMs.toFixed(0)} ms, job the rest`,
    target: '< 1 s',
    ratio: `${(ms / 1000).toFixed(2)} × the 1 s target${ms < 1000 ? '' : ' (missed)'}`,
  };
}
