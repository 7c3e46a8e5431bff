import { Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { GroupBox } from './group-box';
import { NumberField } from './number-field';
import { useTabStyles } from './tab-styles';

type Behavior = 'immediately' | 'after-months';

/** The two identical groups of §2.3.6, one per kind of update. */
const groups = [
  {
    title: 'Supersedence behavior for non-feature updates',
    behavior: 'nonFeatureSupersedence',
    months: 'nonFeatureSupersedenceMonths',
  },
  {
    title: 'Supersedence behavior for feature updates',
    behavior: 'featureSupersedence',
    months: 'featureSupersedenceMonths',
  },
] as const;

/** Supersedence Rules (§2.3.6): when a superseded software update expires. */
export const SupersedenceRulesTab = observer(function SupersedenceRulesTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  const settings = draft.draft!;
  return (
    <>
      {groups.map((group) => (
        <GroupBox key={group.behavior} title={group.title}>
          <RadioGroup
            aria-label={group.title}
            value={settings[group.behavior]}
            onChange={(_event, data) => draft.update(group.behavior, data.value as Behavior)}
          >
            <Radio value="immediately" label="Immediately expire a superseded software update" />
            <Radio
              value="after-months"
              label="Do not expire a superseded software update until the software update is superseded for a specified period"
            />
          </RadioGroup>
          <div className={styles.indent}>
            <NumberField
              draft={draft}
              field={group.months}
              orientation="horizontal"
              label="Months to wait before a superseded software update is expired:"
              isDisabled={settings[group.behavior] !== 'after-months'}
            />
          </div>
        </GroupBox>
      ))}
      <p className={styles.note}>
        Expired software updates cannot be deployed, and they are removed from existing deployments.
        The months count from the date the superseding software update was created. Changing these
        rules makes the next synchronization a full synchronization.
      </p>
    </>
  );
});
