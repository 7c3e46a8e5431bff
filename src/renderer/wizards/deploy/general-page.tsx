import { Button, Field, Input, Textarea } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { DeviceCollection } from '../../../shared/contract/collections';
import type { DeploymentTemplate } from '../../../shared/contract/deployments';
import { formatDateTime } from '../../format';
import { templatePartLabels } from '../../deployments/settings-draft';
import { usePageStyles } from '../page-styles';
import { PickDialog } from '../pick-dialog';
import type { WizardFlow } from '../wizard-flow';
import type { DeployPageId } from './deploy-pages';
import type { DeployWizardStore, GeneralFields } from './deploy-wizard-store';

const page = 'general' as const;

/**
 * General (§7.1): Name (the site's default, checked for uniqueness when left and on Next),
 * Description, what is deployed (read-only), Select Deployment Template… and the Collection
 * (Browse… among device collections).
 */
export const GeneralPage = observer(function GeneralPage({
  store,
  flow,
}: {
  store: DeployWizardStore;
  flow: WizardFlow<DeployPageId>;
}) {
  const styles = usePageStyles();
  const [browsing, setBrowsing] = useState<'collection' | 'template' | null>(null);
  const { general } = store;
  const edit = (key: 'name' | 'description', value: string) => {
    store.setGeneral(key, value);
    flow.touch(page, key);
  };
  const state = (path: keyof GeneralFields) => {
    const problem = flow.problemFor(page, path);
    return {
      validationState: problem ? ('error' as const) : ('none' as const),
      validationMessage: problem,
    };
  };
  const template = store.appliedTemplate;

  return (
    <>
      <p className={styles.intro}>Specify general information for this deployment.</p>
      <Field label="Name:" required {...state('name')}>
        <Input
          value={general.name}
          onChange={(_event, data) => edit('name', data.value)}
          onBlur={() => flow.leave(page, 'name')}
        />
      </Field>
      <Field label="Description:" {...state('description')}>
        <Textarea
          rows={2}
          resize="none"
          value={general.description}
          onChange={(_event, data) => edit('description', data.value)}
        />
      </Field>
      <Field label="Software Update/Software Update Group:">
        <Input readOnly value={store.preview?.softwareName ?? store.target.description} />
      </Field>
      {store.preview?.problem && (
        <p className={styles.problem} role="alert">
          {store.preview.problem}
        </p>
      )}
      <div className={styles.row} style={{ margin: '10px 0' }}>
        <Button onClick={() => setBrowsing('template')}>Select Deployment Template…</Button>
        <span className={styles.note} style={{ margin: 0 }} data-testid="applied-template">
          {template
            ? `Template applied: ${template.name} (${template.parts.map((part) => templatePartLabels[part]).join(', ')}).`
            : ''}
        </span>
      </div>
      <div className={styles.row}>
        <Field className={styles.grow} label="Collection:" required {...state('collectionId')}>
          <Input readOnly value={store.selectedCollection?.name ?? ''} />
        </Field>
        <Button
          // Level with the box, not with the sentence under it.
          style={{ alignSelf: 'flex-start', marginTop: '22px' }}
          onClick={() => {
            setBrowsing('collection');
            flow.touch(page, 'collectionId');
          }}
        >
          Browse…
        </Button>
      </div>
      {browsing === 'collection' && (
        <PickDialog<DeviceCollection>
          title="Select Collection"
          intro="Select the device collection to deploy the software updates to."
          columns={[
            { header: 'Name', width: '45%', cell: (row) => row.name },
            { header: 'Collection ID', width: '20%', cell: (row) => row.collectionId },
            { header: 'Member Count', width: '15%', cell: (row) => row.memberCount },
            { header: 'Comment', cell: (row) => row.comment },
          ]}
          rows={store.collections}
          rowKey={(row) => String(row.id)}
          rowName={(row) => row.name}
          initial={general.collectionId === null ? [] : [String(general.collectionId)]}
          emptyText="There are no device collections."
          onPick={([picked]) => picked && store.setGeneral('collectionId', picked.id)}
          close={() => setBrowsing(null)}
        />
      )}
      {browsing === 'template' && (
        <PickDialog<DeploymentTemplate>
          title="Select Deployment Template"
          intro="Select a template: the settings it holds replace those of this wizard."
          columns={[
            { header: 'Name', width: '35%', cell: (row) => row.name },
            {
              header: 'Settings',
              width: '45%',
              cell: (row) => row.parts.map((part) => templatePartLabels[part]).join(', '),
            },
            { header: 'Date Created', cell: (row) => formatDateTime(row.dateCreated) },
          ]}
          rows={store.templates}
          rowKey={(row) => String(row.id)}
          rowName={(row) => row.name}
          initial={general.templateId === null ? [] : [String(general.templateId)]}
          emptyText="There are no deployment templates. Save As Template on the Summary page stores one."
          onPick={([picked]) => picked && store.applyTemplate(picked)}
          close={() => setBrowsing(null)}
        />
      )}
    </>
  );
});
