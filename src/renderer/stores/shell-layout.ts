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

/**
 * A first start leaves the list its width: the jobs panel starts closed (a job the admin starts
 * opens it) and docks as a strip under the list, and the details pane is tall enough for the
 * compliance pie and its Unknown breakdown. Whatever the admin changes is remembered.
 */
export const defaultLayout: SavedLayout = {
  navigationWidth: 240,
  detailsHeight: 300,
  jobsSize: 180,
  jobsDock: 'bottom',
  isJobsPanelOpen: false,
};
const defaults = defaultLayout;

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
    this.jobsSize = clamp(saved.jobsSize, 120, 900, defaults.jobsSize);
    this.jobsDock = saved.jobsDock === 'right' ? 'right' : defaults.jobsDock;
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
    this.jobsSize = clamp(size, 120, 900, this.jobsSize);
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
