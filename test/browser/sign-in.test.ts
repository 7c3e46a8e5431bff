import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type RunningBrowser } from './support/browser';
import { shootFailuresAndCloseAfterAll } from './support/lifecycle';
import { startSite, type RunningSite } from './support/site-server';

const run = promisify(execFile);

/**
 * Appends an inline script and reports whether it ran and which directive refused it. A string,
 * as the tests compile without the DOM's types.
 */
const injectInlineScript = `(async () => {
  const violation = new Promise((resolve) =>
    document.addEventListener('securitypolicyviolation', (event) => resolve(event.effectiveDirective)),
  );
  const script = document.createElement('script');
  script.textContent = 'window.__injected = true;';
  document.body.append(script);
  return { inline: window.__injected === true, directive: await violation };
})()`;
const repositoryRoot = resolve(import.meta.dirname, '../..');
const password = 'correct horse battery staple';

/** The built CLI, with the password piped in as an admin would. */
async function builtPatchbay(dataDir: string, args: string[], stdin?: string) {
  const done = run(process.execPath, [
    join(repositoryRoot, 'bin/patchbay.mjs'),
    ...args,
    '--data-dir',
    dataDir,
  ]);
  if (stdin !== undefined) done.child.stdin!.end(stdin);
  return done;
}

/**
 * Issue 18: a site served beyond loopback with TLS and accounts, in Chromium. The browser is
 * sent to the sign-in page, signs in with a cookie it cannot read, sees who it is in the status
 * bar, and signs out; the console's CSP and headers hold as served.
 */
describe('signing in to a served site in the browser', () => {
  let browser: RunningBrowser | undefined;
  let site: RunningSite | undefined;
  let page: Page;
  let origin: string;
  let sessionCookie = '';

  beforeAll(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'patchbay-sign-in-'));
    await builtPatchbay(dataDir, ['db', 'init']);
    await builtPatchbay(
      dataDir,
      ['admin', 'add', 'alice', '--role', 'Software Update Manager', '--password-stdin'],
      password,
    );
    site = await startSite({ dataDir, serveArgs: ['--host', '0.0.0.0', '--tls-self-signed'] });
    origin = `https://127.0.0.1:${new URL(site.url).port}`;
    browser = await launchBrowser({ ignoreHttpsErrors: true });
    page = await browser.context.newPage();
  });
  shootFailuresAndCloseAfterAll(
    (name) => page?.screenshot({ path: `test-results/sign-in-${name}.png` }) ?? Promise.resolve(),
    () => ({ browser, site }),
  );

  it('sends an anonymous browser to the sign-in page and refuses its API calls', async () => {
    expect(site!.output()).toMatch(
      /TLS certificate SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/,
    );
    await page.goto(`${origin}/`);
    expect(new URL(page.url()).pathname).toBe('/auth/signin');
    await expect(
      page.getByRole('heading', { name: 'Sign in to Patchbay' }).isVisible(),
    ).resolves.toBe(true);
    // Outside the page: the sign-in page's own policy allows it no connections at all.
    const anonymous = await page.request.post(`${origin}/api/site.info`, {
      headers: { 'content-type': 'application/json' },
      data: '{}',
    });
    const status = anonymous.status();
    expect(status).toBe(401);
  });

  it('says so on a wrong password, then signs in and shows who is signed in', async () => {
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBe(
      'The user name or password is incorrect.',
    );
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('status-account').waitFor();
    expect(await page.getByTestId('status-account').textContent()).toBe(
      'Signed in as aliceSign out',
    );
    await page.getByTestId('status-site').waitFor();
    const [cookie] = await browser!.context.cookies(origin);
    expect(cookie).toMatchObject({
      name: '__Host-patchbay-session',
      httpOnly: true,
      secure: true,
      sameSite: 'Strict',
      path: '/',
    });
    sessionCookie = `${cookie!.name}=${cookie!.value}`;
    // HTTP-only: the page's own scripts cannot read the session.
    expect(await page.evaluate('document.cookie')).toBe('');
  });

  it('serves the console with its CSP and headers, which Chromium enforces', async () => {
    const response = await page.request.get(`${origin}/`);
    const headers = response.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
    const blocked = await page.evaluate(injectInlineScript);
    expect(blocked).toEqual({ inline: false, directive: 'script-src-elem' });
  });

  it('signs out from the status bar, back to the sign-in page, and the old session is gone', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${origin}/auth/signin`);
    // The cookie the browser held, replayed: the site ended the session, not just the cookie.
    const replayed = await page.request.post(`${origin}/api/site.info`, {
      headers: { 'content-type': 'application/json', cookie: sessionCookie },
      data: '{}',
    });
    const status = replayed.status();
    expect(status).toBe(401);
  });
});
