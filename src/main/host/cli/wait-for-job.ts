import type { Job } from '../../../shared/contract';
import type { Site } from '../../site/site';

/**
 * Follows a job to its end, printing its progress line to stderr, whichever process runs it
 * (this one, or a console sharing the database).
 */
export async function waitForJob(
  site: Site,
  jobId: number,
  out: NodeJS.WriteStream = process.stderr,
): Promise<Job> {
  let lastText = '';
  for (;;) {
    const job = await site.jobs.get(jobId);
    const text = `${Math.round(job.progress * 100)}% ${job.progressText}`;
    if (text !== lastText && job.state === 'running') {
      out.write(`${text}\n`);
      lastText = text;
    }
    if (job.state === 'succeeded' || job.state === 'failed' || job.state === 'cancelled')
      return job;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
