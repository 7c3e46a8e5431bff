import { makeAutoObservable, runInAction } from 'mobx';
import type { SignedInAccount, SignInSession } from '../../shared/api/sign-in-session';

/** Who is signed in to the served site (status bar), and signing out. */
export class SignInStore {
  account: SignedInAccount | null = null;
  isSigningOut = false;

  constructor(
    private readonly session: SignInSession,
    private readonly navigate: (address: string) => void,
  ) {
    makeAutoObservable<SignInStore, 'session' | 'navigate'>(this, {
      session: false,
      navigate: false,
    });
  }

  async load(): Promise<void> {
    const account = await this.session.current().catch(() => null);
    runInAction(() => (this.account = account));
  }

  async signOut(): Promise<void> {
    this.isSigningOut = true;
    try {
      await this.session.signOut();
    } finally {
      this.navigate(this.session.signInAddress);
    }
  }
}
