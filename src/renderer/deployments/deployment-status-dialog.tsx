import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import {
  DeploymentStatusCategory,
  deploymentStatusCategoryLabels,
  type DeploymentStatus,
} from '../../shared/contract/deployments';
import { runSummarization } from '../compliance/summarization-actions';
import { useSmallTableStyles } from '../collections/small-table';
import { formatDateTime } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { AssetGrid } from './asset-grid';
import { DeploymentPie } from './deployment-pie';

const useStyles = makeStyles({
  surface: { width: 'min(1280px, 96vw)', maxWidth: '96vw' },
  top: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: '20px' },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: '8px 0 4px' },
  subStates: { maxHeight: '140px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '12px', margin: '4px 0' },
  capped: { color: tokens.colorPaletteDarkOrangeForeground1, fontSize: '12px', margin: '4px 0' },
});

type Tabs = DeploymentStatus['categories'];

/** The Category list of a tab: sub-states with counts; picking one narrows Asset Details. */
function SubStateList(props: {
  tab: Tabs[number];
  selected: string | null;
  onSelect(key: string | null): void;
}) {
  const table = useSmallTableStyles();
  const styles = useStyles();
  if (props.tab.subStates.length === 0)
    return <div className={table.empty}>No assets are in this category.</div>;
  return (
    <div className={`${table.box} ${styles.subStates}`}>
      <table className={table.table} aria-label="Category">
        <thead>
          <tr>
            <th className={table.head}>Category</th>
            <th className={table.head}>Assets</th>
          </tr>
        </thead>
        <tbody>
          {props.tab.subStates.map((sub) => (
            <tr
              key={sub.key}
              className={sub.key === props.selected ? table.selected : undefined}
              onClick={() => props.onSelect(sub.key === props.selected ? null : sub.key)}
            >
              <td className={table.cell}>{sub.label}</td>
              <td className={table.cell}>{sub.count.toLocaleString()}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const AssetDetails = observer(function AssetDetails(props: {
  services: ConsoleServices;
  id: number;
  category: DeploymentStatusCategory;
  subStateKey: string | null;
}) {
  const styles = useStyles();
  const assets = useSiteRead(
    props.services,
    siteReads.deploymentAssets(props.services, props.id, props.category, props.subStateKey),
  );
  const value = assets.value;
  if (!value) return <p className={styles.note}>{assets.error ?? 'Reading assets…'}</p>;
  return (
    <>
      {value.cappedMessage && (
        <p className={styles.capped} data-testid="assets-capped">
          {value.cappedMessage}
        </p>
      )}
      <AssetGrid rows={value.rows} />
    </>
  );
});

/**
 * View Status (§9.3): the five category tabs with counts and a pie, the Category list of the
 * tab, and Asset Details, all live: they re-read when a state message batch is announced.
 */
export const DeploymentStatusDialog = observer(function DeploymentStatusDialog(props: {
  id: number;
  name: string;
  services: ConsoleServices;
  onClose(): void;
}) {
  const styles = useStyles();
  const [category, setCategory] = useState<DeploymentStatusCategory>('Compliant');
  const [subStateKey, setSubStateKey] = useState<string | null>(null);
  // Refresh re-reads Asset Details too: a new key makes a new live read.
  const [refreshes, setRefreshes] = useState(0);
  const status = useSiteRead(props.services, siteReads.deploymentStatus(props.services, props.id));
  const value = status.value;
  const counts = value
    ? Object.fromEntries(value.categories.map((tab) => [tab.category, tab.count]))
    : null;
  const tab = value?.categories.find((each) => each.category === category);
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Deployment Status: {props.name}</DialogTitle>
          <DialogContent>
            {!value || !counts || !tab ? (
              <p className={styles.note}>{status.error ?? 'Reading the deployment status…'}</p>
            ) : (
              <>
                <TabList
                  size="small"
                  selectedValue={category}
                  onTabSelect={(_event, data) => {
                    setCategory(data.value as DeploymentStatusCategory);
                    setSubStateKey(null);
                  }}
                >
                  {DeploymentStatusCategory.options.map((each) => (
                    <Tab key={each} value={each} data-testid={`status-tab-${each}`}>
                      {deploymentStatusCategoryLabels[each]} ({counts[each]!.toLocaleString()})
                    </Tab>
                  ))}
                </TabList>
                <div className={styles.top}>
                  <div>
                    <div className={styles.heading}>Category</div>
                    <SubStateList tab={tab} selected={subStateKey} onSelect={setSubStateKey} />
                  </div>
                  <div>
                    <DeploymentPie counts={counts as Record<DeploymentStatusCategory, number>} />
                    <p className={styles.note}>
                      {value.deployment.compliancePercent}% compliant of{' '}
                      {value.deployment.numberTargeted.toLocaleString()} targeted; live at{' '}
                      {formatDateTime(value.deployment.summarizationTime)}.
                    </p>
                  </div>
                </div>
                <div className={styles.heading}>Asset Details</div>
                <AssetDetails
                  key={refreshes}
                  services={props.services}
                  id={props.id}
                  category={category}
                  subStateKey={subStateKey}
                />
              </>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              onClick={() => {
                void status.reload();
                setRefreshes((count) => count + 1);
              }}
            >
              Refresh
            </Button>
            <Button onClick={() => void runSummarization(props.services)}>Run Summarization</Button>
            <Button appearance="primary" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
