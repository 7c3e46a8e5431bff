import type {
  AutomaticDeploymentRuleDetail,
  RulePreview,
  RuleRunResult,
} from '../../../shared/contract/automatic-deployment-rules';
import { schedulePhrase } from '../../../shared/schedule/schedule-phrase';
import type { Site } from '../../site/site';
import { previewUpdateColumns, ruleColumns, runStepColumns } from './adr-columns';
import { printProperties, printRows, type OutputFormat } from './output';
import { waitForJob } from './wait-for-job';

/** Follows a rule-engine job; a failed run prints why and sets a non-zero exit code. */
export async function followRun(site: Site, jobId: number): Promise<void> {
  const job = await waitForJob(site, jobId);
  const result = job.result as RuleRunResult | null;
  if (result) process.stdout.write(printRows(result.steps, runStepColumns, 'table'));
  if (job.state !== 'succeeded' || !result || result.outcome !== 'Succeeded') {
    const why = result?.message || job.error || 'see ruleengine.log';
    const code = result && result.errorCode !== 0 ? ` (${result.errorCodeHex})` : '';
    console.error(
      `patchbay: The rule run ${job.state === 'cancelled' ? 'was cancelled' : 'failed'}${code}: ${why}`,
    );
    process.exitCode = 1;
    return;
  }
  console.log(result.message);
}

/** The dry run of a rule, as `adr preview` and `adr new --preview` print it. */
export function printPreview(preview: RulePreview, format: OutputFormat): void {
  if (format === 'json') {
    process.stdout.write(`${JSON.stringify(preview, null, 2)}\n`);
    return;
  }
  process.stdout.write(
    printProperties(
      [
        { property: 'Search criteria', value: preview.criteriaText },
        { property: 'Updates', value: preview.updateCount },
        { property: 'Left out for license terms', value: preview.skippedForLicense },
        {
          property: 'Devices that require them',
          value: `${preview.deviceCount} of ${preview.collectionMembers}`,
        },
        { property: 'Bytes to download', value: preview.contentBytes },
        { property: 'Bytes to distribute', value: preview.distributeBytes },
        { property: 'Exceeds 1,000 updates', value: preview.exceedsLimit },
        { property: 'Scheduled start', value: preview.scheduledStart },
        { property: 'Available time', value: preview.availableTime },
        { property: 'Deadline', value: preview.deadlineTime ?? '' },
        { property: 'Next run time', value: preview.nextRunTime ?? '' },
        { property: 'Problem', value: preview.problem ?? '' },
      ],
      format,
    ),
  );
  if (preview.updates.length > 0 && format === 'table') {
    process.stdout.write('\n');
    process.stdout.write(printRows(preview.updates, previewUpdateColumns, format));
  }
}

/** `adr show`: the node's columns, then what the wizard's pages say. */
export function detailProperties(detail: AutomaticDeploymentRuleDetail) {
  const { settings } = detail;
  const evaluation = settings.evaluationSchedule;
  const offset = (value: unknown) =>
    value === null
      ? 'none'
      : value === 'asap'
        ? 'As soon as possible'
        : `${(value as { amount: number }).amount} ${(value as { unit: string }).unit}`;
  return [
    ...ruleColumns.map((column) => ({ property: column.header, value: column.value(detail) })),
    { property: 'Description', value: detail.description },
    { property: 'Next Run', value: detail.nextRunText },
    { property: 'Last Error', value: detail.lastErrorMessage },
    { property: 'Search criteria', value: detail.criteriaText },
    {
      property: 'Evaluation schedule',
      value:
        evaluation.runType === 'schedule' && evaluation.schedule
          ? schedulePhrase(evaluation.schedule)
          : evaluation.runType,
    },
    { property: 'Group mode', value: settings.general.groupMode },
    {
      property: 'Enable deployment after run',
      value: settings.general.isDeploymentEnabledAfterRun,
    },
    { property: 'Purpose', value: settings.deploymentSettings.purpose },
    { property: 'License terms', value: settings.deploymentSettings.licenseTerms },
    { property: 'Available after', value: offset(settings.deploymentSchedule.availableTime) },
    { property: 'Deadline after', value: offset(settings.deploymentSchedule.deadlineTime) },
    { property: 'Deployment package', value: settings.content.deploymentPackage.choice },
    { property: 'Software update group', value: detail.groupName ?? '' },
    ...detail.deployments.map((deployment, index) => ({
      property: `Deployment ${index + 1}`,
      value: `${deployment.collectionName}${deployment.deploymentName ? ` (${deployment.deploymentName})` : ''}`,
    })),
  ];
}
