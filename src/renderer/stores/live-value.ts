import { makeAutoObservable, runInAction } from 'mobx';
import type { EventHub } from './event-hub';

/**
 * One value read from the site that follows it: re-read when the site announces a change on one
 * of `topics` (coalesced, since a fleet's burst announces many), and after a reconnection.
 * Details panes hold one per thing they show, so the pie moves without a refresh.
 */
export class LiveValue<T> {
  value: T | null = null;
  error: string | null = null;
  isLoading = true;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readingCount = 0;

  constructor(
    private readonly hub: EventHub,
    private readonly topics: readonly string[],
    private readonly read: () => Promise<T>,
    private readonly delayMs = 300,
  ) {
    makeAutoObservable<LiveValue<T>, 'hub' | 'topics' | 'read' | 'timer' | 'readingCount'>(this, {
      hub: false,
      topics: false,
      read: false,
      timer: false,
      readingCount: false,
    });
  }

  /** Starts reading and following; returns the function that stops it (a React effect's cleanup). */
  start(): () => void {
    const stopEvents = this.hub.on((event) => {
      if (event.type === 'data.changed' && event.topics.some((t) => this.topics.includes(t)))
        this.reloadSoon();
    });
    const stopResync = this.hub.onResync(() => this.reloadSoon());
    void this.reload();
    return () => {
      stopEvents();
      stopResync();
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
    };
  }

  reloadSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.reload();
    }, this.delayMs);
  }

  async reload(): Promise<void> {
    // Replies may cross: only the newest read may set the value.
    const reading = ++this.readingCount;
    try {
      const value = await this.read();
      if (reading === this.readingCount)
        runInAction(() => {
          this.value = value;
          this.error = null;
          this.isLoading = false;
        });
    } catch (error) {
      if (reading === this.readingCount)
        runInAction(() => {
          this.error = error instanceof Error ? error.message : String(error);
          this.isLoading = false;
        });
    }
  }
}
