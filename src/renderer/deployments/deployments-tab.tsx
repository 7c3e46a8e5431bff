import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { Deployment } from '../../shared/contract/deployments';
import { formatDateTime, formatWallClock } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { SelectTable } from '../wizards/select-table';
import { openDeploymentProperties } from './deployment-ribbon';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: '6px', paddingTop: '6px' },
  bar: { display: 'flex', gap: '8px', alignItems: 'center' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * The Deployments tab of a software update group's or a software update's details pane: each
 * deployment that holds it, with its collection, purpose and compliance, read live; Properties
 * opens the deployment's own dialog.
 */
export const DeploymentsTab = observer(function DeploymentsTab({
  filter,
  services,
  emptyText,
}: {
  filter: { groupId: number } | { ciId: number };
  services: ConsoleServices;
  emptyText: string;
}) {
  const styles = useStyles();
  const live = useSiteRead(services, siteReads.deploymentsOf(services, filter));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const rows = live.value?.rows ?? [];
  const chosen = rows.find((row) => selected.has(String(row.id)));
  return (
    <div className={styles.tab}>
      {live.error && (
        <span className={styles.problem} role="alert">
          The deployments could not be read: {live.error}
        </span>
      )}
      <SelectTable<Deployment>
        label="Deployments"
        columns={[
          {
            header: 'Deployment Name',
            width: '24%',
            cell: (row) => <span title={row.name}>{row.name}</span>,
          },
          { header: 'Collection', width: '14%', cell: (row) => row.collectionName },
          { header: 'Purpose', width: '9%', cell: (row) => row.purpose },
          { header: 'Compliance %', width: '10%', cell: (row) => row.compliancePercent },
          {
            header: 'Deployment Start Time',
            width: '16%',
            cell: (row) => formatWallClock(row.startTime),
          },
          {
            header: 'Enforcement Deadline',
            width: '16%',
            cell: (row) => formatWallClock(row.enforcementDeadline),
          },
          { header: 'Enabled', cell: (row) => (row.isEnabled ? 'Yes' : 'No') },
        ]}
        rows={rows}
        rowKey={(row) => String(row.id)}
        rowName={(row) => row.name}
        selected={selected}
        onSelect={setSelected}
        height="150px"
        emptyText={live.value ? emptyText : 'Reading the deployments…'}
      />
      <div className={styles.bar}>
        <Button
          size="small"
          disabled={!chosen}
          onClick={() =>
            chosen && void openDeploymentProperties(services, chosen, () => void live.reload())
          }
        >
          Properties
        </Button>
        {chosen && (
          <span>
            Created {formatDateTime(chosen.dateCreated)} by {chosen.createdBy}
          </span>
        )}
      </div>
    </div>
  );
});
