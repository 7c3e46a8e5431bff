import type { SiteEvents } from '../events/site-events';

/** The lists whose numbers a state message batch moves. */
export const complianceTopics = [
  'compliance',
  'softwareUpdates',
  'softwareUpdateGroups',
  'devices',
  // Monitoring > Deployments and View Status read the same batches' 300/301/302 states.
  'deployments',
];

/**
 * Tells consoles that compliance moved. Ten thousand clients posting at once would otherwise be
 * ten thousand refreshes: the first change is announced at once, and changes within the next
 * `intervalMs` are announced together at its end, so a console is at most that late
 * (performance.md P4 allows 2 s) and refreshes at most a few times a second.
 */
export class ComplianceNotifier {
  private timer: NodeJS.Timeout | null = null;
  private isPending = false;

  constructor(
    private readonly events: SiteEvents,
    private readonly intervalMs = 250,
  ) {}

  changed(): void {
    if (this.timer) {
      this.isPending = true;
      return;
    }
    this.events.publish({ type: 'data.changed', topics: complianceTopics });
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.isPending) {
        this.isPending = false;
        this.changed();
      }
    }, this.intervalMs);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.isPending = false;
  }
}
