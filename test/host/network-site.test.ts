import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { AccountStore } from '../../src/main/site/accounts/account-store';
import { signInAuditIds } from '../../src/main/site/accounts/sign-in-audit';
import { startSiteServer, type SiteServer } from '../../src/main/host/server/site-server';
import { selfSignedTls, type TlsMaterial } from '../../src/main/host/server/tls-certificate';
import { patchbay, temporaryFolders } from '../support/cli';
import { engines } from '../support/engines';
import { openTestSite } from '../support/test-site';

const run = promisify(execFile);

/** The CLI with a password piped to its standard input, as `printf %s "$PW" | patchbay …`. */
async function patchbayWithPassword(password: string, dataDir: string, ...args: string[]) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ['scripts/run-ts.mjs', 'src/main/host/cli.ts', ...args, '--data-dir', dataDir],
      { env: { ...process.env, PATCHBAY_BUNDLED_CATALOG: '/nonexistent', USER: 'cli-admin' } },
      (error, stdout, stderr) =>
        resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin!.end(`${password}\n`);
  });
}

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A real HTTPS request that trusts only the site's own certificate (verified, not skipped). */
function httpsCall(
  tls: TlsMaterial,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpsRequest(
      url,
      { method: init.method ?? 'GET', headers: init.headers, ca: tls.cert },
      (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    request.on('error', reject);
    request.end(init.body);
  });
}

const json = { 'content-type': 'application/json' };
const alicePassword = 'correct horse battery staple';

describe('patchbay serve beyond loopback', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('refuses 0.0.0.0 without TLS and an account, saying what to add, and creates no site', async () => {
    const dataDir = join(folders.folder('patchbay-net-'), 'data');
    const bare = await patchbay(dataDir, 'serve', '--host', '0.0.0.0', '--port', '0');
    expect(bare.code).toBe(1);
    expect(bare.stderr).toBe(
      'patchbay: Serving on 0.0.0.0 makes the site reachable from the network, so it needs TLS (--tls-cert <file> --tls-key <file>, or --tls-self-signed) and an account (`patchbay admin add <name> --role "Full Administrator" --password-stdin`); add them, or serve on 127.0.0.1.\n',
    );
    expect(() => statSync(join(dataDir, 'site.db'))).toThrow();

    await patchbay(dataDir, 'db', 'init');
    const added = await patchbayWithPassword(
      alicePassword,
      dataDir,
      'admin',
      'add',
      'alice',
      '--role',
      'full administrator',
      '--password-stdin',
    );
    expect(added.stdout).toBe('Added alice as Full Administrator.\n');
    const noTls = await patchbay(dataDir, 'serve', '--host', '0.0.0.0', '--port', '0');
    expect(noTls.code).toBe(1);
    expect(noTls.stderr).toBe(
      'patchbay: Serving on 0.0.0.0 makes the site reachable from the network, so it needs TLS (--tls-cert <file> --tls-key <file>, or --tls-self-signed); add it, or serve on 127.0.0.1.\n',
    );
  }, 120_000);

  it('adds, lists, changes and removes accounts from the CLI, refusing bad roles and short passwords', async () => {
    const dataDir = join(folders.folder('patchbay-admin-'), 'data');
    await patchbay(dataDir, 'db', 'init');
    const add = (name: string, role: string, password = alicePassword) =>
      patchbayWithPassword(
        password,
        dataDir,
        'admin',
        'add',
        name,
        '--role',
        role,
        '--password-stdin',
      );
    expect((await add('alice', 'Full Administrator')).code).toBe(0);
    expect((await add('Bob', 'read-only analyst')).code).toBe(0);
    const badRole = await add('carol', 'Root');
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('"Root" is not a security role; choose Full Administrator');
    const short = await add('carol', 'Read-only Analyst', 'short');
    expect(short.stderr).toContain('The password is too short: use at least 12 characters.');
    const twice = await add('ALICE', 'Read-only Analyst');
    expect(twice.stderr).toBe('patchbay: There is already an account named ALICE.\n');
    const noStdin = await patchbay(dataDir, 'admin', 'add', 'dan', '--role', 'Read-only Analyst');
    expect(noStdin.stderr).toContain('Give --password-stdin');

    const listed = JSON.parse(
      (await patchbay(dataDir, 'admin', 'list', '--format', 'json')).stdout,
    ) as { name: string; role: string }[];
    expect(listed.map((a) => [a.name, a.role])).toEqual([
      ['alice', 'Full Administrator'],
      ['Bob', 'Read-only Analyst'],
    ]);
    expect(JSON.stringify(listed)).not.toContain('scrypt');

    const set = await patchbay(dataDir, 'admin', 'set', 'bob', '--role', 'Software Update Manager');
    expect(set.stdout).toBe('Changed Bob: role Software Update Manager.\n');
    expect((await patchbay(dataDir, 'admin', 'remove', 'alice')).stdout).toBe('Removed alice.\n');
    expect((await patchbay(dataDir, 'admin', 'remove', 'bob')).stdout).toBe(
      'Removed Bob. No account is left: on loopback the site answers without a sign-in again.\n',
    );
    expect((await patchbay(dataDir, 'admin', 'remove', 'bob')).stderr).toBe(
      'patchbay: There is no account named bob.\n',
    );
    expect((await patchbay(dataDir, 'admin', 'list')).stdout.split('\n')).toHaveLength(3);
    const audit = JSON.parse(
      (
        await patchbay(
          dataDir,
          'status-messages',
          '--component',
          'SMS_PROVIDER',
          '--format',
          'json',
        )
      ).stdout,
    ) as { messageId: number; message: string }[];
    expect(audit.map((m) => [m.messageId, m.message]).reverse()).toEqual([
      [30903, 'User "cli-admin" added the administrative user "alice" (role Full Administrator).'],
      [30903, 'User "cli-admin" added the administrative user "Bob" (role Read-only Analyst).'],
      [
        30904,
        'User "cli-admin" modified the administrative user "Bob" (role Software Update Manager).',
      ],
      [
        30905,
        'User "cli-admin" removed the administrative user "alice" (role Full Administrator).',
      ],
      [
        30905,
        'User "cli-admin" removed the administrative user "Bob" (role Software Update Manager).',
      ],
    ]);
  }, 180_000);
});

