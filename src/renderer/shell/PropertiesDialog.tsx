import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { ShellStore } from '../stores/shell-store';

const useStyles = makeStyles({
  surface: { width: 'min(900px, 92vw)', maxWidth: 'none' },
  content: { height: 'min(480px, 60vh)', overflow: 'auto' },
});

/** Properties of the selected item (double-click, Enter, or the ribbon's Properties). */
export const PropertiesDialog = observer(function PropertiesDialog({
  shell,
}: {
  shell: ShellStore;
}) {
  const styles = useStyles();
  const list = shell.currentList;
  const Properties = list?.node.properties;
  if (list && Properties && shell.isPropertiesOpen && list.selection.length > 0) {
    const rows = list.selection;
    const title =
      rows.length === 1
        ? `${list.node.describe?.(rows[0]!) ?? list.node.title} Properties`
        : `Properties of ${rows.length} items`;
    return (
      <Dialog open onOpenChange={(_event, data) => !data.open && shell.closeProperties()}>
        <DialogSurface className={styles.surface}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <Properties
              rows={rows}
              services={shell.services}
              close={() => shell.closeProperties()}
            />
          </DialogBody>
        </DialogSurface>
      </Dialog>
    );
  }
  const row = list?.selection.length === 1 ? list.selection[0] : undefined;
  const Details = list?.node.details;
  const isOpen = shell.isPropertiesOpen && row !== undefined && Details !== undefined;
  return (
    <Dialog open={isOpen} onOpenChange={(_event, data) => !data.open && shell.closeProperties()}>
      <DialogSurface className={styles.surface}>
        {isOpen && list && (
          <DialogBody>
            <DialogTitle>{list.node.describe?.(row) ?? list.node.title} Properties</DialogTitle>
            <DialogContent className={styles.content}>
              <Details row={row} services={shell.services} />
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => shell.closeProperties()}>
                Close
              </Button>
            </DialogActions>
          </DialogBody>
        )}
      </DialogSurface>
    </Dialog>
  );
});
