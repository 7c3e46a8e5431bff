import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatDateTime } from '../format';
import { PropertyList } from '../details/property-list';
import type { DetailsProps } from '../nodes/types';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { ruleRowsRead } from './collection-actions';
import { CollectionCalendar } from './collection-calendar';
import type { CollectionRow } from './collection-row';

const useStyles = makeStyles({
  pane: { paddingTop: '6px', maxWidth: '900px' },
  muted: { color: tokens.colorNeutralForeground3 },
  rules: { margin: '0', paddingLeft: '18px' },
});

type PaneTab = 'summary' | 'windows';

/** The details pane of Device Collections: summary with the rules, and the windows' calendar. */
export function CollectionDetailsPane({ row, services }: DetailsProps<CollectionRow>) {
  const [tab, setTab] = useState<PaneTab>('summary');
  return (
    <div>
      <TabList
        size="small"
        selectedValue={tab}
        onTabSelect={(_event, data) => setTab(data.value as PaneTab)}
      >
        <Tab value="summary">Summary</Tab>
        <Tab value="windows">Maintenance Windows</Tab>
      </TabList>
      {tab === 'summary' ? (
        <CollectionSummary row={row} services={services} />
      ) : (
        <CollectionWindowsCalendar row={row} services={services} />
      )}
    </div>
  );
}

const CollectionSummary = observer(function CollectionSummary({
  row: listed,
  services,
}: DetailsProps<CollectionRow>) {
  const styles = useStyles();
  const rules = useSiteRead(services, ruleRowsRead(services, listed.id));
  // Member counts move as rules change and clients register; the listed row does not.
  const collections = useSiteRead(services, siteReads.collections(services));
  const current = collections.value?.find((c) => c.id === listed.id);
  const row = current ? { ...listed, ...current } : listed;
  return (
    <div className={styles.pane}>
      <PropertyList
        rows={[
          { label: 'Collection Name', value: row.name },
          { label: 'Collection ID', value: row.collectionId },
          { label: 'Comment', value: row.comment },
          { label: 'Limiting Collection', value: row.limitingCollectionName },
          { label: 'Member Count', value: row.memberCount.toLocaleString() },
          { label: 'Maintenance Windows', value: row.maintenanceWindowCount },
          { label: 'Last Member Change', value: formatDateTime(row.membersChangedAt) },
          {
            label: 'Full Update',
            value:
              row.refreshEveryDays === null
                ? 'On demand only'
                : `Every ${row.refreshEveryDays} days (last: ${row.lastRefreshedAt ? formatDateTime(row.lastRefreshedAt) : 'never'})`,
          },
          {
            label: 'Membership Rules',
            value: !rules.value ? (
              '…'
            ) : rules.value.length === 0 ? (
              <span className={styles.muted}>
                {row.memberCount === 0 ? 'None: the collection has no members yet.' : 'None.'}
              </span>
            ) : (
              <ul className={styles.rules}>
                {rules.value.map((rule) => (
                  <li key={rule.id}>
                    {rule.type}: {rule.name}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </div>
  );
});

const CollectionWindowsCalendar = observer(function CollectionWindowsCalendar({
  row,
  services,
}: DetailsProps<CollectionRow>) {
  const styles = useStyles();
  const windows = useSiteRead(services, siteReads.maintenanceWindows(services, row.id));
  if (windows.error) return <p className={styles.muted}>{windows.error}</p>;
  if (!windows.value) return <p className={styles.muted}>Reading the maintenance windows…</p>;
  return (
    <div className={styles.pane}>
      <CollectionCalendar windows={windows.value} />
    </div>
  );
});
