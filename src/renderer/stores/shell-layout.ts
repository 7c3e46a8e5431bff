import { makeAutoObservable } from 'mobx';
import type { Preferences } from './preferences';

export type JobsDock = 'right' | 'bottom';

interface SavedLayout {
  navigationWidth: number;
  detailsHeight: number;
  jobsSize: number;
  jobsDock: JobsDock;
  isJobsPanelOpen: boolean;
}

const defaults: SavedLayout = {
  navigationWidth: 260,
  detailsHeight: 220,
  jobsSize: 320,
  jobsDock: 'right',
  isJobsPanelOpen: true,
};

function isSavedLayout(value: unknown): value is Partial<SavedLayout> {
  return typeof value === 'object' && value !== null;
}

const clamp = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : fallback;

/** Pane sizes and the jobs panel's dock, remembered between sessions. */
export class ShellLayout {
  navigationWidth: number;
  detailsHeight: number;
  jobsSize: number;
  jobsDock: JobsDock;
  isJobsPanelOpen: boolean;

  constructor(private readonly preferences: Preferences) {
    const saved = preferences.read('layout', isSavedLayout) ?? {};
    this.navigationWidth = clamp(saved.navigationWidth, 180, 600, defaults.navigationWidth);
    this.detailsHeight = clamp(saved.detailsHeight, 80, 900, defaults.detailsHeight);
    this.jobsSize = clamp(saved.jobsSize, 180, 900, defaults.jobsSize);
    this.jobsDock = saved.jobsDock === 'bottom' ? 'bottom' : 'right';
    this.isJobsPanelOpen =
      typeof saved.isJobsPanelOpen === 'boolean' ? saved.isJobsPanelOpen : defaults.isJobsPanelOpen;
    makeAutoObservable<ShellLayout, 'preferences'>(this, { preferences: false });
  }

  setNavigationWidth(width: number): void {
    this.navigationWidth = clamp(width, 180, 600, this.navigationWidth);
    this.save();
  }

  setDetailsHeight(height: number): void {
    this.detailsHeight = clamp(height, 80, 900, this.detailsHeight);
    this.save();
  }

  setJobsSize(size: number): void {
    this.jobsSize = clamp(size, 180, 900, this.jobsSize);
    this.save();
  }

  setJobsDock(dock: JobsDock): void {
    this.jobsDock = dock;
    this.save();
  }

  setJobsPanelOpen(isOpen: boolean): void {
    this.isJobsPanelOpen = isOpen;
    this.save();
  }

  private save(): void {
    this.preferences.write('layout', {
      navigationWidth: this.navigationWidth,
      detailsHeight: this.detailsHeight,
      jobsSize: this.jobsSize,
      jobsDock: this.jobsDock,
      isJobsPanelOpen: this.isJobsPanelOpen,
    } satisfies SavedLayout);
  }
}
