import type { SiteEvents } from '../events/site-events';

/** The lists whose numbers a state message batch moves. */
export const complianceTopics = ['compliance', 'softwareUpdates', 'groups', 'devices'];

/**
 * Tells consoles that compliance moved. Ten thousand clients posting at once would otherwise be
 * ten thousand refreshes: changes within `intervalMs` are announced once, at the end of the
 * interval, so the console is at most that late (performance.md P4 allows 2 s).
 */
export class ComplianceNotifier {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly events: SiteEvents,
    private readonly intervalMs = 250,
  ) {}

  changed(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.events.publish({ type: 'data.changed', topics: complianceTopics });
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
