import {
  Menu,
  MenuDivider,
  MenuItem,
  MenuItemCheckbox,
  MenuList,
  MenuPopover,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';

/**
 * The console's "add/remove columns" checklist: every column of the node, the shown ones
 * checked. Opened by right-clicking a column header or from the ribbon.
 */
export const ColumnChooser = observer(function ColumnChooser({
  list,
}: {
  list: ListStore<AnyRow>;
}) {
  const at = list.columnChooserAt;
  const shown = list.visibleColumnIds;
  const target = at ? { getBoundingClientRect: () => new DOMRect(at.x, at.y, 0, 0) } : undefined;
  return (
    <Menu
      open={at !== null}
      onOpenChange={(_event, data) => {
        if (!data.open) list.closeColumnChooser();
      }}
      positioning={{ target, position: 'below', align: 'start' }}
      checkedValues={{ columns: [...shown] }}
      onCheckedValueChange={(_event, data) => {
        const next = new Set(data.checkedItems);
        for (const column of list.node.columns) {
          const isShown = shown.includes(column.id);
          if (next.has(column.id) !== isShown) list.setColumnVisible(column.id, !isShown);
        }
      }}
      persistOnItemClick
      hasCheckmarks
    >
      <MenuPopover aria-label="Columns" style={{ maxHeight: '70vh', overflowY: 'auto' }}>
        <MenuList>
          {list.node.columns.map((column) => (
            <MenuItemCheckbox
              key={column.id}
              name="columns"
              value={column.id}
              // The last visible column cannot be removed: a list with no columns is a dead end.
              disabled={shown.length === 1 && shown[0] === column.id}
            >
              {column.header}
            </MenuItemCheckbox>
          ))}
          <MenuDivider />
          <MenuItem
            onClick={() => {
              list.resetColumns();
              list.closeColumnChooser();
            }}
          >
            Reset to the default columns
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});
