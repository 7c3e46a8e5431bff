import { Checkbox } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { useTabStyles } from './tab-styles';

/**
 * Classifications (§2.3.3). Drivers is not one of the checkboxes: driver updates come only
 * through the Surface drivers checkbox, as in ConfigMgr.
 */
export const ClassificationsTab = observer(function ClassificationsTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  const settings = draft.draft!;
  const chosen = new Set(settings.classifications);
  const listed = draft.classifications.filter(
    (classification) => classification.name !== 'Drivers',
  );
  return (
    <>
      <p className={styles.intro}>Software update classifications:</p>
      <div className={styles.scrollBox} role="group" aria-label="Software update classifications">
        <div className={styles.stack}>
          {listed.map((classification) => (
            <Checkbox
              key={classification.id}
              className={styles.listCheckbox}
              label={classification.name}
              checked={chosen.has(classification.name)}
              onChange={(_event, data) =>
                draft.setClassification(classification.name, data.checked === true)
              }
            />
          ))}
        </div>
      </div>
      <div className={styles.stack} style={{ marginTop: '8px' }}>
        <Checkbox
          label="Include Microsoft Surface drivers and firmware updates"
          checked={settings.includeSurfaceDrivers}
          onChange={(_event, data) => draft.setSurfaceDrivers(data.checked === true)}
        />
      </div>
      <p className={styles.note}>
        Every classification makes synchronization take longer. Before the first synchronization,
        clear the classifications you do not need, synchronize, then choose from the refreshed list
        and synchronize again.
      </p>
    </>
  );
});
