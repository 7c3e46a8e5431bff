import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { SoftwareUpdateGroup } from '../../shared/contract/update-groups';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { DeploymentsTab } from '../deployments/deployments-tab';
import { GroupCompliancePanel } from '../compliance/group-compliance-panel';
import { groupIconText } from './group-icon';
import { PropertyList } from './property-list';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: '24px',
    paddingTop: '6px',
  },
  compliance: { display: 'flex', flexDirection: 'column', gap: '6px' },
  heading: { fontWeight: tokens.fontWeightSemibold },
});

const yesNo = (value: boolean) => (value ? 'Yes' : 'No');

/** The details pane of Software Update Groups (§5.4): Summary and Deployment. */
export function SoftwareUpdateGroupDetailsPane({
  row,
  services,
}: DetailsProps<SoftwareUpdateGroup>) {
  const styles = useStyles();
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
        <div className={styles.summary}>
          <PropertyList
            rows={[
              { label: 'Name', value: row.name },
              { label: 'Description', value: row.description },
              { label: 'Date Created', value: formatDateTime(row.dateCreated) },
              { label: 'Date Modified', value: formatDateTime(row.dateModified) },
              { label: 'Created By', value: row.createdBy },
              { label: 'State', value: groupIconText(row) },
              { label: 'Downloaded', value: yesNo(row.isDownloaded) },
            ]}
          />
          <div className={styles.compliance}>
            <span className={styles.heading}>Compliance</span>
            <PropertyList
              rows={[
                { label: 'Number of updates', value: row.numberOfUpdates },
                { label: 'Number of expired', value: row.numberOfExpired },
                { label: 'Collections deployed', value: row.collectionsDeployed },
              ]}
            />
            <GroupCompliancePanel groupId={row.id} services={services} />
          </div>
        </div>
      ) : (
        <DeploymentsTab
          filter={{ groupId: row.id }}
          services={services}
          emptyText="This software update group has no deployments yet. Choose Deploy to install its updates on a collection's devices."
        />
      )}
    </div>
  );
}
