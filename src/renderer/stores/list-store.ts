import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { ExportColumn, ExportFormat, ListPage, SiteEvent } from '../../shared/contract';
import type { ColumnSpec, ListNode, ListQuery, ListScope, ListSource } from '../nodes/types';
import type { ConsoleServices } from './console-services';
import { exportListToCsv } from './list-export';

/** What the DataGrid lends the store while it is on screen. */
export interface GridHandle<Row> {
  /** Re-reads the list; `toTop` after the search changed, else the scroll position stays. */
  refresh(options?: { toTop?: boolean }): void;
  /** Replaces loaded rows with the same id; returns the rows the grid did not have. */
  updateRows(rows: readonly Row[]): Row[];
  /** The columns shown, in their on-screen order. */
  visibleColumns(): ColumnSpec<Row>[];
  currentSort(): ListQuery['sort'];
  setColumnVisible(columnId: string, isVisible: boolean): void;
  resetColumns(): void;
}

const emptySource: ListSource<never> = () =>
  Promise.resolve({ rows: [], nextCursor: null, total: 0 });

/**
 * The state of one node's result list: search text, row count, selection, column chooser and
 * export. One per list node, kept while the console is open so returning to a node finds it
 * as it was left.
 */
export class ListStore<Row> {
  searchText = '';
  appliedSearch = '';
  /** Add Criteria rows (the node's own shape, e.g. UpdateCriterion), applied as they change. */
  criteria: readonly unknown[] = [];
  /** Show Members' group while the list is narrowed to it; removed with the chip. */
  scope: ListScope | null = null;
  /** Rows matching the search; null until the first page arrives. */
  total: number | null = null;
  loadError: string | null = null;
  selection: readonly Row[] = [];
  visibleColumnIds: readonly string[] = [];
  /** Where the column chooser is open (screen coordinates), or null. */
  columnChooserAt: { x: number; y: number } | null = null;
  /** Where the row context menu is open (screen coordinates), or null. */
  rowMenuAt: { x: number; y: number } | null = null;
  exportProgress: { done: number; total: number } | null = null;
  private grid: GridHandle<Row> | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | null = null;
  readonly source: ListSource<Row>;

  constructor(
    readonly node: ListNode<Row>,
    readonly services: ConsoleServices,
  ) {
    this.source = node.source ? node.source(services) : emptySource;
    makeAutoObservable<ListStore<Row>, 'grid' | 'refreshTimer'>(this, {
      node: false,
      services: false,
      source: false,
      grid: false,
      refreshTimer: false,
      selection: observableRef,
      criteria: observableRef,
      scope: observableRef,
      visibleColumnIds: observableRef,
    });
  }

  /** Follows site events while the node is open; returns the function that stops. */
  start(): () => void {
    const stopEvents = this.services.hub.on((event) => this.handleEvent(event));
    const stopResync = this.services.hub.onResync(() => this.refreshSoon());
    return () => {
      stopEvents();
      stopResync();
      // Forget the timer too: a cleared but remembered one made refreshSoon() a no-op forever
      // after, so a list left with a refresh pending stopped following the site.
      if (this.refreshTimer) clearTimeout(this.refreshTimer);
      this.refreshTimer = null;
    };
  }

  get hasSource(): boolean {
    return this.node.source !== undefined;
  }

  get isSearchable(): boolean {
    return this.hasSource && this.node.searchHint !== undefined;
  }

  get isEmpty(): boolean {
    return this.total === 0 && this.loadError === null;
  }

  attachGrid(grid: GridHandle<Row> | null): void {
    this.grid = grid;
  }

  /** Called by the grid's data source for every block it reads. */
  async readPage(query: Omit<ListQuery, 'search' | 'criteria' | 'scope'>): Promise<ListPage<Row>> {
    try {
      const page = await this.source({
        ...query,
        search: this.appliedSearch,
        criteria: this.criteria,
        scope: this.scope,
      });
      runInAction(() => {
        this.total = page.total;
        this.loadError = null;
        this.replaceSelected(page.rows);
      });
      return page;
    } catch (error) {
      runInAction(() => {
        this.loadError = error instanceof Error ? error.message : String(error);
      });
      throw error;
    }
  }

  setSearchText(text: string): void {
    this.searchText = text;
  }

  applySearch(): void {
    const search = this.searchText.trim();
    if (search === this.appliedSearch) return this.refresh();
    this.appliedSearch = search;
    this.total = null;
    this.grid?.refresh({ toTop: true });
  }

  /** Replaces the criteria and reads the list again from the top. */
  setCriteria(criteria: readonly unknown[]): void {
    this.criteria = criteria;
    this.total = null;
    this.grid?.refresh({ toTop: true });
  }

  /** Narrows the list to a group's members (or back to all, with null), from the top. */
  setScope(scope: ListScope | null): void {
    const isSame =
      scope?.groupId === this.scope?.groupId &&
      scope?.collectionId === this.scope?.collectionId &&
      scope?.packageId === this.scope?.packageId &&
      scope?.label === this.scope?.label;
    if (isSame) return;
    this.scope = scope;
    this.total = null;
    this.selection = [];
    this.grid?.refresh({ toTop: true });
  }

