import { ArrowClockwiseDashesRegular, CalendarClockRegular } from '@fluentui/react-icons';
import { when } from 'mobx';
import type { RibbonAction } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import { isJobActive } from '../stores/jobs-store';
import { ScheduleSummarizationDialog } from './schedule-summarization-dialog';

interface SummarizationResult {
  updates: number;
  groups: number;
  correctedUpdates: number;
  correctedGroups: number;
}

/** What the admin reads when the recompute is done: whether the live counts were right. */
export function summarizationSentence(result: SummarizationResult): string {
  const corrected = result.correctedUpdates + result.correctedGroups;
  const scope = `${result.updates.toLocaleString()} updates and ${result.groups.toLocaleString()} software update groups`;
  return corrected === 0
    ? `Run Summarization recomputed ${scope}: the counts were already current, nothing changed.`
    : `Run Summarization recomputed ${scope} and corrected ${result.correctedUpdates} update and ${result.correctedGroups} group counters.`;
}

/** Runs the job, then says in the notice bar what it found (ConfigMgr says nothing at all). */
export async function runSummarization(services: ConsoleServices): Promise<void> {
  try {
    const { jobId } = await services.api.call('compliance.runSummarization', {});
    services.notices.show('info', `Run Summarization started as job ${jobId}.`);
    await services.jobs.track(jobId);
    await when(() => {
      const job = services.jobs.jobs.get(jobId);
      return job !== undefined && !isJobActive(job);
    });
    const job = services.jobs.jobs.get(jobId)!;
    if (job.state === 'succeeded' && job.result)
      services.notices.show('success', summarizationSentence(job.result as SummarizationResult));
    else
      services.notices.show(
        'error',
        `Run Summarization ${job.state}: ${job.error ?? 'no reason given'}.`,
      );
  } catch (error) {
    services.notices.showError('Run Summarization could not start', error);
  }
}

export function summarizationActions<Row>(): RibbonAction<Row>[] {
  return [
    {
      id: 'runSummarization',
      label: 'Run Summarization',
      icon: ArrowClockwiseDashesRegular,
      description:
        'Recomputes every compliance counter from the per-device states; the live counters should already match.',
      run: ({ services }) => runSummarization(services),
    },
    {
      id: 'scheduleSummarization',
      label: 'Schedule Summarization',
      icon: CalendarClockRegular,
      description:
        'Sets how often the site recomputes the compliance counters (1 hour by default).',
      run: ({ services }) =>
        services.dialogs.show((close) => (
          <ScheduleSummarizationDialog services={services} close={close} />
        )),
    },
  ];
}
