import { makeStyles, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { Job } from '../../../shared/contract';
import type { RuleRunResult } from '../../../shared/contract/automatic-deployment-rules';
import { JobStepsTable } from '../job-steps-table';
import type { RuleWizardStore } from './rule-wizard-store';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '10px' },
});

type Step = RuleRunResult['steps'][number];

const stepText: Record<Step['step'], string> = {
  Evaluate: 'Evaluate the criteria',
  Download: 'Download the content',
  SoftwareUpdateGroup: 'Create the software update group',
  Deploy: 'Deploy the software update group',
};

/**
 * Completion (§8.2): the rule is created either way; what its first run made, or why it made
 * nothing (the run is all or nothing, and the rule's Last Error Code says the same).
 */
export const RuleCompletionPage = observer(function RuleCompletionPage({
  store,
  job,
}: {
  store: RuleWizardStore;
  job: Job | undefined;
}) {
  const styles = useStyles();
  const result = store.resultOf(job);
  const isSucceeded = result?.outcome === 'Succeeded' && job?.state === 'succeeded';
  const name = store.draft.general.name.trim();
  const headline = isSucceeded
    ? `The Create Automatic Deployment Rule Wizard completed successfully. ${result.message}`
    : `The rule "${name}" is created, but its first run failed${
        result
          ? ` (${result.errorCodeHex}): ${result.message}`
          : job?.error
            ? `: ${job.error}`
            : '.'
      } Change the rule in its Properties, then choose Run Now.`;
  return (
    <div className={styles.page}>
      <MessageBar intent={isSucceeded ? 'success' : 'error'} data-testid="rule-completion">
        <MessageBarBody>{headline}</MessageBarBody>
      </MessageBar>
      <JobStepsTable
        steps={result?.steps ?? []}
        stepText={stepText}
        height="150px"
        emptyText={
          job?.state === 'failed'
            ? 'The run stopped before its first step; the reason is above.'
            : 'Waiting for the run to report its steps.'
        }
      />
      {result?.groupName && (
        <span data-testid="rule-group">Software update group: {result.groupName}</span>
      )}
    </div>
  );
});
