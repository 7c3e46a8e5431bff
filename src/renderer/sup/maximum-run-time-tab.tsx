import { observer } from 'mobx-react-lite';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { NumberField } from './number-field';
import { useTabStyles } from './tab-styles';

/** Maximum Run Time (§2.3.9): the defaults given to newly synchronized updates. */
export const MaximumRunTimeTab = observer(function MaximumRunTimeTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  return (
    <>
      <p className={styles.intro}>
        Specify the maximum run time that newly synchronized software updates get. Software updates
        already in the site keep theirs; change them in the properties of the software update.
      </p>
      <NumberField
        draft={draft}
        field="featureUpdateMaxRuntimeMinutes"
        label="Maximum run time for Windows feature updates (minutes):"
      />
      <NumberField
        draft={draft}
        field="nonFeatureUpdateMaxRuntimeMinutes"
        label="Maximum run time for Office 365 updates and non-feature updates for Windows (minutes):"
      />
      <NumberField
        draft={draft}
        field="otherUpdateMaxRuntimeMinutes"
        label="Maximum run time for all other software updates outside these categories such as third-party updates (minutes):"
      />
    </>
  );
});
