import { Button, Field, Input } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { DeviceCollection } from '../../../shared/contract/collections';
import { usePageStyles } from '../../wizards/page-styles';
import { PickDialog } from '../../wizards/pick-dialog';
import type { WizardFlow } from '../../wizards/wizard-flow';
import type { AddDeploymentPageId, AddDeploymentStore } from './add-deployment-store';

const page = 'general' as const;

/**
 * Collection (§8.4, like the rule wizard's General page): the rule and what it shares, read-only,
 * and the device collection of the new deployment (Browse…); a collection the rule already
 * deploys to is refused.
 */
export const CollectionPage = observer(function CollectionPage({
  store,
  flow,
}: {
  store: AddDeploymentStore;
  flow: WizardFlow<AddDeploymentPageId>;
}) {
  const styles = usePageStyles();
  const [isBrowsing, setBrowsing] = useState(false);
  const problem = flow.problemFor(page, 'collectionId');
  const { rule } = store;
  return (
    <>
      <p className={styles.intro}>
        Specify the collection of the new deployment. It deploys the same software update group and
        deployment package as the rule&apos;s other deployments, with its own schedule, user
        experience and alerts.
      </p>
      <Field label="Automatic deployment rule:">
        <Input readOnly value={rule.name} />
      </Field>
      <Field label="Software Update Group:">
        <Input readOnly value={rule.groupName ?? 'Made at the rule’s next run'} />
      </Field>
      <Field label="Deploys to already:">
        <Input
          readOnly
          value={store.targeted.map((deployment) => deployment.collectionName).join(', ')}
        />
      </Field>
      <div className={styles.row} style={{ marginTop: '10px' }}>
        <Field
          className={styles.grow}
          label="Collection:"
          required
          validationState={problem ? 'error' : 'none'}
          validationMessage={problem}
        >
          <Input readOnly value={store.selectedCollection?.name ?? ''} />
        </Field>
        <Button
          style={{ alignSelf: 'flex-start', marginTop: '22px' }}
          onClick={() => {
            setBrowsing(true);
            flow.touch(page, 'collectionId');
          }}
        >
          Browse…
        </Button>
      </div>
      {isBrowsing && (
        <PickDialog<DeviceCollection>
          title="Select Collection"
          intro="Select the device collection of the new deployment."
          columns={[
            { header: 'Name', width: '45%', cell: (row) => row.name },
            { header: 'Collection ID', width: '20%', cell: (row) => row.collectionId },
            { header: 'Member Count', width: '15%', cell: (row) => row.memberCount },
            { header: 'Comment', cell: (row) => row.comment },
          ]}
          rows={store.collections}
          rowKey={(row) => String(row.id)}
          rowName={(row) => row.name}
          initial={store.collectionId === null ? [] : [String(store.collectionId)]}
          emptyText="There are no device collections."
          onPick={([picked]) => picked && store.setCollection(picked.id)}
          close={() => setBrowsing(false)}
        />
      )}
    </>
  );
});
