import { makeStyles, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { Job } from '../../../shared/contract';
import type { DeploymentJobResult } from '../../../shared/contract/deployments';
import { JobStepsTable } from '../job-steps-table';
import type { DeployWizardStore } from './deploy-wizard-store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '10px' },
});

type Step = DeploymentJobResult['steps'][number];

const stepText: Record<Step['step'], string> = {
  Download: 'Download the software updates',
  Distribute: 'Distribute the content',
  CreateDeployment: 'Create the deployment',
};

/**
 * Completion (§7.11): what each step did. A failed download or distribution creates no
 * deployment, and the page says so and why.
 */
export const DeployCompletionPage = observer(function DeployCompletionPage({
  store,
  job,
}: {
  store: DeployWizardStore;
  job: Job | undefined;
}) {
  const styles = useStyles();
  const result = store.resultOf(job);
  const isCreated = result?.deploymentId != null && job?.state === 'succeeded';
  const failed = result?.steps.find((step) => step.outcome === 'Failed');
  const headline = isCreated
    ? `The Deploy Software Updates Wizard completed successfully: the deployment "${result.deploymentName}" is created.`
    : job?.state === 'cancelled'
      ? 'The deployment was cancelled: no deployment was created.'
      : `The Deploy Software Updates Wizard failed: no deployment was created.${
          failed
            ? ` ${stepText[failed.step]}: ${failed.message}`
            : job?.error
              ? ` ${job.error}`
              : ''
        }`;
  return (
    <div className={styles.page}>
      <MessageBar intent={isCreated ? 'success' : 'error'} data-testid="deploy-completion">
        <MessageBarBody>{headline}</MessageBarBody>
      </MessageBar>
      <JobStepsTable
        steps={result?.steps ?? []}
        stepText={stepText}
        height="140px"
        emptyText={
          job?.state === 'failed'
            ? 'The job stopped before its first step; the reason is above.'
            : 'Waiting for the job to report its steps.'
        }
      />
      {result?.download && (
        <span data-testid="deploy-download-summary">
          {result.download.summary || `Content version ${result.download.sourceVersion}.`}{' '}
          {result.download.filesFetched} downloaded, {result.download.filesReused} already in the
          content library.
        </span>
      )}
    </div>
  );
});
