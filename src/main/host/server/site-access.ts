import type { IncomingMessage, ServerResponse } from 'node:http';
import { SiteError } from '../../../shared/errors';
import { AccountStore, type Account } from '../../site/accounts/account-store';
import { LocalPasswordAuthenticator, type Authenticator } from '../../site/accounts/authenticator';
import { SessionStore, type SessionKind } from '../../site/accounts/session-store';
import { auditSignIn } from '../../site/accounts/sign-in-audit';
import { SignInThrottle } from '../../site/accounts/sign-in-throttle';
import type { Site } from '../../site/site';
import { readBody, sendError, sendResult } from './http-body';
import { signInContentSecurityPolicy, signInPage } from './sign-in-page';

/** Who a request is: anyone (a site with no accounts yet), a signed-in account, or nobody. */
export type Caller =
  { kind: 'open' } | { kind: 'account'; account: Account; token: string } | { kind: 'anonymous' };

export const notSignedIn =
  'Sign in first: this site has accounts, so every call must carry a session (the console signs in at /auth/signin; the CLI with `patchbay login <url>`).';

/**
 * The accounts gate of `patchbay serve`. A site with no account answers as before (one admin on
 * loopback); from the first `patchbay admin add` on, every API call and the event socket need a
 * session: an HTTP-only cookie from the sign-in page, or a bearer token from `/auth/token`.
 */
export class SiteAccess {
  readonly accounts: AccountStore;
  readonly sessions: SessionStore;
  private readonly throttle: SignInThrottle;
  private readonly sessionEndedListeners = new Set<(token: string) => void>();

  constructor(
    private readonly site: Site,
    private readonly isSecure: boolean,
    private readonly authenticator: Authenticator = new LocalPasswordAuthenticator(
      new AccountStore(site.database, site.clock),
    ),
  ) {
    this.accounts = new AccountStore(site.database, site.clock);
    this.sessions = new SessionStore(site.database, this.accounts, site.clock);
    this.throttle = new SignInThrottle(site.clock);
  }

  /** Called with the token of a session this server ended (sign-out), to close its sockets. */
  onSessionEnded(listener: (token: string) => void): void {
    this.sessionEndedListeners.add(listener);
  }

  /** `__Host-` binds the cookie to this origin; browsers accept the prefix only with Secure. */
  get cookieName(): string {
    return this.isSecure ? '__Host-patchbay-session' : 'patchbay-session';
  }

  async callerOf(request: IncomingMessage): Promise<Caller> {
    const token = bearerToken(request) ?? cookieValue(request, this.cookieName);
    if (token) {
      const account = await this.sessions.accountFor(token);
      if (account) return { kind: 'account', account, token };
    }
    return (await this.accounts.hasAccounts()) ? { kind: 'anonymous' } : { kind: 'open' };
  }

  refuse(response: ServerResponse): void {
    response.setHeader('www-authenticate', 'Bearer realm="Patchbay"');
    sendResult(response, { ok: false, error: new SiteError('refused', notSignedIn).toData() }, 401);
  }

  /** `/auth/…`: the sign-in page and form, tokens for the CLI, the session, and sign-out. */
  async route(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    if (path === '/auth/signin' && (method === 'GET' || method === 'HEAD')) {
      return this.sendPage(response, 200);
    }
    if (path === '/auth/signin' && method === 'POST') return this.formSignIn(request, response);
    if (path === '/auth/token' && method === 'POST') return this.tokenSignIn(request, response);
    if (path === '/auth/session' && method === 'GET') {
      const caller = await this.callerOf(request);
      return sendResult(response, {
        ok: true,
        value: {
          accountsRequired: caller.kind !== 'open',
          account:
            caller.kind === 'account'
              ? { name: caller.account.name, role: caller.account.role }
              : null,
        },
      });
    }
    if (path === '/auth/signout' && method === 'POST') return this.signOut(request, response);
    response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('This sign-in address does not take that request.');
  }

