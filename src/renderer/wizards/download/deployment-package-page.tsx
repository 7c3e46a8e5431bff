import {
  Button,
  Checkbox,
  Field,
  Input,
  mergeClasses,
  Radio,
  RadioGroup,
  Textarea,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type {
  DeploymentPackage,
  DistributionPriority,
} from '../../../shared/contract/deployment-packages';
import { usePageStyles } from '../page-styles';
import { PickDialog } from '../pick-dialog';
import type { PageFields } from '../page-problems';
import type { PackageChoice } from './download-draft';
import type { DownloadWizardStore } from './download-wizard-store';

const page = 'deploymentPackage' as const;

/** Text fields of a new package, with the draft key and the schema path of each. */
type NewPackageText = 'name' | 'description' | 'sourcePath';

const priorities: DistributionPriority[] = ['High', 'Medium', 'Low'];

/**
 * Deployment Package (§6.2, §7.7): select an existing package (Browse…; content it already holds
 * is not downloaded again) or create one with Name, Description, Package source and binary
 * differential replication. The Deploy wizard's page also has the new package's Sending priority
 * (it has no Distribution Settings page) and "No deployment package".
 */
export const DeploymentPackagePage = observer(function DeploymentPackagePage({
  store,
  flow,
  isDeployWizard = false,
}: {
  store: DownloadWizardStore;
  flow: PageFields<typeof page>;
  isDeployWizard?: boolean;
}) {
  const styles = usePageStyles();
  const [isBrowsing, setBrowsing] = useState(false);
  const { draft } = store;
  const isNew = store.isNewPackage;
  const isExisting = draft.packageChoice === 'existing';
  const edit = (key: NewPackageText, value: string) => {
    store.set(key, value);
    flow.touch(page, `package.${key}`);
  };
  const problem = (path: string) => flow.problemFor(page, path);
  const fieldState = (path: string) => ({
    validationState: problem(path) ? ('error' as const) : ('none' as const),
    validationMessage: problem(path),
  });

  return (
    <>
      <p className={styles.intro}>
        Select a deployment package for the software updates, or create a new deployment package.
        Software updates already in the selected package are not downloaded again.
      </p>
      <RadioGroup
        aria-label="Deployment package"
        value={draft.packageChoice}
        onChange={(_event, data) => store.set('packageChoice', data.value as PackageChoice)}
      >
        <Radio
          value="existing"
          label="Select deployment package"
          disabled={store.packages.length === 0}
        />
        <div className={styles.indent}>
          <div className={styles.row}>
            <Field className={styles.grow} {...(isExisting ? fieldState('packageId') : {})}>
              <Input
                readOnly
                disabled={!isExisting}
                aria-label="Selected deployment package"
                value={store.selectedPackage?.name ?? ''}
                placeholder={
                  store.packages.length === 0 ? 'There are no deployment packages yet' : ''
                }
              />
            </Field>
            <Button
              disabled={!isExisting}
              onClick={() => {
                setBrowsing(true);
                flow.touch(page, 'packageId');
              }}
            >
              Browse…
            </Button>
          </div>
        </div>
        <Radio value="new" label="Create a new deployment package" />
        <div className={styles.indent}>
          <Field label="Name:" required {...(isNew ? fieldState('package.name') : {})}>
            <Input
              disabled={!isNew}
              value={draft.name}
              onChange={(_event, data) => edit('name', data.value)}
            />
          </Field>
          <Field label="Description:" {...(isNew ? fieldState('package.description') : {})}>
            <Textarea
              disabled={!isNew}
              rows={2}
              resize="none"
              value={draft.description}
              onChange={(_event, data) => edit('description', data.value)}
            />
          </Field>
          <Field
            label="Package source:"
            required
            hint={
              problem('package.sourcePath')
                ? undefined
                : 'An existing folder the site can write to, used by no other package, such as \\\\server\\share\\Updates or /srv/patchbay/packages/pilot.'
            }
            {...(isNew ? fieldState('package.sourcePath') : {})}
          >
            <Input
              disabled={!isNew}
              value={draft.sourcePath}
              onChange={(_event, data) => edit('sourcePath', data.value)}
              onBlur={() => flow.leave(page, 'package.sourcePath')}
            />
          </Field>
          {isDeployWizard && (
            <Field label="Sending priority:">
              <RadioGroup
                layout="horizontal"
                aria-label="Sending priority"
                disabled={!isNew}
                value={draft.priority}
                onChange={(_event, data) =>
                  store.set('priority', data.value as DistributionPriority)
                }
              >
                {priorities.map((priority) => (
                  <Radio key={priority} value={priority} label={priority} />
                ))}
              </RadioGroup>
            </Field>
          )}
          <Checkbox
            disabled={!isNew}
            label="Enable binary differential replication"
            checked={draft.isBinaryDifferentialReplication}
            onChange={(_event, data) =>
              store.set('isBinaryDifferentialReplication', data.checked === true)
            }
          />
        </div>
        {isDeployWizard && (
          <>
            <Radio value="none" label="No deployment package" />
            <p className={mergeClasses(styles.note, styles.indent)}>
              Clients download the content from Microsoft Update; nothing is downloaded to the site
              or copied to distribution points.
            </p>
          </>
        )}
      </RadioGroup>
      {isBrowsing && (
        <PickDialog<DeploymentPackage>
          title="Select a Deployment Package"
          intro="Select the deployment package to download the software updates into."
          columns={[
            { header: 'Name', width: '40%', cell: (row) => row.name },
            { header: 'Package ID', cell: (row) => row.packageId },
            { header: 'Source Version', cell: (row) => row.sourceVersion },
            { header: 'Description', cell: (row) => row.description },
          ]}
          rows={store.packages}
          rowKey={(row) => String(row.id)}
          rowName={(row) => row.name}
          initial={draft.existingPackageId === null ? [] : [String(draft.existingPackageId)]}
          emptyText="There are no deployment packages."
          onPick={([picked]) => picked && store.set('existingPackageId', picked.id)}
          close={() => setBrowsing(false)}
        />
      )}
    </>
  );
});
