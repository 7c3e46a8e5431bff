import type { Clock } from '../clock';

/** Five wrong passwords in a row for one account from one address, then a growing pause. */
const freeAttempts = 5;
const firstPauseMs = 30_000;
const longestPauseMs = 15 * 60_000;

interface Failures {
  count: number;
  blockedUntil: number;
}

/**
 * Throttles password guessing per account name and client address: past the free attempts each
 * further failure doubles the pause, up to 15 minutes. A good sign-in clears the count. Kept in
 * memory: a restart forgives, which costs a guesser a restart of the server they cannot cause.
 */
export class SignInThrottle {
  private readonly failures = new Map<string, Failures>();

  constructor(private readonly clock: Clock) {}

  /** Seconds to wait before the next try, or 0 when a try is allowed now. */
  waitSeconds(name: string, address: string): number {
    const entry = this.failures.get(keyOf(name, address));
    if (!entry) return 0;
    const left = entry.blockedUntil - this.clock.now().getTime();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(name: string, address: string): void {
    const key = keyOf(name, address);
    const entry = this.failures.get(key) ?? { count: 0, blockedUntil: 0 };
    entry.count += 1;
    if (entry.count >= freeAttempts) {
      const pause = Math.min(firstPauseMs * 2 ** (entry.count - freeAttempts), longestPauseMs);
      entry.blockedUntil = this.clock.now().getTime() + pause;
    }
    this.failures.set(key, entry);
    if (this.failures.size > 10_000) this.forgetOldest();
  }

  succeeded(name: string, address: string): void {
    this.failures.delete(keyOf(name, address));
  }

  /** Bounds the memory a spray of made-up names can take. */
  private forgetOldest(): void {
    const now = this.clock.now().getTime();
    for (const [key, entry] of this.failures) {
      if (entry.blockedUntil < now) this.failures.delete(key);
    }
  }
}

function keyOf(name: string, address: string): string {
  return `${name.trim().toLowerCase()}\n${address}`;
}