describe.each(engines)('a site served over HTTPS with accounts on %s', (engine) => {
  let server: SiteServer;
  let tls: TlsMaterial;
  let opened: Awaited<ReturnType<typeof openTestSite>>;
  let origin: string;
  const folders = temporaryFolders();

  beforeAll(async () => {
    opened = await openTestSite(engine);
    tls = selfSignedTls(opened.site.folders.data);
    server = await startSiteServer(opened.site, {
      host: '0.0.0.0',
      port: 0,
      tls: { cert: tls.cert, key: tls.key },
      consoleFolder: folders.folder('patchbay-console-'),
    });
    origin = `https://127.0.0.1:${new URL(server.url).port}`;
  }, 60_000);
  afterAll(async () => {
    await server.close();
    await opened.dispose();
    folders.removeAll();
  });

  it('keeps its self-signed certificate across restarts, with the key readable by the owner only', () => {
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(selfSignedTls(opened.site.folders.data).fingerprint).toBe(tls.fingerprint);
    const keyFile = join(opened.site.folders.data, 'tls', 'site-key.pem');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('answers anonymous calls as before while the site has no account', async () => {
    const reply = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('once an account exists: 401 for anonymous calls and the socket, a token that works, throttled guesses, audited', async () => {
    await new AccountStore(opened.site.database, opened.site.clock).add({
      name: 'alice',
      role: 'Full Administrator',
      password: alicePassword,
    });
    const anonymous = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.body)).toMatchObject({
      ok: false,
      error: {
        code: 'refused',
        message: expect.stringMatching(/^Sign in first: this site has accounts/),
      },
    });
    const page = await httpsCall(tls, `${origin}/`);
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/auth/signin');
    const socketStatus = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`wss://127.0.0.1:${new URL(origin).port}/api/events`, {
        ca: tls.cert,
      });
      ws.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      ws.on('open', () => resolve(101));
    });
    expect(socketStatus).toBe(401);

    const token = async (password: string) =>
      httpsCall(tls, `${origin}/auth/token`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ name: 'Alice', password }),
      });
    const signedIn = await token(alicePassword);
    expect(signedIn.status).toBe(200);
    const { value } = JSON.parse(signedIn.body) as {
      value: { token: string; account: { name: string; role: string } };
    };
    expect(value.account).toEqual({ name: 'alice', role: 'Full Administrator' });
    const bearer = { ...json, authorization: `Bearer ${value.token}` };
    const info = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: bearer,
      body: '{}',
    });
    expect(info.status).toBe(200);
    const session = await httpsCall(tls, `${origin}/auth/session`, { headers: bearer });
    expect(JSON.parse(session.body).value).toEqual({
      accountsRequired: true,
      account: { name: 'alice', role: 'Full Administrator' },
    });
    const events = new WebSocket(`wss://127.0.0.1:${new URL(origin).port}/api/events`, {
      ca: tls.cert,
      headers: { authorization: `Bearer ${value.token}` },
    });
    const socketClosed = new Promise<number>((resolve) =>
      events.on('close', (code) => resolve(code)),
    );
    const opensSocket = await new Promise<boolean>((resolve) => {
      events.on('open', () => resolve(true));
      events.on('unexpected-response', () => resolve(false));
    });
    expect(opensSocket).toBe(true);

    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1)
      statuses.push((await token('wrong password!')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const throttled = await token(alicePassword);
    expect(throttled.status).toBe(429);
    expect(JSON.parse(throttled.body).error.message).toMatch(
      /^Too many failed sign-ins as Alice from 127\.0\.0\.1; try again in \d+ seconds\.$/,
    );

    const audit = await opened.site.statusMessages.list({
      filter: { messageIds: [signInAuditIds.signedIn, signInAuditIds.failed] },
      page: { size: 100 },
    });
    const sentences = audit.rows.map((row) => row.message);
    expect(sentences).toContain('User "alice" signed in to the site from 127.0.0.1 (token).');
    expect(
      sentences.filter((s) => s.startsWith('A sign-in as "Alice" from 127.0.0.1 failed')),
    ).toHaveLength(7);

    const signOut = await httpsCall(tls, `${origin}/auth/signout`, {
      method: 'POST',
      headers: bearer,
      body: '{}',
    });
    expect(signOut.status).toBe(200);
    // Signing out also closes the event socket that session opened.
    expect(await socketClosed).toBe(4401);
    const after = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: bearer,
      body: '{}',
    });
    expect(after.status).toBe(401);
  }, 60_000);

  it('signs a browser in with an HTTP-only, SameSite=Strict, Secure cookie and refuses a form from another origin', async () => {
    const page = await httpsCall(tls, `${origin}/auth/signin`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<form method="post" action="/auth/signin"');
    expect(page.headers['content-security-policy']).toContain("form-action 'self'");
    const form = (name: string, from: string) =>
      httpsCall(tls, `${origin}/auth/signin`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: from },
        body: new URLSearchParams({ name, password: alicePassword }).toString(),
      });
    const foreign = await form('bob', 'https://evil.example');
    expect(foreign.status).toBe(403);
    await new AccountStore(opened.site.database, opened.site.clock).add({
      name: 'bob',
      role: 'Read-only Analyst',
      password: alicePassword,
    });
    const signedIn = await form('bob', origin);
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/');
    const cookie = String(signedIn.headers['set-cookie']);
    expect(cookie).toMatch(
      /^__Host-patchbay-session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=43200; Secure$/,
    );
    const cookieHeader = cookie.split(';')[0]!;
    const call = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: { ...json, cookie: cookieHeader },
      body: '{}',
    });
    expect(call.status).toBe(200);
    const session = await httpsCall(tls, `${origin}/auth/session`, {
      headers: { cookie: cookieHeader },
    });
    expect(JSON.parse(session.body).value.account).toEqual({
      name: 'bob',
      role: 'Read-only Analyst',
    });
    const wrong = await httpsCall(tls, `${origin}/auth/signin`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin },
      body: 'name=bob&password=nope',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body).toContain('The user name or password is incorrect.');
  }, 60_000);

  it('patchbay login pins the self-signed certificate and keeps the token 0600', async () => {
    const cliData = folders.folder('patchbay-login-');
    const unpinned = await patchbayWithPassword(
      alicePassword,
      cliData,
      'login',
      origin,
      '--name',
      'bob',
      '--password-stdin',
    );
    expect(unpinned.code).toBe(1);
    expect(unpinned.stderr).toContain(
      'give --fingerprint with the SHA-256 that `patchbay serve` printed',
    );
    const wrongPin = await patchbayWithPassword(
      alicePassword,
      cliData,
      'login',
      origin,
      '--name',
      'bob',
      '--password-stdin',
      '--fingerprint',
      'AA'.repeat(32),
    );
    expect(wrongPin.stderr).toContain('not the one given');
    const login = await patchbayWithPassword(
      alicePassword,
      cliData,
      'login',
      origin,
      '--name',
      'bob',
      '--password-stdin',
      '--fingerprint',
      tls.fingerprint,
    );
    expect(login.stdout).toMatch(
      /^Signed in to https:\/\/127\.0\.0\.1:\d+ as bob \(Read-only Analyst\) until /,
    );
    const file = join(cliData, 'site-logins.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const { stdout } = await run('cat', [file]);
    const stored = (JSON.parse(stdout) as Record<string, { token: string }>)[origin]!;
    const call = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${stored.token}` },
      body: '{}',
    });
    expect(call.status).toBe(200);
    const logout = await patchbay(cliData, 'logout', origin);
    expect(logout.stdout).toBe(`Signed out of ${origin}.\n`);
    const after = await httpsCall(tls, `${origin}/api/site.info`, {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${stored.token}` },
      body: '{}',
    });
    expect(after.status).toBe(401);
  }, 120_000);
});
