import { Button, mergeClasses } from '@fluentui/react-components';
import { DeleteRegular, StarRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useRef, useState } from 'react';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { describeCustomSchedule } from '../sup/schedule-text';
import { CollectionCalendar } from './collection-calendar';
import { collectionActions } from './collection-actions';
import type { CollectionRow } from './collection-row';
import { applyToLabels, durationText, NewWindowDialog } from './new-window-dialog';
import { useSmallTableStyles } from './small-table';

/**
 * Maintenance Windows (§10.1): the collection's windows, New (the star) and Delete, and under
 * them the next 14 days as a calendar, which the ConfigMgr console cannot show.
 */
export const MaintenanceWindowsTab = observer(function MaintenanceWindowsTab({
  collection,
  services,
}: {
  collection: CollectionRow;
  services: ConsoleServices;
}) {
  const styles = useSmallTableStyles();
  const windows = useSiteRead(services, siteReads.maintenanceWindows(services, collection.id));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // Mounted from the first New until the tab closes (see NewWindowDialog.isOpen).
  const [opening, setOpening] = useState(0);
  const [isNewOpen, setNewOpen] = useState(false);
  const newButton = useRef<HTMLButtonElement>(null);
  const isAllSystems = collection.collectionId === 'SMS00001';
  const rows = windows.value ?? [];
  const selected = rows.find((w) => w.id === selectedId);

  const remove = async () => {
    if (!selected) return;
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Delete',
      question: `Are you sure you want to delete the maintenance window "${selected.name}"?`,
    });
    if (!isYes) return;
    try {
      await collectionActions.deleteWindow(services, selected.id, selected.name);
      setSelectedId(null);
      await windows.reload();
      // Delete is disabled now; focus on New keeps the Properties dialog active (not aria-hidden).
      newButton.current?.focus();
    } catch (error) {
      services.notices.showError('The maintenance window was not deleted', error);
    }
  };

  return (
    <>
      <div className={styles.buttons}>
        <Button
          ref={newButton}
          size="small"
          icon={<StarRegular />}
          disabled={isAllSystems}
          onClick={() => {
            setOpening(opening + 1);
            setNewOpen(true);
          }}
        >
          New
        </Button>
        <Button
          size="small"
          icon={<DeleteRegular />}
          disabled={!selected}
          onClick={() => void remove()}
        >
          Delete
        </Button>
        {isAllSystems && (
          <span className={styles.note}>All Systems cannot have maintenance windows.</span>
        )}
      </div>
      <div className={styles.box}>
        <table className={styles.table} aria-label="Maintenance windows">
          <thead>
            <tr>
              <th className={styles.head}>Name</th>
              <th className={styles.head}>Schedule</th>
              <th className={styles.head}>Duration</th>
              <th className={styles.head}>Apply To</th>
              <th className={styles.head}>Enabled</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr
                key={w.id}
                className={mergeClasses(w.id === selectedId && styles.selected)}
                aria-selected={w.id === selectedId}
                onClick={() => setSelectedId(w.id)}
              >
                <td className={styles.cell}>{w.name}</td>
                <td className={styles.cell}>{describeCustomSchedule(w.schedule)}</td>
                <td className={styles.cell}>{durationText(w.durationMinutes)}</td>
                <td className={styles.cell}>{applyToLabels[w.applyTo]}</td>
                <td className={styles.cell}>{w.isEnabled ? 'Yes' : 'No'}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {windows.value && rows.length === 0 && (
          <div className={styles.empty}>This collection has no maintenance windows.</div>
        )}
      </div>
      {windows.value && <CollectionCalendar windows={rows} />}
      {opening > 0 && (
        <NewWindowDialog
          key={opening}
          isOpen={isNewOpen}
          collection={collection}
          services={services}
          onCreated={() => void windows.reload()}
          close={() => {
            setNewOpen(false);
            // Focus back on New, or Fluent leaves the Properties dialog aria-hidden.
            setTimeout(() => newButton.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
});
