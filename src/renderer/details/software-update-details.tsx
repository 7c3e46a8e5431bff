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
import { useEffect, useState } from 'react';
import type {
  SoftwareUpdateDetails,
  SoftwareUpdateRow,
} from '../../shared/contract/software-updates';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { CompliancePie } from './compliance-pie';
import { PropertyList } from './property-list';
import { redArrowMeaning, updateIconMeaning } from './update-icon';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    gap: '24px',
    paddingTop: '6px',
  },
  side: { display: 'flex', flexDirection: 'column', gap: '8px', alignItems: 'flex-start' },
  empty: { color: tokens.colorNeutralForeground3 },
});

/** The details pane of All Software Updates (§3.6): Summary with the compliance pie, Deployment. */
export function SoftwareUpdateDetailsPane({ row, services }: DetailsProps<SoftwareUpdateRow>) {
  const styles = useStyles();
  const [tab, setTab] = useState<'summary' | 'deployment'>('summary');
  const [details, setDetails] = useState<SoftwareUpdateDetails | null>(null);
  const [isRequiredOpen, setRequiredOpen] = useState(false);
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
        <Tab value="deployment">Deployment</Tab>
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
          <div className={styles.side}>
            <CompliancePie
              counts={{
                required: row.required,
                notRequired: row.notRequired,
                installed: row.installed,
                unknown: row.unknown,
              }}
              summarizedAt={details?.summarizedAt ?? null}
            />
            <Button size="small" onClick={() => setRequiredOpen(true)}>
              View Required
            </Button>
          </div>
        </div>
      ) : (
        <p className={styles.empty}>
          {row.isDeployed
            ? 'This update is deployed.'
            : 'This update is not in any deployment. Deploy a software update group that contains it.'}
        </p>
      )}
      <RequiredDevicesDialog
        ciId={row.ciId}
        title={row.title}
        isOpen={isRequiredOpen}
        onClose={() => setRequiredOpen(false)}
        services={services}
      />
    </div>
  );
}

function RequiredDevicesDialog(props: {
  ciId: number;
  title: string;
  isOpen: boolean;
  onClose(): void;
  services: DetailsProps<SoftwareUpdateRow>['services'];
}) {
  const styles = useStyles();
  const [names, setNames] = useState<string[] | null>(null);
  useEffect(() => {
    if (!props.isOpen) return;
    setNames(null);
    props.services.api
      .call('updates.requiredDevices', { ciId: props.ciId, page: { size: 500, offset: 0 } })
      .then(
        (page) => setNames(page.rows.map((device) => `${device.name} (${device.osName})`)),
        (error: unknown) =>
          props.services.notices.showError(
            'The devices that require this update could not be read',
            error,
          ),
      );
  }, [props.isOpen, props.ciId, props.services]);
  return (
    <Dialog open={props.isOpen} onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Devices that require {props.title}</DialogTitle>
          <DialogContent>
            {names === null ? (
              'Reading…'
            ) : names.length === 0 ? (
              <span className={styles.empty}>
                No device requires this update: no client has reported it as required in its last
                scan.
              </span>
            ) : (
              <ul>
                {names.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={props.onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
