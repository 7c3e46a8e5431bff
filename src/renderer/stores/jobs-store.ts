import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import type { Job } from '../../shared/contract';
import type { EventHub } from './event-hub';
import type { Notices } from './notices';

const recentLimit = 25;

export function isJobActive(job: Job): boolean {
  return job.state === 'queued' || job.state === 'running';
}

export function canCancelJob(job: Job): boolean {
  return isJobActive(job) && !job.isCancelRequested;
}

/**
 * Every queued, running and recent job of the site, kept live from `job.changed` events
 * (the jobs panel, and the ribbon's view of what is running).
 */
export class JobsStore {
  readonly jobs = observable.map<number, Job>();
  loadError: string | null = null;
  isLoaded = false;
  /** Finished jobs the admin cleared from the panel. */
  private readonly clearedIds = observable.set<number>();

  constructor(
    private readonly api: SiteApi,
    private readonly hub: EventHub,
    private readonly notices: Notices,
  ) {
    makeAutoObservable<JobsStore, 'api' | 'hub' | 'notices' | 'clearedIds'>(this, {
      api: false,
      hub: false,
      notices: false,
      clearedIds: false,
    });
  }

  start(): () => void {
    const stopEvents = this.hub.on((event) => {
      if (event.type === 'job.changed') this.upsert(event.job);
    });
    const stopResync = this.hub.onResync(() => void this.load());
    void this.load();
    return () => {
      stopEvents();
      stopResync();
    };
  }

  async load(): Promise<void> {
    try {
      const page = await this.api.call('jobs.list', {
        sort: { column: 'id', direction: 'desc' },
        page: { size: 100 },
      });
      runInAction(() => {
        for (const job of page.rows) this.upsert(job);
        this.loadError = null;
        this.isLoaded = true;
      });
    } catch (error) {
      runInAction(() => {
        this.loadError = error instanceof Error ? error.message : String(error);
      });
    }
  }

  /** Shows a job the admin just started, even before its first event arrives. */
  async track(jobId: number): Promise<void> {
    try {
      const job = await this.api.call('jobs.get', { id: jobId });
      this.upsert(job);
    } catch {
      // The job's events will bring it; a failed read here changes nothing.
    }
  }

  upsert(job: Job): void {
    const known = this.jobs.get(job.id);
    // Events and list replies can cross: an older "running" snapshot must not bring a finished
    // job back to life. A new attempt (a retry) is newer by definition.
    if (known && !isJobActive(known) && isJobActive(job) && job.attempts <= known.attempts) return;
    this.jobs.set(job.id, job);
  }

  /** Queued and running jobs first, then the most recent finished ones; newest first. */
  get panelJobs(): Job[] {
    const all = [...this.jobs.values()].sort((a, b) => b.id - a.id);
    const active = all.filter(isJobActive);
    const finished = all
      .filter((job) => !isJobActive(job) && !this.clearedIds.has(job.id))
      .slice(0, recentLimit);
    return [...active, ...finished];
  }

  get activeCount(): number {
    let count = 0;
    for (const job of this.jobs.values()) if (isJobActive(job)) count++;
    return count;
  }

  async cancel(jobId: number): Promise<void> {
    try {
      const job = await this.api.call('jobs.cancel', { id: jobId });
      this.upsert(job);
    } catch (error) {
      this.notices.showError(`Job ${jobId} could not be cancelled`, error);
    }
  }

  /** Removes finished jobs from the panel (they stay in Monitoring > Jobs). */
  clearFinished(): void {
    for (const job of this.jobs.values()) {
      if (!isJobActive(job)) this.clearedIds.add(job.id);
    }
  }

  get hasFinishedShown(): boolean {
    return this.panelJobs.some((job) => !isJobActive(job));
  }
}
