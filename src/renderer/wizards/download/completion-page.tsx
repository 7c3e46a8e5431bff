import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { Job } from '../../../shared/contract';
import type { DownloadUpdateResult } from '../../../shared/contract/deployment-packages';
import { formatBytes } from '../../format';
import { SelectTable } from '../select-table';
import type { DownloadWizardStore } from './download-wizard-store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '10px' },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

/** The words of the Completion list for each outcome the job reports. */
const outcomeText: Record<DownloadUpdateResult['outcome'], string> = {
  Downloaded: 'Downloaded',
  AlreadyDownloaded: 'Already downloaded',
  Failed: 'Failed',
  NoContentForLanguages: 'No files in the selected languages',
  MetadataOnly: 'Metadata only (no files)',
};

/** Completion (§6.2): how the job ended and the result of each software update; Close. */
export const DownloadCompletionPage = observer(function DownloadCompletionPage({
  store,
  job,
}: {
  store: DownloadWizardStore;
  job: Job | undefined;
}) {
  const styles = useStyles();
  const result = store.resultOf(job);
  const failures = result?.updates.filter((update) => update.outcome === 'Failed').length ?? 0;
  const isSuccess = job?.state === 'succeeded' && failures === 0;
  const headline = isSuccess
    ? 'The Download Software Updates Wizard completed successfully.'
    : job?.state === 'cancelled'
      ? 'The download was cancelled. Files already downloaded stay in the package source.'
      : 'The Download Software Updates Wizard completed with errors.';
  return (
    <div className={styles.page}>
      <MessageBar intent={isSuccess ? 'success' : job?.state === 'cancelled' ? 'warning' : 'error'}>
        <MessageBarBody>
          {headline}
          {job?.state === 'failed' && job.error ? ` ${job.error}` : ''}
        </MessageBarBody>
      </MessageBar>
      {result && (
        <span data-testid="download-summary">
          {result.summary || `Content version ${result.sourceVersion} of the package.`}{' '}
          {result.filesFetched} {result.filesFetched === 1 ? 'file' : 'files'} downloaded (
          {formatBytes(result.bytesFetched)}), {result.filesReused} already in the content library.
        </span>
      )}
      <SelectTable<DownloadUpdateResult>
        label="Software update results"
        columns={[
          {
            header: 'Software Update',
            width: '46%',
            cell: (row) => <span title={row.title}>{row.title}</span>,
          },
          {
            header: 'Result',
            width: '18%',
            cell: (row) => (
              <span className={row.outcome === 'Failed' ? styles.failed : undefined}>
                {outcomeText[row.outcome]}
              </span>
            ),
          },
          { header: 'Files', width: '8%', cell: (row) => row.files },
          { header: 'Size', width: '10%', cell: (row) => formatBytes(row.bytes) },
          { header: 'Details', cell: (row) => <span title={row.message}>{row.message}</span> },
        ]}
        rows={result?.updates ?? []}
        rowKey={(row) => String(row.ciId)}
        rowName={(row) => row.title}
        selected={new Set()}
        onSelect={() => undefined}
        height="300px"
        emptyText={
          job?.state === 'failed'
            ? 'The job stopped before it reached any software update; the reason is above.'
            : 'Waiting for the job to report each software update.'
        }
      />
    </div>
  );
});
