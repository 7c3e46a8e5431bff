import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import type {
  RulePreview,
  RulePreviewUpdate,
} from '../../../shared/contract/automatic-deployment-rules';
import { maxUpdatesPerDeployment } from '../../../shared/contract/update-groups';
import { PropertyList } from '../../details/property-list';
import { formatBytes, formatCount, formatDateTime, formatWallClock } from '../../format';
import { SelectTable } from '../select-table';

const useStyles = makeStyles({
  surface: { width: '980px', maxWidth: '96vw' },
  body: { display: 'flex', flexDirection: 'column', gap: '10px' },
  criteria: { color: tokens.colorNeutralForeground2, margin: 0 },
});

const noSelection = new Set<string>();

/**
 * A wall-clock time of the deployment ("2026-12-08T23:00", Client local time or UTC) in the
 * console's date format, like the instants beside it.
 */
function wallClockText(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return formatWallClock(value);
  const [, year, month, day, hours, minutes] = match.map(Number) as number[];
  return formatDateTime(new Date(year!, month! - 1, day!, hours!, minutes!).toISOString());
}

function timeText(value: string | null): string {
  if (value === null) return 'None (an Available deployment)';
  return value === 'asap' ? 'As soon as possible' : wallClockText(value);
}

function devicesText(preview: RulePreview): string {
  if (preview.collectionMembers === 0) return 'None: the collection has no members yet';
  return `${preview.deviceCount.toLocaleString('en-US')} of the ${formatCount(preview.collectionMembers, 'member')} of the collection`;
}

/**
 * The dry run of a rule (beyond ConfigMgr's Preview, issue 14 item 5): the updates it would
 * select now with their KBs, CVEs, severity and size, how many devices of the target collection
 * require each and in all, the bytes to download and to distribute, whether the run would pass
 * the 1,000-update cap, and the available time and deadline the next run would give. The site
 * computes it with the run's own code, so what the pane says is what the run does.
 */
export function RulePreviewPane({
  preview,
  error,
  isLoading,
  isPackageChosen = true,
  onClose,
}: {
  preview: RulePreview | null;
  error: string | null;
  isLoading: boolean;
  /** False while the wizard has no package yet: the bytes then count no package's content. */
  isPackageChosen?: boolean;
  onClose(): void;
}) {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-label="Preview">
        <DialogBody>
          <DialogTitle>Preview</DialogTitle>
          <DialogContent className={styles.body}>
            {isLoading && <Spinner size="small" label="Evaluating the rule against the catalog…" />}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>The preview could not be made: {error}</MessageBarBody>
              </MessageBar>
            )}
            {preview && !isLoading && (
              <PreviewBody preview={preview} isPackageChosen={isPackageChosen} />
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Close
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

function PreviewBody({
  preview,
  isPackageChosen,
}: {
  preview: RulePreview;
  isPackageChosen: boolean;
}) {
  const styles = useStyles();
  const notDownloadedBytes = preview.updates
    .filter((update) => !update.isDownloaded)
    .reduce((sum, update) => sum + update.sizeBytes, 0);
  return (
    <>
      <p className={styles.criteria} data-testid="preview-criteria">
        {preview.criteriaText}
      </p>
      {preview.exceedsLimit ? (
        <MessageBar intent="error" data-testid="preview-limit">
          <MessageBarBody>
            If the rule ran now, the run would fail.{' '}
            {preview.problem ??
              `The rule selects ${preview.updateCount.toLocaleString('en-US')} software updates, more than the ${maxUpdatesPerDeployment.toLocaleString('en-US')} a run may deploy: the run would fail and make nothing. Narrow the criteria.`}
          </MessageBarBody>
        </MessageBar>
      ) : preview.problem ? (
        <MessageBar intent="warning">
          <MessageBarBody>{preview.problem}</MessageBarBody>
        </MessageBar>
      ) : null}
      <PropertyList
        rows={[
          {
            label: 'Software updates selected',
            value: formatCount(preview.updateCount, 'software update'),
          },
          ...(preview.skippedForLicense > 0
            ? [
                {
                  label: 'Left out (license terms)',
                  value: formatCount(preview.skippedForLicense, 'software update'),
                },
              ]
            : []),
          { label: 'Devices requiring them', value: devicesText(preview) },
          {
            label: 'Content to download',
            value: isPackageChosen
              ? formatBytes(preview.contentBytes)
              : `Up to ${formatBytes(notDownloadedBytes)}, the selected updates not downloaded yet (the package is chosen on the Deployment Package page)`,
          },
          {
            label: 'Content to distribute',
            value: isPackageChosen
              ? formatBytes(preview.distributeBytes)
              : 'Counted once the deployment package is chosen',
          },
          { label: 'Scheduled start of the run', value: formatDateTime(preview.scheduledStart) },
          { label: 'Software available time', value: timeText(preview.availableTime) },
          { label: 'Installation deadline', value: timeText(preview.deadlineTime) },
          ...(preview.nextRunTime
            ? [{ label: 'Next scheduled run', value: formatDateTime(preview.nextRunTime) }]
            : []),
        ]}
      />
      <SelectTable<RulePreviewUpdate>
        label="Software updates the rule selects"
        columns={[
          { header: 'Article ID', width: '9%', cell: (row) => row.articleId },
          {
            header: 'Title',
            width: '34%',
            cell: (row) => <span title={row.title}>{row.title}</span>,
          },
          { header: 'Classification', width: '13%', cell: (row) => row.classification },
          { header: 'Severity', width: '9%', cell: (row) => row.severity || 'None' },
          {
            header: 'CVEs',
            width: '16%',
            cell: (row) => <span title={row.cves.join(', ')}>{row.cves.join(', ') || '—'}</span>,
          },
          { header: 'Size', width: '9%', cell: (row) => formatBytes(row.sizeBytes) },
          {
            header: 'Required',
            width: '10%',
            cell: (row) => row.requiredDevices.toLocaleString('en-US'),
          },
        ]}
        rows={preview.updates}
        rowKey={(row) => String(row.ciId)}
        rowName={(row) => row.title}
        selected={noSelection}
        onSelect={() => undefined}
        height="300px"
        emptyText="No software update meets these criteria now."
      />
      {preview.updates.length < preview.updateCount && (
        <p className={styles.criteria}>
          The first {preview.updates.length.toLocaleString('en-US')} of{' '}
          {preview.updateCount.toLocaleString('en-US')} are listed.
        </p>
      )}
    </>
  );
}
