import type { FluentIcon } from '@fluentui/react-icons';
import {
  ArrowClockwiseRegular,
  ArrowExportRegular,
  DocumentTableRegular,
  PanelBottomRegular,
  PanelRightRegular,
  TableSettingsRegular,
  WrenchSettingsRegular,
} from '@fluentui/react-icons';
import type { AnyRow, ActionContext } from '../nodes/types';
import type { ShellStore } from '../stores/shell-store';

export interface RibbonButtonModel {
  readonly id: string;
  readonly label: string;
  readonly icon: FluentIcon;
  readonly description: string;
  readonly isEnabled: boolean;
  readonly isPressed?: boolean;
  /** `anchor` is the button's box, for menus that open under it. */
  onClick(anchor: DOMRect): void;
}

export interface RibbonGroupModel {
  readonly label: string;
  readonly buttons: readonly RibbonButtonModel[];
}

/**
 * The Home tab for the current node: the node's own groups first, then Properties, the view
 * commands every list has (Refresh, columns, Export) and the jobs panel toggle.
 */
export function homeTabGroups(shell: ShellStore): RibbonGroupModel[] {
  const list = shell.currentList;
  const groups: RibbonGroupModel[] = [];

  if (list) {
    const context: ActionContext<AnyRow> = {
      selection: list.selection,
      services: shell.services,
      list,
    };
    for (const group of list.node.ribbon ?? []) {
      groups.push({
        label: group.label,
        buttons: group.actions.map((action) => ({
          id: action.id,
          label: action.label,
          icon: action.icon,
          description: action.description ?? action.label,
          isEnabled:
            !shell.runningActionIds.has(action.id) && (action.isEnabled?.(context) ?? true),
          onClick: () => void shell.runAction(action.id, action.label, () => action.run(context)),
        })),
      });
    }
    groups.push({
      label: 'Properties',
      buttons: [
        {
          id: 'properties',
          label: 'Properties',
          icon: WrenchSettingsRegular,
          description: 'Shows the properties of the selected item.',
          isEnabled: shell.canOpenProperties,
          onClick: () => shell.openProperties(),
        },
      ],
    });
  }

  const layout = shell.layout;
  groups.push({
    label: 'View',
    buttons: [
      {
        id: 'refresh',
        label: 'Refresh',
        icon: ArrowClockwiseRegular,
        description: 'Reads the list again from the site (F5).',
        isEnabled: list !== null && list.hasSource,
        onClick: () => list?.refresh(),
      },
      {
        id: 'columns',
        label: 'Add or Remove Columns',
        icon: TableSettingsRegular,
        description: 'Chooses the columns of this list (also: right-click a column header).',
        isEnabled: list !== null,
        onClick: (anchor) => list?.openColumnChooser({ x: anchor.left, y: anchor.bottom }),
      },
      {
        id: 'jobsPanel',
        label: 'Jobs Panel',
        icon: layout.jobsDock === 'right' ? PanelRightRegular : PanelBottomRegular,
        description: 'Shows or hides the panel of queued, running and recent jobs.',
        isEnabled: true,
        isPressed: layout.isJobsPanelOpen,
        onClick: () => layout.setJobsPanelOpen(!layout.isJobsPanelOpen),
      },
    ],
  });
  if (list)
    groups.push({
      label: 'Export',
      buttons: [
        {
          id: 'export',
          label: 'Export to CSV',
          icon: ArrowExportRegular,
          description:
            'Saves every row matching the search and criteria, with the columns shown, in their order and sort, as a CSV file.',
          isEnabled: list.hasSource && (list.total ?? 0) > 0 && !list.isExporting,
          onClick: () => void list.export('csv'),
        },
        {
          id: 'exportExcel',
          label: 'Export to Excel',
          icon: DocumentTableRegular,
          description:
            'Saves the list as shown as an Excel workbook (.xlsx), written by the site: dates, numbers and percentages typed, header frozen with filters.',
          isEnabled: list.canExportOnSite && (list.total ?? 0) > 0 && !list.isExporting,
          onClick: () => void list.export('xlsx'),
        },
      ],
    });
  return groups;
}
