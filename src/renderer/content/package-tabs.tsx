import { Checkbox, Field, Input, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import {
  prestageBehaviorLabels,
  type DeploymentPackage,
  type DistributionPriority,
  type PrestageBehavior,
} from '../../shared/contract/deployment-packages';
import { PropertyList } from '../details/property-list';
import { formatBytes, formatDateTime } from '../format';
import { GroupBox } from '../sup/group-box';
import { usePageStyles } from '../wizards/page-styles';
import type { PackagePropertiesDraft } from './package-properties-draft';

const fieldState = (problem: string | undefined) => ({
  validationState: problem ? ('error' as const) : ('none' as const),
  validationMessage: problem,
});

/** General: Name and Description, and what the package holds. */
export const GeneralTab = observer(function GeneralTab({
  draft,
  pkg,
}: {
  draft: PackagePropertiesDraft;
  pkg: DeploymentPackage;
}) {
  const styles = usePageStyles();
  return (
    <div className={styles.indent} style={{ marginLeft: 0 }}>
      <Field label="Name:" required {...fieldState(draft.problem('name'))}>
        <Input value={draft.draft.name} onChange={(_e, data) => draft.set('name', data.value)} />
      </Field>
      <Field label="Description:" {...fieldState(draft.problem('description'))}>
        <Textarea
          rows={3}
          resize="none"
          value={draft.draft.description}
          onChange={(_e, data) => draft.set('description', data.value)}
        />
      </Field>
      <PropertyList
        rows={[
          { label: 'Package ID', value: pkg.packageId },
          { label: 'Source Version', value: pkg.sourceVersion },
          { label: 'Source Date', value: formatDateTime(pkg.sourceDate) },
          { label: 'Software updates', value: pkg.numberOfUpdates.toLocaleString() },
          { label: 'Size', value: `${formatBytes(pkg.sizeBytes)} in ${pkg.numberOfFiles} files` },
          { label: 'Date created', value: formatDateTime(pkg.dateCreated) },
          { label: 'Created By', value: pkg.createdBy },
        ]}
      />
    </div>
  );
});

/** Data Source: the package source folder and binary differential replication. */
export const DataSourceTab = observer(function DataSourceTab({
  draft,
}: {
  draft: PackagePropertiesDraft;
}) {
  const styles = usePageStyles();
  return (
    <div className={styles.indent} style={{ marginLeft: 0 }}>
      <Field
        label="Package source path:"
        required
        hint="Copy the content to the new folder first: the site does not move it. The folder must be writable and used by no other package."
        {...fieldState(draft.problem('sourcePath'))}
      >
        <Input
          value={draft.draft.sourcePath}
          onChange={(_e, data) => draft.set('sourcePath', data.value)}
        />
      </Field>
      <Checkbox
        label="Enable binary differential replication"
        checked={draft.draft.isBinaryDifferentialReplication}
        onChange={(_e, data) => draft.set('isBinaryDifferentialReplication', data.checked === true)}
      />
    </div>
  );
});

/** Distribution Settings: priority, on-demand distribution and prestaged distribution points. */
export const DistributionSettingsTab = observer(function DistributionSettingsTab({
  draft,
}: {
  draft: PackagePropertiesDraft;
}) {
  return (
    <>
      <GroupBox title="Distribution priority">
        <RadioGroup
          layout="horizontal"
          aria-label="Distribution priority"
          value={draft.draft.priority}
          onChange={(_e, data) => draft.set('priority', data.value as DistributionPriority)}
        >
          {(['High', 'Medium', 'Low'] as const).map((priority) => (
            <Radio key={priority} value={priority} label={priority} />
          ))}
        </RadioGroup>
      </GroupBox>
      <Checkbox
        label="Enable for on-demand distribution"
        checked={draft.draft.isOnDemandDistribution}
        onChange={(_e, data) => draft.set('isOnDemandDistribution', data.checked === true)}
      />
      <GroupBox title="Prestaged distribution point settings">
        <RadioGroup
          aria-label="Prestaged distribution point settings"
          value={draft.draft.prestageBehavior}
          onChange={(_e, data) => draft.set('prestageBehavior', data.value as PrestageBehavior)}
        >
          {(['AutoDownload', 'DeltaCopy', 'ManualCopy'] as const).map((behavior) => (
            <Radio key={behavior} value={behavior} label={prestageBehaviorLabels[behavior]} />
          ))}
        </RadioGroup>
      </GroupBox>
    </>
  );
});
