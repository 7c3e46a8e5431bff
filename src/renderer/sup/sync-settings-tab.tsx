import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupComponentSettings } from '../../shared/contract/software-update-point';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { GroupBox } from './group-box';
import { useTabStyles } from './tab-styles';

type Source = SupComponentSettings['syncSource'];
type ReportingEvents = SupComponentSettings['reportingEvents'];

/** What the location box holds for each source, said under the box. */
const locationHint: Record<Source, string> = {
  'catalog-bundle':
    'A folder or http(s) URL of a catalog bundle. Leave it empty to synchronize from the catalog bundled with Patchbay.',
  msrc: 'A folder of MSRC CVRF documents, or the http(s) URL of one document.',
  'upstream-site':
    "The URL of the parent site's patchbay serve, for example http://parent:8601/. This site takes the software updates its parent synchronized.",
};

const locationPlaceholder: Record<Source, string> = {
  'catalog-bundle': 'The catalog bundled with Patchbay',
  msrc: 'C:\\CVRF or https://…',
  'upstream-site': 'http://parent:8601/',
};

/** Sync Settings (§2.3.1), with the three sources Patchbay can reach in place of WSUS's. */
export const SyncSettingsTab = observer(function SyncSettingsTab({
  draft,
}: {
  draft: SupSettingsDraft;
}) {
  const styles = useTabStyles();
  const settings = draft.draft!;
  const problem = draft.problem('syncSourceLocation');
  return (
    <>
      <GroupBox title="Synchronization source">
        <RadioGroup
          aria-label="Synchronization source"
          value={settings.syncSource}
          onChange={(_event, data) => draft.update('syncSource', data.value as Source)}
        >
          <Radio value="catalog-bundle" label="Synchronize from a catalog bundle" />
          <Radio value="msrc" label="Synchronize from MSRC security updates (CVRF documents)" />
          <Radio value="upstream-site" label="Synchronize from an upstream site" />
        </RadioGroup>
        <Field
          className={styles.indent}
          label="Location:"
          hint={problem ? undefined : locationHint[settings.syncSource]}
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
        >
          <Input
            value={settings.syncSourceLocation}
            placeholder={locationPlaceholder[settings.syncSource]}
            onChange={(_event, data) => draft.update('syncSourceLocation', data.value)}
          />
        </Field>
      </GroupBox>
      <GroupBox title="WSUS reporting events">
        <RadioGroup
          aria-label="WSUS reporting events"
          value={settings.reportingEvents}
          onChange={(_event, data) =>
            draft.update('reportingEvents', data.value as ReportingEvents)
          }
        >
          <Radio
            value="DoNotCreateWsusReportingEvents"
            label="Do not create WSUS reporting events"
          />
          <Radio
            value="CreateOnlyWsusStatusReportingEvents"
            label="Create only WSUS status reporting events"
          />
          <Radio value="CreateAllWsusReportingEvents" label="Create all WSUS reporting events" />
        </RadioGroup>
      </GroupBox>
    </>
  );
});
