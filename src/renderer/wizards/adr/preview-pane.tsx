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

/** When the next run would make the deployment available, in the words of the schedule page. */
function timeText(value: string | null): string {
  if (value === null) return 'None (an Available deployment)';
  return formatWallClock(value);
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
  return (
    <>
      <p className={styles.criteria} data-testid="preview-criteria">
        {preview.criteriaText}
      </p>
      {preview.exceedsLimit ? (
        <MessageBar intent="error" data-testid="preview-limit">
          <MessageBarBody>
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
          {
            label: 'Devices requiring them',
            value: `${preview.deviceCount.toLocaleString('en-US')} of the ${formatCount(preview.collectionMembers, 'member')} of the collection`,
          },
          {
            label: 'Content to download',
            value: isPackageChosen
              ? formatBytes(preview.contentBytes)
              : `${formatBytes(preview.contentBytes)} (no deployment package chosen yet)`,
          },
          { label: 'Content to distribute', value: formatBytes(preview.distributeBytes) },
          { label: 'Scheduled start of the run', value: formatDateTime(preview.scheduledStart) },
          { label: 'Software available time', value: timeText(preview.availableTime) },
          { label: 'Installation deadline', value: timeText(preview.deadlineTime) },
          {
            label: 'Next run',
            value: preview.nextRunTime
              ? formatDateTime(preview.nextRunTime)
              : 'Only when run manually or after a synchronization',
          },
        ]}
      />
      <SelectTable<RulePreviewUpdate>
        label="Software updates the rule selects"
        columns={[
          { header: 'Article ID', width: '10%', cell: (row) => row.articleId },
          {
            header: 'Title',
            width: '38%',
            cell: (row) => <span title={row.title}>{row.title}</span>,
          },
          { header: 'Classification', width: '13%', cell: (row) => row.classification },
          { header: 'Severity', width: '9%', cell: (row) => row.severity || 'None' },
          {
            header: 'CVEs',
            width: '14%',
            cell: (row) => <span title={row.cves.join(', ')}>{row.cves.join(', ') || '—'}</span>,
          },
          { header: 'Size', width: '8%', cell: (row) => formatBytes(row.sizeBytes) },
          { header: 'Required', cell: (row) => row.requiredDevices.toLocaleString('en-US') },
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
