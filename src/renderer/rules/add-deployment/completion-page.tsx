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
          ? `The deployment "${added.deploymentName}" deploys the rule's software update group; every later run refreshes it.`
          : 'The rule’s next run deploys its software update group to this collection too. Run Now does it at once.'}
      </p>
    </>
  );
});
