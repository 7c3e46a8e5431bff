import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { SiteDatabase } from '../db/open-database';
import type { SiteSchema } from '../db/schema-types';
import type { SiteEvents } from '../events/site-events';
import type { ComponentLog } from '../logs/component-log';
import type { StatusMessages } from '../status/status-messages';
import type { Clock } from '../clock';
import { inside } from './content-paths';
import { hashFile, hasLibraryFile, libraryFilePath, putLibraryFile } from './content-library';
import { contentTopic } from './distribution-points';
import { readPackage } from './package-rows';
import { checkPackageSourceFolder } from './package-source-check';
import { createHash } from 'node:crypto';

export type DistributionMode = 'distribute' | 'redistribute' | 'validate';

export interface DistributionDependencies {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
  statusMessages: StatusMessages;
  log: ComponentLog;
}

/**
 * Status message ids of SMS_DISTRIBUTION_MANAGER as ConfigMgr raises them for a package on a
 * DP [INF]: distributed, failed, and content validation passed / failed.
 */
const messageIds = {
  distributed: 2330,
  failed: 2302,
  validated: 2384,
  validationFailed: 2386,
} as const;

interface PackageFile {
  sha256: string;
  size: number;
  relativePath: string;
}

/**
 * Copies a package into distribution points' content libraries (single-instance by hash), or
 * checks every file's hash there (Validate), and records each DP's state for Content Status.
 * One DP failing does not stop the others.
 */
