import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DeploymentJobResult } from '../../src/shared/contract/deployments';
import {
  categoryOf,
  type DeploymentTopicType,
} from '../../src/shared/deployments/status-categories';
import { startSiteServer } from '../../src/main/host/server/site-server';
import type { Fleet } from '../../src/main/host/fleet/fleet';
import type { Site } from '../../src/main/site/site';
import { makeRecord } from './catalog-fixtures';
import { call } from './compliance-site';
import { openDeploymentSite, type DeploymentRequest } from './deployment-site';
import type { EngineName } from './engines';
import { jobEnd } from './test-site';

const server2022 = { vendor: 'Microsoft', family: 'Windows', name: 'Windows Server 2022' };

/**
 * A site with Windows 11 and Server 2022 updates and the demo updates, served over loopback
 * HTTP like `patchbay serve`, so a fleet registers, polls policy and downloads from its DP.
 */
export async function openFleetSite(engine: EngineName) {
  const opened = await openDeploymentSite(engine, {
    demo: true,
    records: [
      makeRecord('win11-cu', { dateReleased: '2026-10-14T00:00:00.000Z' }),
      makeRecord('server-cu', { products: [server2022], dateReleased: '2026-10-14T00:00:00.000Z' }),
    ],
  });
  const server = await startSiteServer(opened.site);
  return {
    ...opened,
    server,
    dispose: async () => {
      await server.close();
      await opened.dispose();
    },
  };
}

/** Deploys the demo updates (downloaded into a new package on the site's DP) and waits. */
export async function deployDemo(
  site: Site,
  ciIds: number[],
  collectionId: number,
  more: Partial<DeploymentRequest> = {},
) {
  const group = await call(site, 'groups.create', { name: `Demo ${Date.now()}`, ciIds });
  const { jobId } = await call(site, 'deployments.create', {
    selection: { groupId: group.id },
    general: { collectionId, name: `Demo deployment ${Date.now()}` },
    content: {
      deploymentPackage: {
        choice: 'new',
        package: {
          name: `Demo package ${Date.now()}`,
          sourcePath: mkdtempSync(join(tmpdir(), 'patchbay-fleet-pkg-')),
        },
      },
      languageSelection: { languages: ['en'] },
    },
    ...more,
  });
  const job = await jobEnd(site, jobId, 120_000);
  if (job.error) throw new Error(`deployment failed: ${job.error}`);
  const result = job.result as DeploymentJobResult;
  return call(site, 'deployments.get', { id: result.deploymentId! });
}

/** Ticks the fleet (its clock runs at its acceleration) until `isDone` or the time is up. */
export async function runFleetUntil(
  fleet: Fleet,
  isDone: () => Promise<boolean> | boolean,
  timeoutMs: number,
): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    await fleet.tick();
    if (await isDone()) return true;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return false;
}

/** The five View Status categories of a deployment from each targeted client's latest state. */
export async function categoriesOf(site: Site, deploymentId: number) {
  const rows = await site.database.db
    .selectFrom('client_deployment_state')
    .select(['topic_type', 'state_id', 'error_code'])
    .where('deployment_id', '=', deploymentId)
    .execute();
  const counts = { Compliant: 0, InProgress: 0, Error: 0, RequirementsNotMet: 0, Unknown: 0 };
  const errorCodes: number[] = [];
  for (const row of rows) {
    const category = categoryOf(row.topic_type as DeploymentTopicType, row.state_id);
    counts[category] += 1;
    if (category === 'Error') errorCodes.push(row.error_code);
  }
  return { counts, withState: rows.length, errorCodes };
}
