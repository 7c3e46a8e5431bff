import { makeStyles, Tab, TabList } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type {
  SoftwareUpdateDetails,
  SoftwareUpdateRow,
} from '../../shared/contract/software-updates';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { DeploymentsTab } from '../deployments/deployments-tab';
import { UpdateCompliancePanel } from '../compliance/update-compliance-panel';
import { PropertyList } from './property-list';
import { redArrowMeaning, updateIconMeaning } from './update-icon';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: '24px',
    paddingTop: '6px',
  },
});

/** The details pane of All Software Updates (§3.6): Summary with the compliance pie, Deployment. */
export function SoftwareUpdateDetailsPane({ row, services }: DetailsProps<SoftwareUpdateRow>) {
  const styles = useStyles();
  const [tab, setTab] = useState<'summary' | 'deployments'>('summary');
  const [details, setDetails] = useState<SoftwareUpdateDetails | null>(null);
  useEffect(() => {
    let isCurrent = true;
    services.api.call('updates.get', { ciId: row.ciId }).then(
      (value) => isCurrent && setDetails(value),
      (error: unknown) => services.notices.showError('The update details could not be read', error),
    );
    return () => {
      isCurrent = false;
    };
  }, [row.ciId, services]);
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
              { label: 'Article ID', value: row.articleId ? `KB${row.articleId}` : '' },
              { label: 'Bulletin ID', value: row.bulletinId },
              { label: 'Date Released', value: formatDateTime(row.dateReleased) },
              { label: 'Update Classification', value: row.classification },
              { label: 'Product', value: row.products },
              { label: 'Severity', value: row.severity || 'None' },
              { label: 'Custom Severity', value: row.customSeverity || 'None' },
              { label: 'State', value: updateIconMeaning[row.icon] },
              {
                label: 'Content',
                value: row.isContentMissing
                  ? redArrowMeaning
                  : row.isMetadataOnly
                    ? 'No files.'
                    : 'Downloaded to a deployment package.',
              },
              { label: 'CVEs', value: details?.cves.map((cve) => cve.id).join(', ') ?? '' },
              {
                label: 'Superseded By',
                value: details?.supersededBy.map((u) => `KB${u.articleId}`).join(', ') ?? '',
              },
            ]}
          />
          <UpdateCompliancePanel ciId={row.ciId} title={row.title} services={services} />
        </div>
      ) : (
        <DeploymentsTab
          filter={{ ciId: row.ciId }}
          services={services}
          emptyText="This update is not in any deployment. Select it and choose Deploy, or deploy a software update group that contains it."
        />
      )}
    </div>
  );
}
