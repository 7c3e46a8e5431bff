import type { ColumnState, GridApi } from 'ag-grid-community';
import type { Preferences } from '../stores/preferences';

type SavedColumn = Pick<ColumnState, 'colId' | 'width' | 'hide' | 'sort'>;

function isSavedLayout(value: unknown): value is SavedColumn[] {
  return (
    Array.isArray(value) &&
    value.every(
      (entry) =>
        typeof entry === 'object' &&
        entry !== null &&
        typeof (entry as SavedColumn).colId === 'string',
    )
  );
}

/** Remembers a node's column order, widths, visibility and sort between sessions. */
export class ColumnLayoutMemory {
  constructor(
    private readonly preferences: Preferences,
    private readonly nodeId: string,
  ) {}

  private get key(): string {
    return `columns.${this.nodeId}`;
  }

  restore(api: GridApi): void {
    const saved = this.preferences.read(this.key, isSavedLayout);
    if (!saved) return;
    const known = new Set(api.getColumns()?.map((column) => column.getColId()) ?? []);
    const state = saved
      .filter((entry) => known.has(entry.colId))
      .map(({ colId, width, hide, sort }) => ({ colId, width, hide, sort: sort ?? null }));
    api.applyColumnState({ state, applyOrder: true });
  }

  save(api: GridApi): void {
    const state: SavedColumn[] = api
      .getColumnState()
      .map(({ colId, width, hide, sort }) => ({ colId, width, hide, sort }));
    this.preferences.write(this.key, state);
  }

  forget(): void {
    this.preferences.remove(this.key);
  }
}
