import { z } from 'zod';
import type {
  DownloadJobResult,
  DownloadUpdateResult,
} from '../../../shared/contract/deployment-packages';
import type { Clock } from '../clock';
import { defineJob, PermanentJobError } from '../jobs/job-handler';
import type { ComponentLog } from '../logs/component-log';
import { acquireFile, type AcquiredFile, type DownloadSource } from './file-acquisition';
import { planDownload, type PlannedUpdate } from './download-plan';
import { commitDownloadedContent } from './package-content-commit';
import { closeAbandonedDistribution, type DistributionDependencies } from './package-distribution';
import { finishDownload } from './download-finish';
import { readPackage } from './package-rows';
import { runBounded } from '../../../shared/run-bounded';

export const downloadJobKind = 'content.download';

export const DownloadJobParams = z.object({
  packageId: z.number().int(),
  ciIds: z.array(z.number().int()),
  languages: z.array(z.string()),
  location: z.discriminatedUnion('source', [
    z.object({ source: z.literal('internet') }),
    z.object({ source: z.literal('network'), path: z.string() }),
  ]),
  /** The wizard created the package for this download: it is removed if nothing arrives. */
  isNewPackage: z.boolean().default(false),
});
export type DownloadJobParams = z.input<typeof DownloadJobParams>;

export interface DownloadDependencies extends DistributionDependencies {
  downloaderLog: ComponentLog;
  siteLibraryPath(): string;
  resolveUrl(url: string): Promise<string>;
  clock: Clock;
  /** Files fetched at once; attempts per file; first retry delay. */
  concurrency: number;
  attempts: number;
  backoffMs: number;
}

/**
 * SMS_PATCH_DOWNLOADER (PatchDownloader.log) then SMS_DISTRIBUTION_MANAGER (distmgr.log): fetch
 * each file of the chosen languages, verify it, move it into the package source, commit the
 * package's new content version, then copy the package to its distribution points. An update
 * enters the package only when every one of its files did; a killed run resumes from the
 * partial files it left.
 */