export async function distributePackage(
  deps: DistributionDependencies,
  packageId: number,
  distributionPointIds: number[] | 'all',
  mode: DistributionMode,
  signal: AbortSignal,
  jobId?: number,
): Promise<{ succeeded: number; failed: number; sourceProblem: string | null }> {
  const { site } = deps;
  const pkg = await readPackage(site.db, packageId);
  const files: PackageFile[] = (
    await site.db
      .selectFrom('deployment_package_content')
      .select(['sha256', 'size', 'relative_path'])
      .where('package_id', '=', packageId)
      .execute()
  ).map((row) => ({ sha256: row.sha256, size: Number(row.size), relativePath: row.relative_path }));
  const unique = [...new Map(files.map((file) => [file.sha256, file])).values()];
  let targets = site.db
    .selectFrom('package_distribution as d')
    .innerJoin('distribution_point as dp', 'dp.id', 'd.distribution_point_id')
    .select(['dp.id', 'dp.name', 'dp.kind', 'dp.library_path', 'dp.url'])
    .where('d.package_id', '=', packageId);
  if (distributionPointIds !== 'all')
    targets = targets.where('dp.id', 'in', [-1, ...distributionPointIds]);
  const dps = await targets.orderBy('dp.is_site_library', 'desc').orderBy('dp.name').execute();
  const siteLibrary = await site.db
    .selectFrom('distribution_point')
    .select('library_path')
    .where('is_site_library', '=', 1)
    .executeTakeFirstOrThrow();
  let succeeded = 0;
  let failed = 0;
  const sourceProblem =
    mode === 'validate' ? await checkPackageSourceFolder(pkg.sourcePath, files, signal) : null;
  if (sourceProblem) {
    deps.log.error(`Package ${pkg.packageId}: ${sourceProblem}`);
    await deps.statusMessages.raise({
      component: 'SMS_DISTRIBUTION_MANAGER',
      messageId: messageIds.validationFailed,
      severity: 'Error',
      message: `Package ${pkg.packageId}: ${sourceProblem}`,
      ...(jobId !== undefined && { jobId }),
    });
  }
  for (const dp of dps) {
    signal.throwIfAborted();
    const verb = mode === 'validate' ? 'Validating' : 'Copying';
    await setState(
      site.db,
      packageId,
      dp.id,
      'InProgress',
      `${verb} ${unique.length} files`,
      null,
      deps.clock,
    );
    deps.events.publish({ type: 'data.changed', topics: [contentTopic] });
    deps.log.info(
      `${verb} package ${pkg.packageId} (version ${pkg.sourceVersion}) on distribution point ${dp.name}.`,
    );
    try {
      const source = (file: PackageFile) =>
        hasLibraryFile(siteLibrary.library_path!, file.sha256, file.size)
          ? libraryFilePath(siteLibrary.library_path!, file.sha256)
          : inside(pkg.sourcePath, file.relativePath);
      if (mode === 'validate') await validateOn(dp, unique, signal);
      else if (dp.kind === 'remote')
        await copyToRemote(dp.url!, unique, source, mode === 'redistribute', signal);
      else
        await copyToLibrary(
          site.db,
          dp.id,
          dp.library_path!,
          unique,
          source,
          mode === 'redistribute',
          deps.clock,
        );
      await setState(site.db, packageId, dp.id, 'Success', '', pkg.sourceVersion, deps.clock);
      succeeded += 1;
      await deps.statusMessages.raise({
        component: 'SMS_DISTRIBUTION_MANAGER',
        messageId: mode === 'validate' ? messageIds.validated : messageIds.distributed,
        severity: 'Informational',
        message:
          mode === 'validate'
            ? `Package ${pkg.packageId} has been verified successfully on distribution point ${dp.name}.`
            : `Distribution Manager successfully distributed package "${pkg.packageId}" to distribution point "${dp.name}".`,
        ...(jobId !== undefined && { jobId }),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      const reason = (error as Error).message;
      failed += 1;
      deps.log.error(`Package ${pkg.packageId} on ${dp.name}: ${reason}`);
      await setState(site.db, packageId, dp.id, 'Failed', reason, null, deps.clock);
      await deps.statusMessages.raise({
        component: 'SMS_DISTRIBUTION_MANAGER',
        messageId: mode === 'validate' ? messageIds.validationFailed : messageIds.failed,
        severity: 'Error',
        message: `Package ${pkg.packageId} on distribution point ${dp.name}: ${reason}`,
        ...(jobId !== undefined && { jobId }),
      });
    }
    deps.events.publish({ type: 'data.changed', topics: [contentTopic] });
  }
  return { succeeded, failed, sourceProblem };
}

/**
 * The process distributing a package was killed: the distribution points it left In progress
 * are Failed with the reason (and its status message), so Content Status never shows a copy that
 * nobody is making. Redistribute starts it again.
 */
export async function closeAbandonedDistribution(
  deps: DistributionDependencies,
  packageId: number,
  mode: 'distribute' | 'redistribute' | 'validate',
  reason: string,
  jobId: number,
): Promise<void> {
  const left = await deps.site.db
    .selectFrom('package_distribution as d')
    .innerJoin('distribution_point as dp', 'dp.id', 'd.distribution_point_id')
    .innerJoin('deployment_package as p', 'p.id', 'd.package_id')
    .select(['dp.id', 'dp.name', 'p.package_id as packageKey'])
    .where('d.package_id', '=', packageId)
    .where('d.state', '=', 'InProgress')
    .execute();
  const sentence = `${reason.replace(/ Run it again\.$/, '')} ${mode === 'validate' ? 'Validate' : 'Redistribute'} the package.`;
  for (const dp of left) {
    await setState(deps.site.db, packageId, dp.id, 'Failed', sentence, null, deps.clock);
    deps.log.error(`Package ${dp.packageKey} on ${dp.name}: ${sentence}`);
    await deps.statusMessages.raise({
      component: 'SMS_DISTRIBUTION_MANAGER',
      messageId: mode === 'validate' ? messageIds.validationFailed : messageIds.failed,
      severity: 'Error',
      message: `Package ${dp.packageKey} on distribution point ${dp.name}: ${sentence}`,
      jobId,
    });
  }
  if (left.length > 0) deps.events.publish({ type: 'data.changed', topics: [contentTopic] });
}

async function copyToLibrary(
  db: Kysely<SiteSchema>,
  dpId: number,
  libraryPath: string,
  files: PackageFile[],
  source: (file: PackageFile) => string,
  isRedistribute: boolean,
  clock: Clock,
): Promise<void> {
  for (const file of files) {
    const target = libraryFilePath(libraryPath, file.sha256);
    // Redistribute replaces each copy (atomically, by rename) even where one seems present.
    if (isRedistribute || !hasLibraryFile(libraryPath, file.sha256, file.size)) {
      if (isRedistribute && target === source(file)) continue;
      await putLibraryFile(libraryPath, file.sha256, file.size, source(file), isRedistribute);
    }
    await db
      .insertInto('content_library_item')
      .values({
        distribution_point_id: dpId,
        sha256: file.sha256,
        size: file.size,
        stored_at: clock.now().toISOString(),
      })
      .onConflict((conflict) => conflict.columns(['distribution_point_id', 'sha256']).doNothing())
      .execute();
  }
}

/** Another `patchbay serve`: PUT each file to /dp/content/<sha256>, where it is verified. */
async function copyToRemote(
  url: string,
  files: PackageFile[],
  source: (file: PackageFile) => string,
  isRedistribute: boolean,
  signal: AbortSignal,
): Promise<void> {
  for (const file of files) {
    const address = `${url}/dp/content/${file.sha256}`;
    if (!isRedistribute) {
      const head = await fetch(address, { method: 'HEAD', signal }).catch((error: Error) => {
        throw new Error(
          `${url} cannot be reached: ${(error.cause as Error)?.message ?? error.message}.`,
        );
      });
      if (head.ok) continue;
    }
    const response = await fetch(address, {
      method: 'PUT',
      body: Readable.toWeb(createReadStream(source(file))) as ReadableStream,
      headers: { 'content-length': String(file.size), 'content-type': 'application/octet-stream' },
      duplex: 'half',
      signal,
    } as RequestInit);
    if (!response.ok)
      throw new Error(`${address} refused the file: ${response.status} ${await response.text()}`);
  }
}

async function validateOn(
  dp: { kind: string; library_path: string | null; url: string | null },
  files: PackageFile[],
  signal: AbortSignal,
): Promise<void> {
  const bad: string[] = [];
  for (const file of files) {
    signal.throwIfAborted();
    if (dp.kind === 'remote') {
      const response = await fetch(`${dp.url}/dp/content/${file.sha256}`, { signal });
      if (!response.ok) {
        bad.push(`${file.relativePath} is missing`);
        continue;
      }
      const hash = createHash('sha256');
      for await (const chunk of Readable.fromWeb(response.body as never) as AsyncIterable<Buffer>)
        hash.update(chunk);
      if (hash.digest('hex') !== file.sha256) bad.push(`${file.relativePath} is corrupt`);
      continue;
    }
    if (!hasLibraryFile(dp.library_path!, file.sha256, file.size)) {
      bad.push(`${file.relativePath} is missing`);
      continue;
    }
    const { sha256 } = await hashFile(libraryFilePath(dp.library_path!, file.sha256));
    if (sha256 !== file.sha256) bad.push(`${file.relativePath} is corrupt (SHA-256 ${sha256})`);
  }
  if (bad.length > 0)
    throw new Error(
      `Content validation failed: ${bad.length} of ${files.length} files: ${bad.slice(0, 5).join('; ')}${bad.length > 5 ? '; …' : ''}. Redistribute the package.`,
    );
}

async function setState(
  db: Kysely<SiteSchema>,
  packageId: number,
  dpId: number,
  state: 'Success' | 'InProgress' | 'Failed',
  message: string,
  contentVersion: number | null,
  clock: Clock,
): Promise<void> {
  await db
    .updateTable('package_distribution')
    .set({
      state,
      state_message: message,
      modified_at: clock.now().toISOString(),
      ...(contentVersion !== null && { content_version: contentVersion }),
    })
    .where('package_id', '=', packageId)
    .where('distribution_point_id', '=', dpId)
    .execute();
}
