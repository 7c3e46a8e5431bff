import { makeAutoObservable } from 'mobx';

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

export interface Notice {
  readonly id: number;
  readonly intent: NoticeIntent;
  readonly text: string;
}

/** Sentences for the admin shown under the ribbon: an action started, or failed and why. */
export class Notices {
  items: Notice[] = [];
  private nextId = 1;

  constructor(
    private readonly maxShown = 3,
    /** Good news fades on its own; warnings and errors stay until dismissed. */
    private readonly fadeAfterMs = 8000,
  ) {
    makeAutoObservable(this);
  }

  show(intent: NoticeIntent, text: string): void {
    const id = this.nextId++;
    this.items = [...this.items, { id, intent, text }].slice(-this.maxShown);
    if (intent === 'info' || intent === 'success') {
      setTimeout(() => this.dismiss(id), this.fadeAfterMs);
    }
  }

  /** Shows a failed call's message; the site's errors are already sentences. */
  showError(prefix: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.show('error', `${prefix}: ${reason}`);
  }

  dismiss(id: number): void {
    this.items = this.items.filter((notice) => notice.id !== id);
  }
}
