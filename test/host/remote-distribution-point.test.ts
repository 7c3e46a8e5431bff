import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startSiteServer } from '../../src/main/host/server/site-server';
import { engines } from '../support/engines';
import { jobEnd, openTestSite } from '../support/test-site';

const user = { user: 'CONTOSO\\admin', transport: 'test' as const };

describe.each(engines)('A remote distribution point (another patchbay serve) on %s', (engine) => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('receives the demo package over HTTP, verified by hash, and serves it to clients by hash', async () => {
    const fast = { content: { demoBytesPerSecond: 0, backoffMs: 10 }, bundledCatalogFolder: null };
    const primary = await openTestSite(engine, fast);
    cleanup.push(primary.dispose);
    const remote = await openTestSite('sqlite', fast);
    cleanup.push(remote.dispose);
    const server = await startSiteServer(remote.site, { port: 0 });
    cleanup.push(() => server.close());

    await primary.site.handlers['content.addDemo']({}, user);
    const dp = await primary.site.handlers['dps.add'](
      { kind: 'remote', name: 'DP-BRANCH', url: server.url, description: '' },
      user,
    );
    const demo = await primary.site.database.db
      .selectFrom('software_update')
      .select('ci_id')
      .where('source', '=', 'demo-content')
      .orderBy('title')
      .limit(2)
      .execute();
    const started = await primary.site.handlers['content.download'](
      {
        selection: { ciIds: demo.map((row) => row.ci_id) },
        deploymentPackage: {
          choice: 'new',
          package: {
            name: 'Branch',
            description: '',
            sourcePath: mkdtempSync(join(tmpdir(), 'pkg-')),
            isBinaryDifferentialReplication: false,
          },
        },
        distributionPoints: { distributionPointIds: [dp.id], distributionPointGroupIds: [] },
        distributionSettings: {
          priority: 'High',
          isOnDemandDistribution: false,
          prestageBehavior: 'ManualCopy',
        },
        location: { source: 'internet' },
        languageSelection: { languages: ['en'] },
      },
      user,
    );
    const job = await jobEnd(primary.site, started.jobId);
    expect(job.error).toBeNull();
    const locations = await primary.site.handlers['contentStatus.get'](
      { packageId: started.packageId },
      user,
    );
    expect(locations.map((row) => [row.distributionPointName, row.state])).toEqual([
      ['Site content library', 'Success'],
      ['DP-BRANCH', 'Success'],
    ]);

    const files = await primary.site.database.db
      .selectFrom('deployment_package_content')
      .select(['sha256', 'size'])
      .where('package_id', '=', started.packageId)
      .execute();
    expect(files.length).toBe(2);
    for (const file of files) {
      const response = await fetch(`${server.url}dp/content/${file.sha256}`);
      expect(response.status).toBe(200);
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.length).toBe(Number(file.size));
      expect(createHash('sha256').update(body).digest('hex')).toBe(file.sha256);
    }

    // A body that is not what its address says is refused, and nothing is stored.
    const wrong = 'f'.repeat(64);
    const refused = await fetch(`${server.url}dp/content/${wrong}`, {
      method: 'PUT',
      body: 'not that file',
    });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain('refused');
    expect((await fetch(`${server.url}dp/content/${wrong}`)).status).toBe(404);

    // Validate reads every file back from the remote DP and checks its hash.
    const validated = await jobEnd(
      primary.site,
      (
        await primary.site.handlers['packages.validate'](
          { id: started.packageId, distributionPointIds: [dp.id] },
          user,
        )
      ).jobId,
    );
    expect(validated.error).toBeNull();
  });
});
