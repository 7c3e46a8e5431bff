import {
  Button,
  DialogActions,
  DialogContent,
  makeStyles,
  Tab,
  TabList,
} from '@fluentui/react-components';
import { useState } from 'react';
import { formatDateTime } from '../format';
import { PropertyList } from '../details/property-list';
import type { PropertiesProps } from '../nodes/types';
import type { CollectionRow } from './collection-row';
import { MaintenanceWindowsTab } from './maintenance-windows-tab';
import { MembershipRulesTab } from './membership-rules-tab';

const useStyles = makeStyles({
  content: {
    height: 'min(560px, 68vh)',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
    overflow: 'auto',
  },
});

type PropertiesTab = 'general' | 'rules' | 'windows';

/**
 * A device collection's Properties: General, Membership Rules and Maintenance Windows. Rules and
 * windows are applied as they are added or deleted (the console's own tabs do the same for
 * windows), so Close is the only button.
 */
export function CollectionProperties({ rows, services, close }: PropertiesProps<CollectionRow>) {
  const styles = useStyles();
  const collection = rows[0]!;
  const [tab, setTab] = useState<PropertiesTab>('general');
  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as PropertiesTab)}
        >
          <Tab value="general">General</Tab>
          <Tab value="rules">Membership Rules</Tab>
          <Tab value="windows">Maintenance Windows</Tab>
        </TabList>
        {tab === 'general' && (
          <PropertyList
            rows={[
              { label: 'Name', value: collection.name },
              { label: 'Comment', value: collection.comment },
              { label: 'Collection ID', value: collection.collectionId },
              {
                label: 'Limiting collection',
                value: collection.limitingCollectionName,
              },
              { label: 'Member Count', value: collection.memberCount.toLocaleString() },
              { label: 'Date Created', value: formatDateTime(collection.createdAt) },
              { label: 'Last Member Change', value: formatDateTime(collection.membersChangedAt) },
            ]}
          />
        )}
        {tab === 'rules' && <MembershipRulesTab collection={collection} services={services} />}
        {tab === 'windows' && <MaintenanceWindowsTab collection={collection} services={services} />}
      </DialogContent>
      <DialogActions>
        <Button appearance="primary" onClick={close}>
          Close
        </Button>
      </DialogActions>
    </>
  );
}
