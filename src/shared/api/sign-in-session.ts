/** The account a console is signed in as, as `GET /auth/session` reports it. */
export interface SignedInAccount {
  name: string;
  role: string;
}

/**
 * The browser console's view of its sign-in on a served site. The session itself is an
 * HTTP-only cookie the page cannot read, so the site says who it names, and signing out asks
 * the site to end it.
 */
export interface SignInSession {
  current(): Promise<SignedInAccount | null>;
  signOut(): Promise<void>;
  /** Where the browser goes after signing out. */
  readonly signInAddress: string;
}

export function createHttpSignInSession(baseUrl: string): SignInSession {
  const base = baseUrl.replace(/\/$/, '');
  return {
    signInAddress: `${base}/auth/signin`,
    async current() {
      const response = await fetch(`${base}/auth/session`, { cache: 'no-store' });
      if (!response.ok) return null;
      const body = (await response.json()) as { value?: { account?: SignedInAccount | null } };
      return body.value?.account ?? null;
    },
    async signOut() {
      // JSON, like every API call: a cross-site page cannot send it without a preflight.
      await fetch(`${base}/auth/signout`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    },
  };
}
