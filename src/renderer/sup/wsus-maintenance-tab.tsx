import { Checkbox } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { useTabStyles } from './tab-styles';

type MaintenanceField =
  'isDeclineExpiredEnabled' | 'isAddIndexesEnabled' | 'isRemoveObsoleteEnabled';

const tasks: ReadonlyArray<{ field: MaintenanceField; label: string }> = [
  {
    field: 'isDeclineExpiredEnabled',
    label: 'Decline expired updates in WSUS according to supersedence rules',
  },
  { field: 'isAddIndexesEnabled', label: 'Add non-clustered indexes to the WSUS database' },
  { field: 'isRemoveObsoleteEnabled', label: 'Remove obsolete updates from the WSUS database' },
];

/** WSUS Maintenance (§2.3.7): three tasks that run after every synchronization. */
export const WsusMaintenanceTab = observer(function WsusMaintenanceTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  return (
    <>
      <p className={styles.intro}>
        Select the WSUS maintenance tasks to run after every synchronization:
      </p>
      <div className={styles.stack}>
        {tasks.map((task) => (
          <Checkbox
            key={task.field}
            label={task.label}
            checked={draft.draft![task.field]}
            onChange={(_event, data) => draft.update(task.field, data.checked === true)}
          />
        ))}
      </div>
      <p className={styles.note}>
        Removing obsolete updates runs for at most 30 minutes after each synchronization and
        continues after the next one.
      </p>
    </>
  );
});