  private async sendPage(
    response: ServerResponse,
    status: number,
    notice?: string,
    name?: string,
  ): Promise<void> {
    const info = await this.site.info();
    response.writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': signInContentSecurityPolicy,
      'x-content-type-options': 'nosniff',
      // Not no-referrer: under it Chromium sends "Origin: null" with the form, which the
      // same-origin check must refuse. same-origin never tells another site anything.
      'referrer-policy': 'same-origin',
      'cache-control': 'no-store',
    });
    response.end(
      signInPage({ siteLabel: `Site ${info.siteCode} - ${info.siteName}`, notice, name }),
    );
  }

  /** The sign-in form: a cookie and back to the console, or the page again with the sentence. */
  private async formSignIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const form = new URLSearchParams(await readBody(request, 16 * 1024));
    const name = form.get('name') ?? '';
    const outcome = await this.signIn(name, form.get('password') ?? '', request, 'cookie');
    if (!outcome.ok) return this.sendPage(response, outcome.status, outcome.sentence, name);
    response.writeHead(303, {
      location: '/',
      'set-cookie': this.cookie(outcome.token, 12 * 60 * 60),
      'cache-control': 'no-store',
    });
    response.end();
  }

  /** `POST /auth/token {name, password}`: a bearer token for the CLI and other consoles. */
  private async tokenSignIn(request: IncomingMessage, response: ServerResponse): Promise<void> {
    let input: { name?: unknown; password?: unknown };
    try {
      input = JSON.parse(await readBody(request, 16 * 1024)) as typeof input;
    } catch (error) {
      return sendError(
        response,
        error instanceof SiteError
          ? error
          : new SiteError('invalid-input', 'The request body is not valid JSON.'),
      );
    }
    const name = typeof input.name === 'string' ? input.name : '';
    const password = typeof input.password === 'string' ? input.password : '';
    const outcome = await this.signIn(name, password, request, 'bearer');
    if (!outcome.ok) {
      return sendResult(
        response,
        { ok: false, error: new SiteError('refused', outcome.sentence).toData() },
        outcome.status,
      );
    }
    sendResult(response, {
      ok: true,
      value: {
        token: outcome.token,
        expiresAt: outcome.expiresAt,
        account: { name: outcome.account.name, role: outcome.account.role },
      },
    });
  }

  private async signIn(
    name: string,
    password: string,
    request: IncomingMessage,
    kind: SessionKind,
  ): Promise<
    | { ok: true; token: string; expiresAt: string; account: Account }
    | { ok: false; status: number; sentence: string }
  > {
    const address = request.socket.remoteAddress ?? '';
    const via = kind === 'cookie' ? 'browser' : 'token';
    const wait = this.throttle.waitSeconds(name, address);
    if (wait > 0) {
      await auditSignIn(this.site, {
        outcome: 'failed',
        account: name,
        accountId: null,
        address,
        via,
      });
      return {
        ok: false,
        status: 429,
        sentence: `Too many failed sign-ins as ${name} from ${address}; try again in ${wait} seconds.`,
      };
    }
    const account = name && password ? await this.authenticator.authenticate(name, password) : null;
    if (!account) {
      this.throttle.failed(name, address);
      await auditSignIn(this.site, {
        outcome: 'failed',
        account: name,
        accountId: null,
        address,
        via,
      });
      return { ok: false, status: 401, sentence: 'The user name or password is incorrect.' };
    }
    this.throttle.succeeded(name, address);
    const session = await this.sessions.open(account, kind, address);
    await auditSignIn(this.site, {
      outcome: 'signedIn',
      account: account.name,
      accountId: account.id,
      address,
      via,
    });
    return { ok: true, ...session, account };
  }

  private async signOut(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const caller = await this.callerOf(request);
    if (caller.kind === 'account') {
      await this.sessions.close(caller.token);
      for (const listener of this.sessionEndedListeners) listener(caller.token);
      await auditSignIn(this.site, {
        outcome: 'signedOut',
        account: caller.account.name,
        accountId: caller.account.id,
        address: request.socket.remoteAddress ?? '',
        via: bearerToken(request) ? 'token' : 'browser',
      });
    }
    response.setHeader('set-cookie', this.cookie('', 0));
    sendResult(response, { ok: true, value: null });
  }

  private cookie(token: string, maxAgeSeconds: number): string {
    return [
      `${this.cookieName}=${token}`,
      'Path=/',
      'HttpOnly',
      'SameSite=Strict',
      `Max-Age=${maxAgeSeconds}`,
      ...(this.isSecure ? ['Secure'] : []),
    ].join('; ');
  }
}

function bearerToken(request: IncomingMessage): string | null {
  const match = /^Bearer\s+([A-Za-z0-9_-]{20,})$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ?? null;
}

function cookieValue(request: IncomingMessage, name: string): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}
