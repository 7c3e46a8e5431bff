import type { FluentIcon } from '@fluentui/react-icons';
import type { ComponentType } from 'react';
import type {
  ExportColumn,
  ExportList,
  ListPage,
  SiteEvent,
  SortDirection,
} from '../../shared/contract';
import type { CsvValue } from '../../shared/csv';
import type { ConsoleServices } from '../stores/console-services';
import type { ListStore } from '../stores/list-store';

/** The four workspace buttons at the bottom of the navigation pane. */
export type WorkspaceId = 'assets' | 'library' | 'monitoring' | 'administration';

/** Rows are plain objects from the site; the shell handles them without knowing their type. */
export type AnyRow = object;

/** One column of a result list, as the column chooser and the CSV export name it. */
export interface ColumnSpec<Row> {
  /** Stable id: remembered column layouts refer to it. */
  readonly id: string;
  /** The header text, exactly as the ConfigMgr console spells it. */
  readonly header: string;
  /** A narrow state-icon column: no header text in the grid, "Icon" in the chooser. */
  readonly isIcon?: boolean;
  /** Shown when the node is first opened; the others are added with the column chooser. */
  readonly isDefault?: boolean;
  /** The site's sort column name; a column without one cannot be sorted. */
  readonly sortKey?: string;
  readonly width?: number;
  readonly align?: 'right';
  /** The text shown in the cell (and exported, unless `exportValue` says otherwise). */
  text(row: Row): string;
  exportValue?(row: Row): CsvValue;
  /**
   * The row field this column shows and how it is typed, so the site can export the column
   * itself (Export to CSV/Excel of a server-paged list); the column exports in the console
   * when absent.
   */
  readonly exportAs?: Omit<ExportColumn, 'header'>;
  /** A cell renderer for icons and badges; the text still feeds export and screen readers. */
  readonly cell?: ComponentType<{ row: Row }>;
}

/**
 * A narrowing the admin did not type: Show Members opens All Software Updates on one group's
 * members. The list shows `label` as a removable chip so a short list explains itself.
 */
export interface ListScope {
  readonly label: string;
  /** The software update group whose members are listed (UpdateFilter.groupId). */
  readonly groupId?: number;
  /** The deployment package whose updates are listed (UpdateFilter.packageId). */
  readonly packageId?: number;
  /** The device collection whose members Devices lists (Show Members of a collection). */
  readonly collectionId?: number;
}

export interface ListQuery {
  readonly sort?: { column: string; direction: SortDirection };
  /** What the admin typed in the search bar, trimmed; '' for none. */
  readonly search: string;
  /** Add Criteria rows, for nodes that offer them; empty otherwise. */
  readonly criteria: readonly unknown[];
  /** Show Members' group, or null for the whole list. */
  readonly scope: ListScope | null;
  readonly page: { size: number; after?: string; offset?: number };
}

/**
 * The site list a node shows and the query it sends for what the admin has on screen (search,
 * criteria, chips, sort): the grid's pages and the site's export read the same call.
 */
export interface SiteListCall {
  readonly list: ExportList;
  readonly query: Record<string, unknown>;
}

/** Reads one page of a node's list from the site. */
export type ListSource<Row> = (query: ListQuery) => Promise<ListPage<Row>>;

export interface ActionContext<Row> {
  readonly selection: readonly Row[];
  readonly services: ConsoleServices;
  readonly list: ListStore<Row>;
}

/** A ribbon button of a node (Home tab). */
export interface RibbonAction<Row> {
  readonly id: string;
  readonly label: string;
  readonly icon: FluentIcon;
  /** Tooltip: what the button does. */
  readonly description?: string;
  /** Whether the current selection allows the action; enabled always when absent. */
  isEnabled?(context: ActionContext<Row>): boolean;
  run(context: ActionContext<Row>): void | Promise<void>;
}

export interface RibbonGroup<Row> {
  readonly label: string;
  readonly actions: readonly RibbonAction<Row>[];
}

export interface DetailsProps<Row> {
  readonly row: Row;
  readonly services: ConsoleServices;
}

