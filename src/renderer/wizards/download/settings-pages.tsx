import { Checkbox, Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  prestageBehaviorLabels,
  type DistributionPriority,
  type PrestageBehavior,
} from '../../../shared/contract/deployment-packages';
import { GroupBox } from '../../sup/group-box';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import type { DownloadWizardStore } from './download-wizard-store';

const priorities: DistributionPriority[] = ['High', 'Medium', 'Low'];
const prestageOrder: PrestageBehavior[] = ['AutoDownload', 'DeltaCopy', 'ManualCopy'];

/**
 * Distribution Settings (§6.2, new package only): priority (Medium by default), on-demand
 * distribution, and what prestaged distribution points do (Manually copy by default).
 */
export const DistributionSettingsPage = observer(function DistributionSettingsPage({
  store,
}: {
  store: DownloadWizardStore;
}) {
  const styles = usePageStyles();
  const { draft } = store;
  return (
    <>
      <p className={styles.intro}>Specify general distribution settings for this package.</p>
      <GroupBox title="Distribution priority">
        <Field label="Distribution priority:">
          <RadioGroup
            layout="horizontal"
            aria-label="Distribution priority"
            value={draft.priority}
            onChange={(_event, data) => store.set('priority', data.value as DistributionPriority)}
          >
            {priorities.map((priority) => (
              <Radio key={priority} value={priority} label={priority} />
            ))}
          </RadioGroup>
        </Field>
        <p className={styles.note}>
          When several packages wait to be copied to the same distribution point, the ones of higher
          priority are copied first.
        </p>
      </GroupBox>
      <Checkbox
        label="Enable for on-demand distribution"
        checked={draft.isOnDemandDistribution}
        onChange={(_event, data) => store.set('isOnDemandDistribution', data.checked === true)}
      />
      <GroupBox title="Prestaged distribution point settings">
        <RadioGroup
          aria-label="Prestaged distribution point settings"
          value={draft.prestageBehavior}
          onChange={(_event, data) => store.set('prestageBehavior', data.value as PrestageBehavior)}
        >
          {prestageOrder.map((behavior) => (
            <Radio key={behavior} value={behavior} label={prestageBehaviorLabels[behavior]} />
          ))}
        </RadioGroup>
      </GroupBox>
    </>
  );
});

/**
 * Download Location (§6.2): each file from its URL on the Internet (the default), or from a
 * folder on the network that already holds the files, such as a WSUS content share.
 */
export const DownloadLocationPage = observer(function DownloadLocationPage({
  store,
  flow,
}: {
  store: DownloadWizardStore;
  flow: PageFields<'downloadLocation'>;
}) {
  const styles = usePageStyles();
  const { draft } = store;
  const isNetwork = draft.locationSource === 'network';
  const problem = flow.problemFor('downloadLocation', 'path');
  return (
    <>
      <p className={styles.intro}>Specify the location to download the software updates from.</p>
      <RadioGroup
        aria-label="Download location"
        value={draft.locationSource}
        onChange={(_event, data) =>
          store.set('locationSource', data.value as 'internet' | 'network')
        }
      >
        <Radio value="internet" label="Download software updates from the Internet" />
        <Radio value="network" label="Download software updates from a location on my network" />
      </RadioGroup>
      <div className={styles.indent}>
        <Field
          label="Path:"
          hint={
            problem
              ? undefined
              : 'A folder that holds the update files, for example \\\\server\\WsusContent.'
          }
          validationState={isNetwork && problem ? 'error' : 'none'}
          validationMessage={isNetwork ? problem : undefined}
        >
          <Input
            disabled={!isNetwork}
            value={draft.networkPath}
            onChange={(_event, data) => {
              store.set('networkPath', data.value);
              flow.touch('downloadLocation', 'path');
            }}
          />
        </Field>
      </div>
    </>
  );
});
