import type { FluentIcon } from '@fluentui/react-icons';
import {
  defineListNode,
  type ColumnSpec,
  type ListNode,
  type RibbonGroup,
  type WorkspaceId,
} from './types';

/** A column of a list whose data the site does not serve yet: the header only. */
export interface PlannedColumn {
  readonly header: string;
  readonly isDefault?: boolean;
  readonly isIcon?: boolean;
  readonly width?: number;
}

export function columnId(header: string): string {
  return header
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Shorthand for the column tables of the spec: "*" marks a default column. */
export function plannedColumns(...specs: (string | PlannedColumn)[]): PlannedColumn[] {
  return specs.map((spec) => {
    if (typeof spec !== 'string') return spec;
    const isDefault = spec.endsWith('*');
    return { header: isDefault ? spec.slice(0, -1) : spec, isDefault };
  });
}

interface PlannedListNode {
  readonly id: string;
  readonly title: string;
  readonly icon: FluentIcon;
  readonly workspace: WorkspaceId;
  readonly parentId: string;
  readonly columns: readonly PlannedColumn[];
  readonly emptyText: string;
  /** What the list will hold once its feature is built; derived from the columns when absent. */
  readonly willHold?: string;
  /** Actions that already work although the list has no data yet, e.g. Synchronize Software Updates. */
  readonly ribbon?: readonly RibbonGroup<object>[];
}

/**
 * A node of a later feature: it sits in the tree with its real column headers and an honest
 * empty list. The feature replaces it with a `defineListNode` that has a `source`.
 */
export function plannedListNode(node: PlannedListNode): ListNode<object> {
  const columns: ColumnSpec<object>[] = node.columns.map((column) => ({
    id: column.isIcon ? 'icon' : columnId(column.header),
    header: column.header,
    isDefault: column.isDefault ?? false,
    isIcon: column.isIcon ?? false,
    width: column.width ?? (column.isIcon ? 36 : Math.max(90, column.header.length * 8 + 24)),
    text: () => '',
  }));
  return defineListNode<object>({
    id: node.id,
    title: node.title,
    icon: node.icon,
    workspace: node.workspace,
    parentId: node.parentId,
    columns,
    rowId: () => '',
    emptyText: node.emptyText,
    plannedContent: node.willHold ?? plannedSentence(node),
    ribbon: node.ribbon,
  });
}

/** "This list will hold each deployment's Software, Collection, … once a later version…" */
function plannedSentence(node: PlannedListNode): string {
  const headers = node.columns
    .filter((column) => column.isDefault && !column.isIcon)
    .map((column) => column.header.replace(/\*$/, ''));
  const listed =
    headers.length > 1 ? `${headers.slice(0, -1).join(', ')} and ${headers.at(-1)}` : headers[0];
  return `A later version of Patchbay fills this list${listed ? `: ${listed} of each item` : ''}.`;
}

/** The first column of most ConfigMgr lists: a state icon. */
export const iconColumn: PlannedColumn = { header: 'Icon', isIcon: true, isDefault: true };
