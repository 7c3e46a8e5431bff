import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DownloadUpdateResult } from '../../../shared/contract/deployment-packages';
import { runBounded } from '../../../shared/run-bounded';
import { inside } from '../content/content-paths';
import type { DownloadDependencies } from '../content/download-job';
import { planDownload, type PlannedUpdate } from '../content/download-plan';
import { acquireFile, type AcquiredFile, type DownloadSource } from '../content/file-acquisition';

/** Files of a run, fetched into a staging folder of the package and not yet in its source. */
export interface StagedContent {
  packageId: number;
  packageSource: string;
  stagingFolder: string;
  plan: PlannedUpdate[];
  acquired: Map<number, AcquiredFile[]>;
  results: DownloadUpdateResult[];
  bytesFetched: number;
  filesFetched: number;
  filesReused: number;
}

export class RuleDownloadError extends Error {
  override readonly name = 'RuleDownloadError';
  constructor(
    message: string,
    readonly results: DownloadUpdateResult[],
  ) {
    super(message);
  }
}

/**
 * Download step of a run: the Download wizard's own file acquisition (site library first, then
 * the URL or network folder, every file verified by hash), but into a staging folder inside the
 * package source. One file that fails fails the step and the staging folder goes with it, so a
 * failed run leaves the package as it was (§8.1: nothing half made).
 */
export async function stageRuleContent(
  deps: DownloadDependencies,
  request: {
    packageId: number;
    packageSource: string;
    ciIds: number[];
    languages: string[];
    location: DownloadSource;
    jobId: number;
    signal: AbortSignal;
    onProgress(fraction: number, text: string): void;
    onWarning(text: string): void;
  },
): Promise<StagedContent> {
  const log = deps.downloaderLog;
  const plan = await planDownload(
    deps.site.db,
    { ciIds: request.ciIds },
    request.languages,
    request.packageId,
  );
  const stagingFolder = inside(request.packageSource, '.patchbay-rule', String(request.jobId));
  mkdirSync(stagingFolder, { recursive: true });
  const work = plan.flatMap((update) =>
    update.isMetadataOnly
      ? []
      : update.files
          .filter((file) => !update.heldFileIds.has(file.contentFileId))
          .map((file) => ({ update, file })),
  );
  const totalBytes = work.reduce((sum, item) => sum + Math.max(0, item.file.size), 0) || 1;
  let doneBytes = 0;
  const acquired = new Map<number, AcquiredFile[]>();
  let failure: { update: PlannedUpdate; message: string } | null = null;
  log.info(
    `Rule download: ${work.length} files of ${plan.length} updates into staging ${stagingFolder}.`,
  );
  try {
    await runBounded(work, deps.concurrency, async ({ update, file }) => {
      // One failed file fails the run: the rest are not fetched for nothing.
      if (failure || request.signal.aborted) return;
      try {
        const got = await acquireFile(
          {
            packageSource: stagingFolder,
            siteLibraryPath: deps.siteLibraryPath(),
            location: request.location,
            resolveUrl: deps.resolveUrl,
            log,
            fetch: {
              signal: request.signal,
              attempts: deps.attempts,
              backoffMs: deps.backoffMs,
              onBytes: (n) => {
                doneBytes += n;
                request.onProgress(doneBytes / totalBytes, `Downloading ${file.fileName}`);
              },
              onRetry: request.onWarning,
            },
          },
          update.updateId,
          file,
        );
        if (got.how !== 'fetched') doneBytes += Math.max(0, file.size);
        acquired.set(update.ciId, [...(acquired.get(update.ciId) ?? []), got]);
        request.onProgress(doneBytes / totalBytes, `Downloaded ${file.fileName}`);
      } catch (error) {
        if (request.signal.aborted) throw error;
        const message = (error as Error).message;
        failure ??= { update, message };
        log.error(`Failed to download ${file.fileName} for "${update.title}": ${message}`);
      }
    });
  } catch (error) {
    rmSync(stagingFolder, { recursive: true, force: true });
    throw error;
  }
  const results = plan.map((update): DownloadUpdateResult => {
    const files = acquired.get(update.ciId) ?? [];
    const failed = failure?.update.ciId === update.ciId;
    return {
      ciId: update.ciId,
      title: update.title,
      outcome: failed
        ? 'Failed'
        : update.isMetadataOnly
          ? 'MetadataOnly'
          : update.files.length === 0
            ? 'NoContentForLanguages'
            : files.length === 0
              ? 'AlreadyDownloaded'
              : 'Downloaded',
      message: failed ? failure!.message : '',
      files: files.length,
      bytes: files.reduce((sum, each) => sum + each.size, 0),
    };
  });
  if (failure || request.signal.aborted) {
    rmSync(stagingFolder, { recursive: true, force: true });
    if (request.signal.aborted) request.signal.throwIfAborted();
    const { update, message } = failure!;
    throw new RuleDownloadError(`"${update.title}" failed to download: ${message}`, results);
  }
  const all = [...acquired.values()].flat();
  return {
    packageId: request.packageId,
    packageSource: request.packageSource,
    stagingFolder,
    plan,
    acquired,
    results,
    bytesFetched: all.reduce((sum, file) => sum + file.bytesFetched, 0),
    filesFetched: all.filter((file) => file.how === 'fetched').length,
    filesReused: all.filter((file) => file.how !== 'fetched').length,
  };
}

/**
 * Moves the staged files into the package source; returns an undo that removes the files it
 * put there, for a commit that then fails. Files already at their place are left alone.
 */
export function moveStagedContent(staged: StagedContent): () => void {
  const moved: string[] = [];
  for (const files of staged.acquired.values())
    for (const file of files) {
      const from = inside(staged.stagingFolder, file.relativePath);
      const to = inside(staged.packageSource, file.relativePath);
      if (existsSync(to)) continue;
      mkdirSync(dirname(to), { recursive: true });
      renameSync(from, to);
      moved.push(to);
    }
  rmSync(staged.stagingFolder, { recursive: true, force: true });
  return () => {
    for (const path of moved) rmSync(path, { force: true });
  };
}

export function discardStagedContent(staged: StagedContent | null): void {
  if (staged) rmSync(staged.stagingFolder, { recursive: true, force: true });
}
