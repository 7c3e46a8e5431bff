import {
  AppsListDetailRegular,
  ArrowSyncRegular,
  ShareAndroidRegular,
} from '@fluentui/react-icons';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import { DistributeContentDialog } from './distribute-content-dialog';

type PackageAction = RibbonAction<DeploymentPackage>;

const allSoftwareUpdatesId = 'library.softwareUpdates.all';

const distributeContent: PackageAction = {
  id: 'distributeContent',
  label: 'Distribute Content',
  icon: ShareAndroidRegular,
  description: 'Copies the selected package to more distribution points or groups.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) =>
    services.dialogs.show((close) => (
      <DistributeContentDialog pkg={selection[0]!} services={services} close={close} />
    )),
};

const updateDistributionPoints: PackageAction = {
  id: 'updateDistributionPoints',
  label: 'Update Distribution Points',
  icon: ArrowSyncRegular,
  description:
    'Copies the current content version of the selected package to every distribution point it targets.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: async ({ selection, services }) => {
    const pkg = selection[0]!;
    const isYes = await services.dialogs.confirm({
      title: 'Configuration Manager',
      question: `Are you sure you want to update the distribution points of "${pkg.name}"? Its content is copied again to every distribution point it targets.`,
    });
    if (!isYes) return;
    const { jobId } = await services.api.call('packages.updateDistributionPoints', { id: pkg.id });
    void services.jobs.track(jobId);
    services.revealJobs();
    services.notices.show('info', `Updating the distribution points of ${pkg.name}.`);
  },
};

const showMembers: PackageAction = {
  id: 'showPackageMembers',
  label: 'Show Members',
  icon: AppsListDetailRegular,
  description: 'Lists the software updates whose files the selected package holds.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const pkg = selection[0]!;
    services.openNode(allSoftwareUpdatesId, { label: `Members of ${pkg.name}`, packageId: pkg.id });
  },
};

const deletePackages: PackageAction = deleteAction({
  id: 'deletePackages',
  description:
    'Deletes the selected packages. Their content leaves the distribution points; updates no other package holds get the red arrow back.',
  noun: { one: 'deployment package', many: 'deployment packages' },
  consequence: {
    one: 'Its content is removed from the distribution points.',
    many: 'Their content is removed from the distribution points.',
  },
  remove: async (services, ids) => (await services.api.call('packages.delete', { ids })).deleted,
});

/** Deployment Packages > Home (§6.3). */
export const packageRibbon: readonly RibbonGroup<DeploymentPackage>[] = [
  { label: 'Deployment Package', actions: [distributeContent, updateDistributionPoints] },
  { label: 'Package', actions: [showMembers, deletePackages] },
];
