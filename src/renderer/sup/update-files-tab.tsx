import { Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupComponentSettings } from '../../shared/contract/software-update-point';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { useTabStyles } from './tab-styles';

/** Update Files (§2.3.2): full files only, or full files and express installation files. */
export const UpdateFilesTab = observer(function UpdateFilesTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  return (
    <>
      <p className={styles.intro}>
        Specify the software update files that the software update point downloads.
      </p>
      <RadioGroup
        aria-label="Update files"
        value={draft.draft!.updateFiles}
        onChange={(_event, data) =>
          draft.update('updateFiles', data.value as SupComponentSettings['updateFiles'])
        }
      >
        <Radio value="FullFilesOnly" label="Download full files for all approved updates" />
        <Radio
          value="ExpressForWindows10Only"
          label="Download both full files for all approved updates and express installation files for Windows 10"
        />
      </RadioGroup>
      <p className={styles.note}>
        Express installation files take more space on the site server but make the downloads of
        clients much smaller.
      </p>
    </>
  );
});
