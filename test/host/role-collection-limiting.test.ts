import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountCollections } from '../../src/main/site/accounts/account-collections';
import { AccountStore } from '../../src/main/site/accounts/account-store';
import { startSiteServer, type SiteServer } from '../../src/main/host/server/site-server';
import { call } from '../support/compliance-site';
import { deploymentOf, openDeploymentSite } from '../support/deployment-site';
import { engines } from '../support/engines';
import { jobEnd } from '../support/test-site';

const password = 'correct horse battery staple';

describe.each(engines)('collection limiting for the right to deploy on %s', (engine) => {
  let server: SiteServer;
  let opened: Awaited<ReturnType<typeof openDeploymentSite>>;
  let pilot: number;
  const tokens = new Map<string, string>();

  async function api(who: string, method: string, input: unknown) {
    const response = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(who)}` },
      body: JSON.stringify(input),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        ok: boolean;
        value?: { jobId: number };
        error?: { code: string; message: string };
      },
    };
  }

  beforeAll(async () => {
    opened = await openDeploymentSite(engine);
    pilot = (await call(opened.site, 'collections.create', { name: 'Pilot Workstations' })).id;
    server = await startSiteServer(opened.site, { port: 0 });
    const accounts = new AccountStore(opened.site.database, opened.site.clock);
    const limits = new AccountCollections(opened.site.database);
    const sam = await accounts.add({ name: 'sam', role: 'Software Update Manager', password });
    await limits.set(sam.id, await limits.idsNamed(['Pilot Workstations']));
    await accounts.add({ name: 'fay', role: 'Full Administrator', password });
    for (const name of ['sam', 'fay']) {
      const reply = await fetch(`${server.url}auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      tokens.set(name, ((await reply.json()) as { value: { token: string } }).value.token);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await opened?.dispose();
  });

  it('keeps the list per account, resolved from collection names', async () => {
    const sam = await new AccountStore(opened.site.database, opened.site.clock).find('sam');
    expect(await new AccountCollections(opened.site.database).of(sam!.id)).toEqual([pilot]);
    await expect(
      new AccountCollections(opened.site.database).idsNamed(['No Such Collection']),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: 'There is no collection named "No Such Collection".',
    });
  });

  it('lets a Software Update Manager deploy to an allowed collection and refuses another', async () => {
    const allowed = await api('sam', 'deployments.create', deploymentOf(opened.catalogIds, pilot));
    expect(allowed.status).toBe(200);
    const job = await jobEnd(opened.site, allowed.body.value!.jobId, 60_000);
    expect(job.error).toBeNull();

    const before = (await call(opened.site, 'deployments.list', {})).total;
    const refused = await api(
      'sam',
      'deployments.create',
      deploymentOf(opened.catalogIds, opened.allSystems, {
        general: { name: 'Everyone', collectionId: opened.allSystems },
      }),
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'forbidden',
      message: `sam (Software Update Manager) may not deploy to collection ${opened.allSystems} with deployments.create: the account may deploy only to its collections (${pilot}).`,
    });
    const addToRule = await api('sam', 'rules.addDeployment', {
      ruleId: 1,
      collectionId: opened.allSystems,
      settings: {},
    });
    expect(addToRule.body.error?.code).toBe('forbidden');
    expect((await call(opened.site, 'deployments.list', {})).total).toBe(before);
  }, 120_000);

  it('lets a Full Administrator without a list deploy anywhere', async () => {
    const reply = await api(
      'fay',
      'deployments.create',
      deploymentOf(opened.catalogIds, opened.allSystems, {
        general: { name: 'All of them', collectionId: opened.allSystems },
      }),
    );
    expect(reply.status).toBe(200);
    expect((await jobEnd(opened.site, reply.body.value!.jobId, 60_000)).error).toBeNull();
  }, 120_000);
});
