import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { PackageDistribution } from '../../shared/contract/distribution-points';
import { errorSentence } from '../properties/error-sentence';
import type { ConsoleServices } from '../stores/console-services';

/** Re-reads coalesce: a download reports progress many times a second. */
const reloadDelayMs = 300;

/**
 * One package on each distribution point it targets (Content Locations, and Content Status >
 * View Status), kept live while jobs run: every job report or data change re-reads it.
 */
export class PackageDistributionStore {
  rows: PackageDistribution[] = [];
  isLoading = true;
  loadError: string | null = null;
  actionProblem: string | null = null;
  selectedIds = new Set<string>();
  /** The question Remove asks, naming the distribution points; null when none is open. */
  removeQuestion: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stop: (() => void) | null = null;

  constructor(
    private readonly services: ConsoleServices,
    readonly packageId: number,
  ) {
    makeAutoObservable<PackageDistributionStore, 'services' | 'timer' | 'stop'>(this, {
      services: false,
      packageId: false,
      timer: false,
      stop: false,
      rows: observableRef,
    });
  }

  start(): () => void {
    const stopEvents = this.services.hub.on((event) => {
      if (event.type === 'job.changed' || event.type === 'data.changed') this.reloadSoon();
    });
    const stopResync = this.services.hub.onResync(() => this.reloadSoon());
    void this.load();
    this.stop = () => {
      stopEvents();
      stopResync();
      if (this.timer) clearTimeout(this.timer);
    };
    return this.stop;
  }

  reloadSoon(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.load();
    }, reloadDelayMs);
  }

  async load(): Promise<void> {
    try {
      const rows = await this.services.api.call('contentStatus.get', {
        packageId: this.packageId,
      });
      runInAction(() => {
        this.rows = rows;
        this.loadError = null;
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isLoading = false));
    }
  }

  setSelected(keys: Set<string>): void {
    this.selectedIds = keys;
  }

  private get chosenIds(): number[] {
    return [...this.selectedIds].map(Number);
  }

  /** Redistribute copies the whole package again; Validate checks every file's hash there. */
  async runJob(kind: 'redistribute' | 'validate'): Promise<void> {
    this.actionProblem = null;
    try {
      const input = { id: this.packageId, distributionPointIds: this.chosenIds };
      const { jobId } =
        kind === 'redistribute'
          ? await this.services.api.call('packages.redistribute', input)
          : await this.services.api.call('packages.validate', input);
      void this.services.jobs.track(jobId);
      this.reloadSoon();
    } catch (error) {
      runInAction(() => (this.actionProblem = errorSentence(error)));
    }
  }

  /** Remove: asks first (the tab shows the question); the answer comes to answerRemove. */
  askRemove(): void {
    const names = this.rows
      .filter((row) => this.selectedIds.has(String(row.distributionPointId)))
      .map((row) => row.distributionPointName);
    this.removeQuestion = `Are you sure you want to remove the package from ${names.join(', ')}? Clients that use ${names.length === 1 ? 'this distribution point' : 'these distribution points'} can no longer get its content there.`;
  }

  async answerRemove(isYes: boolean): Promise<void> {
    this.removeQuestion = null;
    if (!isYes) return;
    this.actionProblem = null;
    try {
      await this.services.api.call('packages.removeFromDistributionPoints', {
        id: this.packageId,
        distributionPointIds: this.chosenIds,
      });
      runInAction(() => (this.selectedIds = new Set()));
      await this.load();
    } catch (error) {
      runInAction(() => (this.actionProblem = errorSentence(error)));
    }
  }
}
