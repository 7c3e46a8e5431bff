import { makeAutoObservable, observable } from 'mobx';
import type { ReactNode } from 'react';

/** A Yes/No question, as the console asks before an action the admin cannot take back. */
export interface Confirmation {
  readonly title: string;
  readonly question: string;
}

export type OpenDialog =
  | { readonly id: number; readonly kind: 'confirm'; readonly confirmation: Confirmation }
  | {
      readonly id: number;
      readonly kind: 'custom';
      readonly render: (close: () => void) => ReactNode;
    };

/**
 * The modal dialogs ribbon actions open outside a node's Properties (confirmations, component
 * properties). Actions only describe what to show; the shell's DialogLayer renders it, so node
 * definitions stay free of React state.
 */
export class Dialogs {
  readonly open = observable.array<OpenDialog>([], { deep: false });
  private nextId = 1;
  private readonly settle = new Map<number, (answer: boolean) => void>();

  constructor() {
    makeAutoObservable<Dialogs, 'nextId' | 'settle'>(this, { nextId: false, settle: false });
  }

  /** Asks a Yes/No question; resolves true for Yes, false for No or Escape. */
  confirm(confirmation: Confirmation): Promise<boolean> {
    const id = this.nextId++;
    this.open.push({ id, kind: 'confirm', confirmation });
    return new Promise((resolve) => this.settle.set(id, resolve));
  }

  /** Shows a dialog of the caller's own; resolves when it closes. */
  show(render: (close: () => void) => ReactNode): Promise<void> {
    const id = this.nextId++;
    this.open.push({ id, kind: 'custom', render });
    return new Promise((resolve) => this.settle.set(id, () => resolve()));
  }

  close(id: number, answer = false): void {
    const index = this.open.findIndex((dialog) => dialog.id === id);
    if (index >= 0) this.open.splice(index, 1);
    this.settle.get(id)?.(answer);
    this.settle.delete(id);
  }
}