  /** The search box and criteria together, for Save Current Search. */
  get currentSearch(): { text: string; criteria: readonly unknown[] } {
    return { text: this.appliedSearch, criteria: this.criteria };
  }

  clearSearch(): void {
    this.searchText = '';
    this.applySearch();
  }

  /**
   * Rows read again replace their old copies in the selection: a refresh does not change what
   * is selected, but the details pane and the ribbon must see the new values.
   */
  private replaceSelected(rows: readonly Row[]): void {
    if (this.selection.length === 0) return;
    const fresh = new Map(rows.map((row) => [this.node.rowId(row), row]));
    let isChanged = false;
    const next = this.selection.map((row) => {
      const replacement = fresh.get(this.node.rowId(row));
      if (!replacement || replacement === row) return row;
      isChanged = true;
      return replacement;
    });
    if (isChanged) this.selection = next;
  }

  setSelection(rows: readonly Row[]): void {
    this.selection = rows;
  }

  setVisibleColumnIds(ids: readonly string[]): void {
    this.visibleColumnIds = ids;
  }

  refresh(): void {
    this.grid?.refresh();
  }

  /** Coalesces bursts of events (a sync writes thousands of rows) into one re-read. */
  refreshSoon(delayMs = 400): void {
    if (this.refreshTimer) return;
    this.refreshTimer = setTimeout(() => {
      this.refreshTimer = null;
      this.refresh();
    }, delayMs);
  }

  openColumnChooser(at: { x: number; y: number }): void {
    this.columnChooserAt = at;
  }

  closeColumnChooser(): void {
    this.columnChooserAt = null;
  }

  openRowMenu(at: { x: number; y: number }): void {
    this.rowMenuAt = at;
  }

  closeRowMenu(): void {
    this.rowMenuAt = null;
  }

  setColumnVisible(columnId: string, isVisible: boolean): void {
    this.grid?.setColumnVisible(columnId, isVisible);
  }

  resetColumns(): void {
    this.grid?.resetColumns();
  }

  get isExporting(): boolean {
    return this.exportProgress !== null;
  }

  /**
   * Whether the site can export this list itself: it names its site list and every visible
   * column names the row field it shows. Excel files are written by the site only.
   */
  get canExportOnSite(): boolean {
    return this.node.siteList !== undefined && this.node.columns.some((c) => c.exportAs);
  }

  /**
   * Exports what the list shows: visible columns in order, current search, criteria, chips and
   * sort, all rows. The site reads and writes a server list itself (streaming, so 200,000 rows
   * never come to the console); a list the site cannot export is written here as CSV.
   */
  async export(format: ExportFormat): Promise<void> {
    if (!this.grid || this.isExporting) return;
    const columns = this.grid.visibleColumns();
    const sort = this.grid.currentSort();
    const query = {
      sort,
      search: this.appliedSearch,
      criteria: this.criteria,
      scope: this.scope,
    };
    const siteColumns = columns.map((column) =>
      column.exportAs ? ({ header: column.header, ...column.exportAs } as ExportColumn) : null,
    );
    this.exportProgress = { done: 0, total: this.total ?? 0 };
    try {
      let rowCount: number;
      const siteList = this.node.siteList;
      if (siteList && siteColumns.every((column) => column !== null)) {
        const call = siteList(query);
        const file = await this.services.api.call('lists.export', {
          title: this.node.title,
          format,
          list: call.list,
          query: call.query,
          columns: siteColumns,
        });
        this.services.receiveExport(file);
        rowCount = file.rows;
      } else if (format === 'csv') {
        rowCount = await exportListToCsv({
          title: this.node.title,
          columns,
          readPage: (page) => this.source({ ...query, page }),
          onProgress: (done, total) => runInAction(() => (this.exportProgress = { done, total })),
          saveFile: this.services.saveFile,
        });
      } else {
        const missing = columns.filter((column) => !column.exportAs).map((c) => c.header);
        throw new Error(
          `Excel export of ${this.node.title} is written by the site, which cannot show the column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}; remove ${missing.length === 1 ? 'it' : 'them'} or export to CSV.`,
        );
      }
      this.services.notices.show(
        'success',
        `Exported ${rowCount.toLocaleString()} ${rowCount === 1 ? 'row' : 'rows'} of ${this.node.title}.`,
      );
    } catch (error) {
      this.services.notices.showError(`${this.node.title} could not be exported`, error);
    } finally {
      runInAction(() => (this.exportProgress = null));
    }
  }

  private handleEvent(event: SiteEvent): void {
    if (event.type === 'data.changed' && this.node.topics) {
      if (event.topics.some((topic) => this.node.topics?.includes(topic))) this.refreshSoon();
    }
    this.node.onEvent?.(event, {
      updateRows: (rows) => this.grid?.updateRows(rows) ?? [...rows],
      refreshSoon: () => this.refreshSoon(),
    });
  }
}
