import { Menu, MenuDivider, MenuItem, MenuList, MenuPopover } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { Fragment } from 'react';
import type { ShellStore } from '../stores/shell-store';
import { homeTabGroups } from './ribbon-model';

/** Commands that are about the view, not the selected rows: the ribbon keeps them. */
const viewOnly = new Set(['columns', 'jobsPanel']);

/**
 * The right-click menu of a result list: the same commands as the ribbon's Home tab, enabled
 * by the same rules, so an admin can work from either.
 */
export const RowContextMenu = observer(function RowContextMenu({ shell }: { shell: ShellStore }) {
  const list = shell.currentList;
  const at = list?.rowMenuAt ?? null;
  const target = at ? { getBoundingClientRect: () => new DOMRect(at.x, at.y, 0, 0) } : undefined;
  const groups = at ? homeTabGroups(shell) : [];
  return (
    <Menu
      open={at !== null}
      onOpenChange={(_event, data) => {
        if (!data.open) list?.closeRowMenu();
      }}
      positioning={{ target, position: 'below', align: 'start' }}
    >
      <MenuPopover aria-label="Actions">
        <MenuList>
          {groups.map((group, index) => {
            const buttons = group.buttons.filter((button) => !viewOnly.has(button.id));
            if (buttons.length === 0) return null;
            return (
              <Fragment key={group.label}>
                {index > 0 && <MenuDivider />}
                {buttons.map((button) => {
                  const Icon = button.icon;
                  return (
                    <MenuItem
                      key={button.id}
                      icon={<Icon />}
                      disabled={!button.isEnabled}
                      onClick={() => {
                        list?.closeRowMenu();
                        button.onClick(new DOMRect(at?.x ?? 0, at?.y ?? 0, 0, 0));
                      }}
                    >
                      {button.label}
                    </MenuItem>
                  );
                })}
              </Fragment>
            );
          })}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
});