export function downloadSoftwareUpdatesJob(deps: DownloadDependencies) {
  return defineJob({
    kind: downloadJobKind,
    params: DownloadJobParams,
    maxAttempts: 3,
    isResumable: true,
    async run(context): Promise<DownloadJobResult> {
      const { params } = context;
      const pkg = await readPackage(deps.site.db, params.packageId);
      const plan = await planDownload(
        deps.site.db,
        { ciIds: params.ciIds },
        params.languages,
        pkg.id,
      );
      const log = deps.downloaderLog;
      log.info(
        `Download destination = ${pkg.sourcePath} (package ${pkg.packageId}, ${plan.length} updates).`,
      );
      const results = new Map<number, DownloadUpdateResult>();
      const work: Array<{ update: PlannedUpdate; file: PlannedUpdate['files'][number] }> = [];
      for (const update of plan) {
        const outcome = classify(update);
        if (outcome)
          results.set(update.ciId, {
            ...outcome,
            ciId: update.ciId,
            title: update.title,
            files: 0,
            bytes: 0,
          });
        else
          for (const file of update.files)
            if (!update.heldFileIds.has(file.contentFileId)) work.push({ update, file });
      }
      const totalBytes = work.reduce((sum, item) => sum + Math.max(0, item.file.size), 0) || 1;
      let doneBytes = 0;
      const report = (text: string) =>
        context.progress(Math.min(0.95, (doneBytes / totalBytes) * 0.9), text);
      const acquired = new Map<number, AcquiredFile[]>();
      const failures = new Map<number, string>();
      await runBounded(work, deps.concurrency, async ({ update, file }) => {
        context.throwIfCancelled();
        if (failures.has(update.ciId)) return;
        try {
          const got = await acquireFile(
            {
              packageSource: pkg.sourcePath,
              siteLibraryPath: deps.siteLibraryPath(),
              location: params.location as DownloadSource,
              resolveUrl: deps.resolveUrl,
              log,
              fetch: {
                signal: context.signal,
                attempts: deps.attempts,
                backoffMs: deps.backoffMs,
                onBytes: (n) => {
                  doneBytes += n;
                  report(`Downloading ${file.fileName}`);
                },
                onRetry: (message) => void context.log(message, 'warning'),
              },
            },
            update.updateId,
            file,
          );
          if (got.how !== 'fetched') doneBytes += Math.max(0, file.size);
          acquired.set(update.ciId, [...(acquired.get(update.ciId) ?? []), got]);
          report(`${got.how === 'fetched' ? 'Downloaded' : 'Reused'} ${file.fileName}`);
        } catch (error) {
          if (context.signal.aborted) throw error;
          const message = (error as Error).message;
          failures.set(update.ciId, message);
          log.error(`Failed to download ${file.fileName} for "${update.title}": ${message}`);
          await context.log(`${update.title}: ${message}`, 'error');
        }
      });
      context.throwIfCancelled();
      const complete = plan.filter(
        (update) => !results.has(update.ciId) && !failures.has(update.ciId),
      );
      const committed = await commitDownloadedContent(deps, pkg.id, complete, acquired);
      for (const update of complete) {
        const files = acquired.get(update.ciId) ?? [];
        results.set(update.ciId, {
          ciId: update.ciId,
          title: update.title,
          outcome: files.length === 0 ? 'AlreadyDownloaded' : 'Downloaded',
          message: files.length === 0 ? 'Already in this package.' : '',
          files: files.length,
          bytes: files.reduce((sum, file) => sum + file.size, 0),
        });
      }
      for (const [ciId, message] of failures) {
        const update = plan.find((each) => each.ciId === ciId)!;
        results.set(ciId, {
          ciId,
          title: update.title,
          outcome: 'Failed',
          message,
          files: 0,
          bytes: 0,
        });
      }
      const sentence = await finishDownload(deps, context, {
        pkg,
        isNewPackage: params.isNewPackage,
        filesAdded: committed.filesAdded,
        sourceVersion: committed.sourceVersion,
        failed: failures.size,
        arrived: complete.length,
      });
      const all = [...acquired.values()].flat();
      const result: DownloadJobResult = {
        packageId: pkg.id,
        sourceVersion: committed.sourceVersion,
        updates: plan.map((update) => results.get(update.ciId)!),
        bytesFetched: all.reduce((sum, file) => sum + file.bytesFetched, 0),
        filesFetched: all.filter((file) => file.how === 'fetched').length,
        filesReused: all.filter((file) => file.how !== 'fetched').length,
        summary: sentence,
      };
      log.info(
        `Download finished: ${result.filesFetched} files fetched (${result.bytesFetched} bytes), ${result.filesReused} reused, ${failures.size} updates failed. ${sentence}`,
      );
      // The job's last sentence is what the Jobs panel keeps showing after it ends.
      context.progress(1, sentence);
      // Nothing entered the package and something failed: the job failed, with the reason and
      // still with every update's result, so the Completion page can list them.
      if (failures.size > 0 && committed.filesAdded === 0)
        throw new PermanentJobError(
          failures.size === 1
            ? [...failures.values()][0]!
            : `${failures.size} updates failed to download; the first: ${[...failures.values()][0]}`,
          result,
        );
      return result;
    },
    /** Killed once too often to resume: the copy to its distribution points it began is over. */
    async abandoned(job) {
      if (job.params)
        await closeAbandonedDistribution(
          deps,
          job.params.packageId,
          'distribute',
          job.reason,
          job.jobId,
        );
    },
  });
}

function classify(update: PlannedUpdate): Pick<DownloadUpdateResult, 'outcome' | 'message'> | null {
  if (update.isMetadataOnly)
    return { outcome: 'MetadataOnly', message: 'This update has no files to download.' };
  if (update.files.length === 0)
    return {
      outcome: 'NoContentForLanguages',
      message: 'The update has no files in the chosen languages.',
    };
  return null;
}
