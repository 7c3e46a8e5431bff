import { makeAutoObservable, observableShallow, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import type { JobLogLine } from '../../shared/contract';
import type { EventHub } from './event-hub';

/**
 * The log of one job, read once and then followed live through `job.log` events. Lines are
 * kept in `seq` order without duplicates, whichever of the reply and the events comes first.
 */
export class JobLogStore {
  lines: JobLogLine[] = [];
  isLoading = true;
  loadError: string | null = null;
  private lastSeq = 0;
  private pending: JobLogLine[] = [];
  private stopEvents: (() => void) | null = null;
  private stopResync: (() => void) | null = null;

  constructor(
    private readonly api: SiteApi,
    private readonly hub: EventHub,
    readonly jobId: number,
  ) {
    makeAutoObservable<JobLogStore, 'api' | 'hub' | 'pending' | 'stopEvents' | 'stopResync'>(this, {
      lines: observableShallow,
      api: false,
      hub: false,
      pending: false,
      stopEvents: false,
      stopResync: false,
    });
  }

  start(): void {
    this.stopEvents = this.hub.on((event) => {
      if (event.type !== 'job.log' || event.line.jobId !== this.jobId) return;
      if (this.isLoading) this.pending.push(event.line);
      else this.append([event.line]);
    });
    this.stopResync = this.hub.onResync(() => void this.readMore());
    void this.readMore();
  }

  dispose(): void {
    this.stopEvents?.();
    this.stopResync?.();
  }

  async readMore(): Promise<void> {
    try {
      const lines = await this.api.call('jobs.log', { id: this.jobId, afterSeq: this.lastSeq });
      runInAction(() => {
        this.append([...lines, ...this.pending]);
        this.pending = [];
        this.isLoading = false;
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => {
        this.isLoading = false;
        this.loadError = error instanceof Error ? error.message : String(error);
      });
    }
  }

  private append(lines: readonly JobLogLine[]): void {
    const fresh = lines
      .filter((line) => line.seq > this.lastSeq)
      .sort((a, b) => a.seq - b.seq)
      .filter((line, index, sorted) => index === 0 || sorted[index - 1]?.seq !== line.seq);
    if (fresh.length === 0) return;
    this.lines.push(...fresh);
    this.lastSeq = fresh[fresh.length - 1]?.seq ?? this.lastSeq;
  }
}
