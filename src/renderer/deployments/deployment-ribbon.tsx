import { DataPieRegular } from '@fluentui/react-icons';
import type { Deployment } from '../../shared/contract/deployments';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import { DeploymentStatusDialog } from './deployment-status-dialog';

type DeploymentAction = RibbonAction<Deployment>;

export const viewStatusAction: DeploymentAction = {
  id: 'viewStatus',
  label: 'View Status',
  icon: DataPieRegular,
  description:
    'Opens the Deployment Status of the selected deployment: live categories and assets.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const deployment = selection[0]!;
    void services.dialogs.show((close) => (
      <DeploymentStatusDialog
        id={deployment.id}
        name={deployment.name}
        services={services}
        onClose={close}
      />
    ));
  },
};

/**
 * Monitoring > Deployments > Home > Deployment. Enable, Disable, Delete and Properties join
 * `actions` here (deploy-wizard); the order is the console's.
 */
export const deploymentRibbon: RibbonGroup<Deployment> = {
  label: 'Deployment',
  actions: [viewStatusAction],
};
