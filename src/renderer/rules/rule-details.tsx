import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import {
  ruleRunTypeLabels,
  type AutomaticDeploymentRule,
} from '../../shared/contract/automatic-deployment-rules';
import { PropertyList } from '../details/property-list';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { useSiteRead } from '../stores/use-live-value';
import { nextRunText } from './rule-columns';
import { RuleDeploymentsTab } from './rule-deployments-tab';
import { ruleIconText } from './rule-icon';
import { ruleReads } from './rule-reads';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)',
    gap: '24px',
    paddingTop: '6px',
  },
  column: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontWeight: tokens.fontWeightSemibold },
  failed: { color: tokens.colorPaletteRedForeground1 },
  criteria: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', userSelect: 'text' },
});

/** The details pane of Automatic Deployment Rules (§8.3): Summary and Deployments. */
export function RuleDetailsPane({ row, services }: DetailsProps<AutomaticDeploymentRule>) {
  const [tab, setTab] = useState<'summary' | 'deployments'>('summary');
  return (
    <div>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as typeof tab)}
      >
        <Tab value="summary">Summary</Tab>
        <Tab value="deployments">Deployments</Tab>
      </TabList>
      {tab === 'summary' ? (
        <RuleSummary row={row} services={services} />
      ) : (
        <RuleDeploymentsTab rule={row} services={services} />
      )}
    </div>
  );
}

/** What the rule is, when it runs and how its last run went; the criteria from the site. */
const RuleSummary = observer(function RuleSummary({
  row,
  services,
}: DetailsProps<AutomaticDeploymentRule>) {
  const styles = useStyles();
  const detail = useSiteRead(services, ruleReads.rule(services, row.id));
  const hasFailed = row.lastErrorCode !== 0;
  return (
    <div className={styles.summary}>
      <PropertyList
        rows={[
          { label: 'Name', value: row.name },
          { label: 'Description', value: row.description },
          { label: 'State', value: ruleIconText(row) },
          { label: 'Template', value: row.template },
          { label: 'Collection', value: row.collectionName },
          { label: 'Evaluation', value: ruleRunTypeLabels[row.runType] },
          { label: 'Next Run Time', value: nextRunText(row) },
          {
            label: 'Date Created',
            value: `${formatDateTime(row.dateCreated)} by ${row.createdBy}`,
          },
        ]}
      />
      <div className={styles.column}>
        <span className={styles.heading}>Last run</span>
        <PropertyList
          rows={[
            ...(row.runningJobId !== null
              ? [{ label: 'Now', value: `Running as job ${row.runningJobId} (Jobs panel)` }]
              : []),
            { label: 'Last Run Time', value: formatDateTime(row.lastRunTime) },
            {
              label: 'Last Error Code',
              value: (
                <span className={hasFailed ? styles.failed : undefined}>
                  {row.lastErrorCodeHex}
                </span>
              ),
            },
            { label: 'Last Error Time', value: formatDateTime(row.lastErrorTime) },
            ...(row.lastErrorMessage
              ? [{ label: 'Last Error Description', value: row.lastErrorMessage }]
              : []),
            { label: 'Software Update Group', value: row.groupName ?? '' },
            { label: 'Deployments', value: row.deploymentCount },
          ]}
        />
        <span className={styles.heading}>Search criteria</span>
        <p className={styles.criteria} data-testid="rule-criteria">
          {detail.error
            ? `The criteria could not be read: ${detail.error}`
            : (detail.value?.criteriaText ?? 'Reading the criteria…')}
        </p>
      </div>
    </div>
  );
});
