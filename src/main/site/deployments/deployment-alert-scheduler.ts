import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { checkDeploymentAlerts, type AlertCheckResult } from './deployment-alerts';
import { deriveDeploymentCompliance } from './deployment-state-ingest';

/**
 * Deadlines pass without any batch arriving, so the site checks deployment alerts on a timer
 * (once a minute) as well as at every summarization; consoles hear of a raised or canceled
 * alert through the `alerts` topic.
 */
export class DeploymentAlertScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly site: SiteDatabase,
    private readonly clock: Clock,
    private readonly events: SiteEvents,
    private readonly intervalMs = 60_000,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.check().catch(() => undefined), this.intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One check; concurrent calls run one after the other. */
  check(): Promise<AlertCheckResult> {
    const next = this.running.then(async () => {
      const result = await checkDeploymentAlerts(this.site, this.clock.now());
      if (result.raised + result.closed > 0)
        this.events.publish({ type: 'data.changed', topics: ['alerts', 'deployments'] });
      return result;
    });
    this.running = next.catch(() => undefined);
    return next;
  }

  /**
   * Summarization's deployment part: recount Compliant from detection states for every
   * deployment (a correction pass over what ingest derived per client), then check alerts.
   */
  async summarize(): Promise<AlertCheckResult> {
    await this.site.db.transaction().execute((trx) => deriveDeploymentCompliance(trx, {}));
    return this.check();
  }
}
