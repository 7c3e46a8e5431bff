import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
} from '@fluentui/react-components';
import { makeAutoObservable, runInAction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';
import type {
  DistributionPoint,
  DistributionPointGroup,
} from '../../shared/contract/distribution-points';
import { errorSentence } from '../properties/error-sentence';
import { submitDialog } from '../stores/dialog-submit';
import type { ConsoleServices } from '../stores/console-services';
import { SelectTable } from '../wizards/select-table';
import { distributionPointType } from './distribution-point-pickers';

/** Distribute Content: the distribution points and groups to add, and the job that copies. */
class DistributeContentStore {
  points: DistributionPoint[] = [];
  groups: DistributionPointGroup[] = [];
  chosenPoints = new Set<string>();
  chosenGroups = new Set<string>();
  problem: string | null = null;
  isBusy = false;

  constructor(
    private readonly services: ConsoleServices,
    readonly pkg: DeploymentPackage,
  ) {
    makeAutoObservable<DistributeContentStore, 'services'>(this, { services: false, pkg: false });
  }

  async load(): Promise<void> {
    try {
      const [points, groups] = await Promise.all([
        this.services.api.call('dps.list', {}),
        this.services.api.call('dpGroups.list', {}),
      ]);
      runInAction(() => {
        this.points = points;
        this.groups = groups;
      });
    } catch (error) {
      runInAction(() => (this.problem = errorSentence(error)));
    }
  }

  setPoints(keys: Set<string>): void {
    this.chosenPoints = keys;
  }

  setGroups(keys: Set<string>): void {
    this.chosenGroups = keys;
  }

  get isEmpty(): boolean {
    return this.chosenPoints.size === 0 && this.chosenGroups.size === 0;
  }

  async distribute(): Promise<boolean> {
    return submitDialog(this, async () => {
      const { jobId } = await this.services.api.call('packages.distribute', {
        id: this.pkg.id,
        distributionPointIds: [...this.chosenPoints].map(Number),
        distributionPointGroupIds: [...this.chosenGroups].map(Number),
      });
      void this.services.jobs.track(jobId);
      this.services.revealJobs();
    });
  }
}

/** Distribute Content (§6.3): add distribution points or groups to a package and copy it. */
export const DistributeContentDialog = observer(function DistributeContentDialog(props: {
  pkg: DeploymentPackage;
  services: ConsoleServices;
  close(): void;
}) {
  const [store] = useState(() => new DistributeContentStore(props.services, props.pkg));
  const [tab, setTab] = useState<'points' | 'groups'>('points');
  useEffect(() => void store.load(), [store]);
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '640px' }}>
        <DialogBody>
          <DialogTitle>Distribute Content: {props.pkg.name}</DialogTitle>
          <DialogContent>
            {store.problem && (
              <MessageBar intent="error">
                <MessageBarBody>{store.problem}</MessageBarBody>
              </MessageBar>
            )}
            <TabList
              size="small"
              selectedValue={tab}
              onTabSelect={(_event, data) => setTab(data.value as typeof tab)}
            >
              <Tab value="points">Distribution Points</Tab>
              <Tab value="groups">Distribution Point Groups</Tab>
            </TabList>
            {tab === 'points' ? (
              <SelectTable<DistributionPoint>
                label="Distribution points"
                columns={[
                  { header: 'Name', width: '40%', cell: (dp) => dp.name },
                  { header: 'Type', cell: distributionPointType },
                ]}
                rows={store.points}
                rowKey={(dp) => String(dp.id)}
                rowName={(dp) => dp.name}
                selected={store.chosenPoints}
                onSelect={(keys) => store.setPoints(keys)}
                isMultiple
                height="220px"
                emptyText="There are no distribution points."
              />
            ) : (
              <SelectTable<DistributionPointGroup>
                label="Distribution point groups"
                columns={[
                  { header: 'Name', width: '50%', cell: (group) => group.name },
                  { header: 'Members', cell: (group) => group.memberIds.length },
                ]}
                rows={store.groups}
                rowKey={(group) => String(group.id)}
                rowName={(group) => group.name}
                selected={store.chosenGroups}
                onSelect={(keys) => store.setGroups(keys)}
                isMultiple
                height="220px"
                emptyText="There are no distribution point groups."
              />
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={store.isEmpty || store.isBusy}
              onClick={() => void store.distribute().then((isDone) => isDone && props.close())}
            >
              Distribute
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
