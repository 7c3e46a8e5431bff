import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteContract, type SiteMethod } from '../../src/shared/contract';
import { builtInRoleNames } from '../../src/shared/security/built-in-roles';
import { methodPermissions, writeMethods } from '../../src/shared/security/method-permissions';
import { AccountStore } from '../../src/main/site/accounts/account-store';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import { startSiteServer, type SiteServer } from '../../src/main/host/server/site-server';
import { engines } from '../support/engines';
import { openTestSite } from '../support/test-site';

const password = 'correct horse battery staple';

/** The lists an admin would look at to see whether anything changed. */
const lookingGlass: SiteMethod[] = [
  'groups.list',
  'collections.list',
  'deployments.list',
  'deploymentTemplates.list',
  'rules.list',
  'ruleTemplates.list',
  'packages.list',
  'dps.list',
  'dpGroups.list',
  'clientSettings.list',
  'maintenanceWindows.list',
  'searches.list',
  'sup.settings.get',
  'jobs.list',
  'reports.schedules.list',
];

describe('the contract table of permissions', () => {
  it('names a permission for every method of the contract and marks the writes', () => {
    expect(Object.keys(methodPermissions).sort()).toEqual(Object.keys(siteContract).sort());
    const writes = writeMethods();
    expect(writes).toContain('deployments.create');
    expect(writes).toContain('groups.delete');
    expect(writes).toContain('sync.start');
    expect(writes).not.toContain('groups.list');
    expect(writes).not.toContain('reports.run');
    expect(methodPermissions['deployments.create']).toEqual({
      object: 'Collection',
      permission: 'Deploy Software Updates',
    });
  });
});

describe.each(engines)('roles enforced at the site over HTTP on %s', (engine) => {
  let server: SiteServer;
  let opened: Awaited<ReturnType<typeof openTestSite>>;
  const tokens = new Map<string, string>();

  async function call(who: string, method: string, input: unknown = {}) {
    const response = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.get(who)}` },
      body: JSON.stringify(input),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        ok: boolean;
        value?: unknown;
        error?: { code: string; message: string };
      },
    };
  }

  /** What the lists say, read by the site's own administrator (no account) past HTTP. */
  async function snapshot() {
    const seen: Record<string, unknown> = {};
    for (const method of lookingGlass) {
      seen[method] = await dispatchCall(
        opened.site.handlers,
        method,
        {},
        {
          user: 'site-admin',
          transport: 'test',
        },
      );
    }
    return seen;
  }

  beforeAll(async () => {
    opened = await openTestSite(engine);
    server = await startSiteServer(opened.site, { port: 0 });
    const accounts = new AccountStore(opened.site.database, opened.site.clock);
    const people = {
      ana: 'Read-only Analyst',
      sam: 'Software Update Manager',
      fay: 'Full Administrator',
      sec: 'Security Administrator',
    } as const;
    for (const [name, role] of Object.entries(people)) {
      await accounts.add({ name, role, password });
      const reply = await fetch(`${server.url}auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name, password }),
      });
      expect(reply.status).toBe(200);
      tokens.set(name, ((await reply.json()) as { value: { token: string } }).value.token);
    }
    expect(new Set(Object.values(people))).toEqual(new Set(builtInRoleNames));
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await opened?.dispose();
  });

  it('refuses a Read-only Analyst every write method of the contract with 403 and a sentence, and nothing changes', async () => {
    const before = await snapshot();
    const writes = writeMethods();
    expect(writes.length).toBeGreaterThan(50);
    for (const method of writes) {
      const { object, permission } = methodPermissions[method];
      const reply = await call('ana', method, {});
      expect({ method, status: reply.status, body: reply.body }).toEqual({
        method,
        status: 403,
        body: {
          ok: false,
          error: {
            code: 'forbidden',
            message: `ana (Read-only Analyst) may not call ${method}: the role has no ${permission} permission on ${object}.`,
            details: { method, object, permission },
          },
        },
      });
    }
    expect(await snapshot()).toEqual(before);
  }, 120_000);

  it('lets a Read-only Analyst read and run reports', async () => {
    const groups = await call('ana', 'groups.list', {});
    expect(groups.status).toBe(200);
    expect((await call('ana', 'site.info', {})).status).toBe(200);
  });

  it('lets a Software Update Manager create a group but not change the software update point or sync', async () => {
    const made = await call('sam', 'groups.create', { name: 'Made by Sam' });
    expect(made.status).toBe(200);
    const set = await call('sam', 'sup.settings.set', {});
    expect(set.status).toBe(403);
    expect(set.body.error?.message).toBe(
      'sam (Software Update Manager) may not call sup.settings.set: the role has no Modify permission on Site.',
    );
    expect((await call('sam', 'sync.start', {})).body.error?.code).toBe('forbidden');
  });

  it('lets a Security Administrator read but not create a group', async () => {
    expect((await call('sec', 'groups.list', {})).status).toBe(200);
    const refused = await call('sec', 'groups.create', { name: 'Made by Sec' });
    expect(refused.body.error?.message).toBe(
      'sec (Security Administrator) may not call groups.create: the role has no Create permission on Software Update Group.',
    );
  });

  it('lets a Full Administrator past every check: a write method reaches its handler', async () => {
    for (const method of writeMethods()) {
      const reply = await call('fay', method, { definitely: 'not valid input' });
      // The schema or the handler answers, never the role check.
      expect({ method, code: reply.body.error?.code }).not.toEqual({ method, code: 'forbidden' });
    }
    const made = await call('fay', 'groups.create', { name: 'Made by Fay' });
    expect(made.status).toBe(200);
  }, 120_000);

  it('keeps the site machine’s own calls (no account) as Full Administrator', async () => {
    const made = await dispatchCall(
      opened.site.handlers,
      'groups.create',
      { name: 'Made on the site' },
      { user: 'site-admin', transport: 'cli' },
    );
    expect(made.ok).toBe(true);
  });
});
