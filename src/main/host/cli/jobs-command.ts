import type { Command } from 'commander';
import type { Job } from '../../../shared/contract';
import { JobState } from '../../../shared/contract';
import { emitRows, parseFormat } from './output';
import { callSite } from './call-site';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface ListOptions extends SiteCommandOptions {
  state?: string[];
  limit: string;
  format: string;
}

export function registerJobs(program: Command): void {
  const jobs = program
    .command('jobs')
    .description('Durable jobs: sync, downloads, deployments, rule runs, summarization');

  withSiteOptions(
    jobs
      .command('list')
      .description('List jobs, newest first')
      .option('--state <state...>', `only these states (${JobState.options.join(', ')})`)
      .option('--limit <n>', 'how many', '50')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: ListOptions) => {
    const format = parseFormat(options.format);
    const states = (options.state ?? []).map((state) => {
      const parsed = JobState.safeParse(state);
      if (!parsed.success)
        throw new Error(`--state: "${state}" is not one of ${JobState.options.join(', ')}.`);
      return parsed.data;
    });
    const site = await openSiteFor(options, false);
    try {
      const page = await callSite(site, 'jobs.list', {
        filter: { states },
        page: { size: Math.min(5000, Number(options.limit) || 50) },
      });
      await emitRows<Job>(
        page.rows,
        [
          { header: 'ID', value: (job) => job.id },
          { header: 'Job', value: (job) => job.title },
          { header: 'State', value: (job) => job.state },
          { header: 'Progress', value: (job) => `${Math.round(job.progress * 100)}%` },
          { header: 'Created', value: (job) => job.createdAt },
          { header: 'By', value: (job) => job.createdBy },
          { header: 'Error', value: (job) => job.error },
        ],
        { format, out: options.out },
      );
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    jobs.command('cancel').description('Cancel a queued or running job').argument('<id>', 'job id'),
  ).action(async (id: string, options: SiteCommandOptions) => {
    const jobId = Number(id);
    if (!Number.isInteger(jobId) || jobId <= 0) throw new Error(`"${id}" is not a job id.`);
    const site = await openSiteFor(options, false);
    try {
      const job = await callSite(site, 'jobs.cancel', { id: jobId });
      console.log(
        job.state === 'cancelled'
          ? `Job ${job.id} (${job.title}) is cancelled.`
          : job.state === 'running'
            ? `Job ${job.id} (${job.title}) is asked to stop; it ends at its next checkpoint.`
            : `Job ${job.id} (${job.title}) had already ended (${job.state}).`,
      );
    } finally {
      await site.close();
    }
  });
}
