import { Button, MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';
import { NestedConfirm } from '../shell/NestedConfirm';
import type { ConsoleServices } from '../stores/console-services';
import { usePageStyles } from '../wizards/page-styles';
import { DistributionStateTable } from './distribution-state-table';
import { PackageDistributionStore } from './package-distribution-store';

/**
 * Content Locations: the distribution points holding the package, each with its state, and
 * Redistribute / Validate / Remove for the ones selected. The list follows the jobs live.
 */
export const ContentLocationsTab = observer(function ContentLocationsTab({
  pkg,
  services,
}: {
  pkg: DeploymentPackage;
  services: ConsoleServices;
}) {
  const styles = usePageStyles();
  const [store] = useState(() => new PackageDistributionStore(services, pkg.id));
  useEffect(() => store.start(), [store]);
  const hasSelection = store.selectedIds.size > 0;
  return (
    <>
      <p className={styles.intro}>
        The distribution points and distribution point groups this package is assigned to.
      </p>
      {store.loadError && (
        <MessageBar intent="error">
          <MessageBarBody>
            The content locations could not be read: {store.loadError}
          </MessageBarBody>
        </MessageBar>
      )}
      {store.actionProblem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{store.actionProblem}</MessageBarBody>
        </MessageBar>
      )}
      {store.isLoading ? (
        <Spinner size="tiny" label="Reading the content locations…" />
      ) : (
        <DistributionStateTable
          rows={store.rows}
          selected={store.selectedIds}
          onSelect={(keys) => store.setSelected(keys)}
          isSelectable
          height="240px"
        />
      )}
      <div className={styles.toolbar} style={{ marginTop: '8px' }}>
        <Button disabled={!hasSelection} onClick={() => void store.runJob('redistribute')}>
          Redistribute
        </Button>
        <Button disabled={!hasSelection} onClick={() => void store.runJob('validate')}>
          Validate
        </Button>
        <Button disabled={!hasSelection} onClick={() => store.askRemove()}>
          Remove
        </Button>
      </div>
      {store.removeQuestion && (
        <NestedConfirm
          title="Confirm Remove"
          question={store.removeQuestion}
          answer={(isYes) => void store.answerRemove(isYes)}
        />
      )}
    </>
  );
});
