import type { SiteHandlers } from '../api/handlers';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import type { DemoContentSource } from './demo-content-source';
import {
  addDistributionPoint,
  createDistributionPointGroup,
  listDistributionPointGroups,
  listDistributionPoints,
  removeDistributionPoints,
  contentTopic,
  expandDistributionPoints,
} from './distribution-points';
import { listContentStatus, readContentLocations } from './content-status';
import { previewDownload, planDownload } from './download-plan';
import { startDownload } from './start-download';
import { distributionJobKind } from './distribution-job';
import {
  checkPackageSource,
  createPackage,
  targetDistributionPoints,
  updatePackage,
  type PackageServices,
} from './package-changes';
import { listPackages, packageMemberIds } from './package-list';
import {
  deletePackages,
  removeFromDistributionPoints,
  removeUpdatesFromPackage,
} from './package-removal';
import { readPackage } from './package-rows';
import { SiteError } from '../../../shared/errors';

export type ContentMethods =
  | 'dps.list'
  | 'dps.add'
  | 'dps.remove'
  | 'dpGroups.list'
  | 'dpGroups.create'
  | 'dpGroups.delete'
  | 'contentStatus.list'
  | 'contentStatus.get'
  | 'packages.list'
  | 'packages.get'
  | 'packages.checkSource'
  | 'packages.create'
  | 'packages.update'
  | 'packages.delete'
  | 'packages.memberIds'
  | 'packages.removeUpdates'
  | 'packages.distribute'
  | 'packages.updateDistributionPoints'
  | 'packages.redistribute'
  | 'packages.validate'
  | 'packages.removeFromDistributionPoints'
  | 'content.preview'
  | 'content.download'
  | 'content.demoStatus'
  | 'content.addDemo';

export interface ContentHandlerDependencies extends PackageServices {
  jobs: JobQueue;
  runner: JobRunner;
  demo: DemoContentSource;
  siteLibraryId(): number;
}

/** Software Library > Deployment Packages, Administration > Distribution Points, Content Status. */
export function createContentHandlers(
  deps: ContentHandlerDependencies,
): Pick<SiteHandlers, ContentMethods> {
  const { site, clock } = deps;
  const now = () => clock.now().toISOString();
  const changed = () => deps.events.publish({ type: 'data.changed', topics: [contentTopic] });
  const enqueueDistribution = async (
    packageId: number,
    distributionPointIds: number[] | 'all',
    mode: 'distribute' | 'redistribute' | 'validate',
    user: string,
  ) => {
    const pkg = await readPackage(site.db, packageId);
    const verb = { distribute: 'Distribute', redistribute: 'Redistribute', validate: 'Validate' }[
      mode
    ];
    const job = await deps.jobs.enqueue({
      kind: distributionJobKind,
      title: `${verb} content: ${pkg.name}`,
      params: { packageId, distributionPointIds, mode },
      createdBy: user,
      maxAttempts: 1,
    });
    deps.runner.poke();
    return { jobId: job.id };
  };
  return {
    'dps.list': () => listDistributionPoints(site.read),
    'dps.add': async (input) => {
      const added = await addDistributionPoint(site, input, now());
      changed();
      return added;
    },
    'dps.remove': async ({ ids }) => {
      const removed = await removeDistributionPoints(site, ids);
      changed();
      return { removed };
    },
    'dpGroups.list': () => listDistributionPointGroups(site.read),
    'dpGroups.create': async (input) => {
      const group = await createDistributionPointGroup(site, input, now());
      changed();
      return group;
    },
    'dpGroups.delete': async ({ ids }) => {
      const deleted = await site.db
        .deleteFrom('distribution_point_group')
        .where('id', 'in', ids)
        .executeTakeFirst();
      changed();
      return { deleted: Number(deleted.numDeletedRows) };
    },
    'contentStatus.list': () => listContentStatus(site.read),
    'contentStatus.get': ({ packageId }) => readContentLocations(site.read, packageId),
    'packages.list': (query) => listPackages(site.read, query),
    'packages.get': ({ id }) => readPackage(site.read, id),
    'packages.checkSource': async ({ sourcePath, packageId }) => ({
      sourcePath: await checkPackageSource(
        site.read,
        sourcePath,
        packageId ?? null,
        deps.dataFolder,
      ),
    }),
    'packages.create': (input, context) =>
      createPackage(
        deps,
        { ...input, distributionPointIds: [deps.siteLibraryId(), ...input.distributionPointIds] },
        context.user,
      ),
    'packages.update': (change) => updatePackage(deps, change),
    'packages.delete': async ({ ids }) => ({ deleted: await deletePackages(deps, ids) }),
    'packages.memberIds': ({ id }) => packageMemberIds(site.read, id),
    'packages.removeUpdates': ({ id, ciIds }) => removeUpdatesFromPackage(deps, id, ciIds),
    'packages.distribute': async (
      { id, distributionPointIds, distributionPointGroupIds },
      context,
    ) => {
      await readPackage(site.db, id);
      const dps = await expandDistributionPoints(
        site.db,
        distributionPointIds,
        distributionPointGroupIds,
      );
      if (dps.length === 0)
        throw new SiteError('invalid-input', 'Choose at least one distribution point or group.');
      await targetDistributionPoints(site.db, id, dps, now());
      changed();
      return enqueueDistribution(id, dps, 'distribute', context.user);
    },
    'packages.updateDistributionPoints': ({ id }, context) =>
      enqueueDistribution(id, 'all', 'distribute', context.user),
    'packages.redistribute': ({ id, distributionPointIds }, context) =>
      enqueueDistribution(id, distributionPointIds, 'redistribute', context.user),
    'packages.validate': ({ id, distributionPointIds }, context) =>
      enqueueDistribution(id, distributionPointIds, 'validate', context.user),
    'packages.removeFromDistributionPoints': async ({ id, distributionPointIds }) => {
      const removed = await removeFromDistributionPoints(deps, id, distributionPointIds);
      return { removed };
    },
    'content.preview': async ({ selection, languages, packageId }) => {
      const plan = await planDownload(site.read, selection, languages, packageId ?? null);
      return previewDownload(site.read, plan, deps.siteLibraryId());
    },
    'content.download': (request, context) => startDownload(deps, request, context.user),
    'content.demoStatus': () => deps.demo.status(),
    'content.addDemo': () => deps.demo.add(),
  };
}
