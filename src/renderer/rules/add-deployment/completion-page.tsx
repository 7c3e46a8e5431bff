import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { usePageStyles } from '../../wizards/page-styles';
import type { AddDeploymentStore } from './add-deployment-store';

/** Completion: the deployment was added, and whether the rule's current group is deployed now. */
export const AddDeploymentCompletionPage = observer(function AddDeploymentCompletionPage({
  store,
}: {
  store: AddDeploymentStore;
}) {
  const styles = usePageStyles();
  const added = store.added;
  const collection = added?.collectionName ?? store.selectedCollection?.name ?? '';
  return (
    <>
      <MessageBar intent="success" data-testid="add-deployment-completion">
        <MessageBarBody>
          The Add Deployment wizard completed successfully: the rule &quot;{store.rule.name}&quot;
          deploys to {collection} too.
        </MessageBarBody>
      </MessageBar>
      <p className={styles.note}>
        {added?.deploymentName
          ? `The deployment "${added.deploymentName}" deploys the rule's current software update group now; every later run refreshes it.`
          : 'The rule has no software update group yet: its next run deploys to this collection too.'}
      </p>
    </>
  );
});
