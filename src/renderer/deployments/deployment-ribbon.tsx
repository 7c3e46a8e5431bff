import { Dialog, DialogBody, DialogSurface, DialogTitle } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  DataPieRegular,
  DismissCircleRegular,
} from '@fluentui/react-icons';
import type { Deployment } from '../../shared/contract/deployments';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import { DeploymentPropertiesBody } from './deployment-properties';
import { DeploymentStatusDialog } from './deployment-status-dialog';

/** Enable / Disable: a disabled deployment is withdrawn from client policy, not deleted. */
function setEnabledAction(isEnabled: boolean): RibbonAction<Deployment> {
  const verb = isEnabled ? 'Enable' : 'Disable';
  return {
    id: isEnabled ? 'enableDeployment' : 'disableDeployment',
    label: verb,
    icon: isEnabled ? CheckmarkCircleRegular : DismissCircleRegular,
    description: isEnabled
      ? 'Enables the selected deployments: clients receive them at their next policy poll.'
      : 'Disables the selected deployments: clients stop enforcing them at their next policy poll.',
    isEnabled: ({ selection }) => selection.some((row) => row.isEnabled !== isEnabled),
    run: async ({ selection, services, list }) => {
      try {
        const { changed } = await services.api.call('deployments.setEnabled', {
          ids: selection.map((row) => row.id),
          isEnabled,
        });
        services.notices.show(
          'success',
          `${isEnabled ? 'Enabled' : 'Disabled'} ${changed} ${changed === 1 ? 'deployment' : 'deployments'}.`,
        );
        list.refresh();
      } catch (error) {
        services.notices.showError(`The deployments were not ${verb.toLowerCase()}d`, error);
      }
    },
  };
}

export const enableDeploymentAction = setEnabledAction(true);
export const disableDeploymentAction = setEnabledAction(false);

export const deleteDeploymentAction = deleteAction<Deployment>({
  id: 'deleteDeployment',
  description: 'Deletes the selected deployments and withdraws them from clients.',
  noun: { one: 'deployment', many: 'deployments' },
  consequence: {
    one: 'Clients stop enforcing it at their next policy poll.',
    many: 'Clients stop enforcing them at their next policy poll.',
  },
  remove: async (services, ids) => (await services.api.call('deployments.delete', { ids })).deleted,
});

export const viewStatusAction: RibbonAction<Deployment> = {
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
 * The Home tab's Deployment group of a deployment (§7.12), in the console's order: View Status,
 * Enable, Disable, Delete. Properties is the shell's own (the node's `properties`).
 */
export const deploymentRibbon: RibbonGroup<Deployment> = {
  label: 'Deployment',
  actions: [
    viewStatusAction,
    enableDeploymentAction,
    disableDeploymentAction,
    deleteDeploymentAction,
  ],
};

/** A deployment's Properties opened outside a list (a group's or an update's Deployments tab). */
export function openDeploymentProperties(
  services: ConsoleServices,
  deployment: Pick<Deployment, 'id' | 'name'>,
  onApplied?: () => void,
): Promise<void> {
  return services.dialogs.show((close) => (
    <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
      <DialogSurface style={{ width: 'min(900px, 92vw)', maxWidth: 'none' }}>
        <DialogBody>
          <DialogTitle>{deployment.name} Properties</DialogTitle>
          <DeploymentPropertiesBody
            id={deployment.id}
            services={services}
            close={close}
            onApplied={onApplied}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ));
}