export interface PropertiesProps<Row> {
  readonly rows: readonly Row[];
  readonly services: ConsoleServices;
  /** Closes the dialog (OK after a successful apply, or Cancel). */
  close(): void;
}

/** What a live list may do when a site event arrives. */
export interface LiveListHandle<Row> {
  /** Replaces rows the grid has loaded (same row id); returns the ones it did not have. */
  updateRows(rows: readonly Row[]): Row[];
  /** Re-reads the list soon (coalesced), keeping the scroll position. */
  refreshSoon(): void;
}

interface NodeBase {
  /** Stable id, e.g. "library.softwareUpdates.all"; used in localStorage keys and tests. */
  readonly id: string;
  readonly title: string;
  readonly icon: FluentIcon;
  readonly workspace: WorkspaceId;
  /** null for the workspace's root ("Overview"). */
  readonly parentId: string | null;
}

/** A node that only holds other nodes; opening it lists its children. */
export interface FolderNode extends NodeBase {
  readonly kind: 'folder';
  /** What the folder shows above its child links, e.g. the Software Updates dashboard. */
  readonly overview?: ComponentType<{ services: ConsoleServices }>;
}

/** A node whose result pane is a list of site objects. */
export interface ListNode<Row> extends NodeBase {
  readonly kind: 'list';
  readonly columns: readonly ColumnSpec<Row>[];
  rowId(row: Row): string;
  /** The site list and query behind `source`; with it the site exports the list itself. */
  siteList?(query: Omit<ListQuery, 'page'>): SiteListCall;
  /** Reads the list; absent while the site has no API for it yet (the list stays empty). */
  source?(services: ConsoleServices): ListSource<Row>;
  /** The sentence shown in the empty list: why it is empty and what to do. */
  readonly emptyText: string;
  /** Add Criteria and saved searches under the search bar (All Software Updates). */
  readonly criteriaBar?: ComponentType<{ list: ListStore<AnyRow>; services: ConsoleServices }>;
  /**
   * A notice bar above the list, e.g. Deployment Packages offering demo content on a site that
   * has nothing to download; it decides itself whether to show.
   */
  readonly banner?: ComponentType<{ list: ListStore<AnyRow>; services: ConsoleServices }>;
  /** The search bar's hint; every list with a source has one (a test walks them all). */
  readonly searchHint?: string;
  /** A node of a later feature, with no source yet: what its list will hold. */
  readonly plannedContent?: string;
  readonly defaultSort?: { columnId: string; direction: SortDirection };
  /** Node-specific Home-tab groups; Refresh, columns, export and Properties are added. */
  readonly ribbon?: readonly RibbonGroup<Row>[];
  /** The details pane (and Properties dialog) for one selected row. */
  readonly details?: ComponentType<DetailsProps<Row>>;
  /**
   * A Properties dialog of its own (tabs, editable fields) for one or several selected rows; the
   * details pane in a dialog when absent.
   */
  readonly properties?: ComponentType<PropertiesProps<Row>>;
  /** What double-click or Enter on a row does instead of Properties (Run, for a report). */
  open?(context: ActionContext<Row>): void;
  /** The details pane's heading for a row, e.g. the update's title. */
  describe?(row: Row): string;
  /** Reacts to site events while the node is open; `data.changed` topics below refresh it. */
  onEvent?(event: SiteEvent, list: LiveListHandle<Row>): void;
  /** `data.changed` topics that make this list refresh, e.g. ["softwareUpdates"]. */
  readonly topics?: readonly string[];
  /** Rows per block read from the site; 100 when absent. */
  readonly pageSize?: number;
}

export type ConsoleNode = FolderNode | ListNode<AnyRow>;

/**
 * Declares a list node. The row type is checked inside the declaration and erased for the
 * registry, which handles every node the same way.
 */
export function defineListNode<Row extends object>(
  node: Omit<ListNode<Row>, 'kind'>,
): ListNode<AnyRow> {
  return { kind: 'list', ...node } as unknown as ListNode<AnyRow>;
}

export function defineFolder(node: Omit<FolderNode, 'kind'>): FolderNode {
  return { kind: 'folder', ...node };
}
