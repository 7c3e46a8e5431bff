import { RocketRegular } from '@fluentui/react-icons';
import type { SoftwareUpdateRow } from '../../../shared/contract/software-updates';
import {
  maxUpdatesPerDeployment,
  type SoftwareUpdateGroup,
} from '../../../shared/contract/update-groups';
import { formatCount } from '../../format';
import type { RibbonAction, RibbonGroup } from '../../nodes/types';
import { downloadGroupAction, downloadUpdatesAction } from '../download/download-actions';
import type { ConsoleServices } from '../../stores/console-services';
import type { DeployTarget } from './deploy-pages';
import { DeployWizard } from './DeployWizard';

function openDeployWizard(services: ConsoleServices, target: DeployTarget): Promise<void> {
  return services.dialogs.show((close) => (
    <DeployWizard target={target} services={services} close={close} />
  ));
}

/** All Software Updates > Deploy: the updates selected in the list (assignment type 1). */
export const deployUpdatesAction: RibbonAction<SoftwareUpdateRow> = {
  id: 'deploySoftwareUpdates',
  label: 'Deploy',
  icon: RocketRegular,
  description: 'Deploys the selected software updates to a collection of devices.',
  isEnabled: ({ selection }) => selection.length > 0 && selection.length <= maxUpdatesPerDeployment,
  run: ({ selection, services }) => {
    const ciIds = selection.map((row) => row.ciId);
    return openDeployWizard(services, {
      selection: { ciIds },
      ciIds,
      description:
        selection.length === 1
          ? selection[0]!.title
          : formatCount(selection.length, 'software update'),
    });
  },
};

/** Software Update Groups > Deploy: one group, whose later members the deployment follows. */
export const deployGroupAction: RibbonAction<SoftwareUpdateGroup> = {
  id: 'deploySoftwareUpdateGroup',
  label: 'Deploy',
  icon: RocketRegular,
  description: 'Deploys the software updates of the selected group to a collection of devices.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const group = selection[0]!;
    return openDeployWizard(services, {
      selection: { groupId: group.id },
      ciIds: [],
      groupId: group.id,
      description: group.name,
    });
  },
};

/** The Home tab's Deployment group of All Software Updates: Deploy, then Download. */
export const deploymentUpdatesRibbon: RibbonGroup<SoftwareUpdateRow> = {
  label: 'Deployment',
  actions: [deployUpdatesAction, downloadUpdatesAction],
};

export const deploymentGroupRibbon: RibbonGroup<SoftwareUpdateGroup> = {
  label: 'Deployment',
  actions: [deployGroupAction, downloadGroupAction],
};
