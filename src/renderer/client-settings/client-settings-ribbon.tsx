import {
  AddSquareMultipleRegular,
  ArrowDownRegular,
  ArrowUpRegular,
  SendRegular,
} from '@fluentui/react-icons';
import type { ClientSettingsObject } from '../../shared/contract/client-settings';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import { CreateClientSettingsDialog } from './create-client-settings-dialog';
import { DeployClientSettingsDialog } from './deploy-client-settings-dialog';

type Action = RibbonAction<ClientSettingsObject>;

const isOneCustom = ({ selection }: { selection: readonly ClientSettingsObject[] }) =>
  selection.length === 1 && !selection[0]!.isDefault;

const create: Action = {
  id: 'createCustomClientDeviceSettings',
  label: 'Create Custom Client Device Settings',
  icon: AddSquareMultipleRegular,
  description: 'Creates client settings for devices at the next free priority.',
  run: ({ services }) =>
    services.dialogs.show((close) => (
      <CreateClientSettingsDialog services={services} close={close} />
    )),
};

const priority = (change: 'increase' | 'decrease'): Action => ({
  id: `${change}Priority`,
  label: change === 'increase' ? 'Increase Priority' : 'Decrease Priority',
  icon: change === 'increase' ? ArrowUpRegular : ArrowDownRegular,
  description:
    change === 'increase'
      ? 'Moves the selected client settings one place up: their settings win over the ones below.'
      : 'Moves the selected client settings one place down; the Default Client Settings stay last.',
  isEnabled: isOneCustom,
  run: async ({ selection, services, list }) => {
    const object = selection[0]!;
    try {
      const all = await services.api.call('clientSettings.setPriority', { id: object.id, change });
      const now = all.find((each) => each.id === object.id);
      services.notices.show('success', `${object.name} now has priority ${now?.priority}.`);
      list.refresh();
    } catch (error) {
      services.notices.showError('The priority did not change', error);
    }
  },
});

const deploy: Action = {
  id: 'deployClientSettings',
  label: 'Deploy',
  icon: SendRegular,
  description: 'Chooses the device collections these client settings apply to.',
  isEnabled: isOneCustom,
  run: ({ selection, services }) =>
    services.dialogs.show((close) => (
      <DeployClientSettingsDialog services={services} object={selection[0]!} close={close} />
    )),
};

const remove: Action = deleteAction({
  id: 'deleteClientSettings',
  description:
    'Deletes the selected custom client settings; their devices get the next lower priority settings.',
  noun: { one: 'client settings object', many: 'client settings objects' },
  remove: async (services, ids) => {
    let deleted = 0;
    for (const id of ids)
      deleted += (await services.api.call('clientSettings.delete', { id })).deleted;
    return deleted;
  },
});

/** Client Settings > Home: Create, then Client Settings (priority, deploy, delete). */
export const clientSettingsRibbon: readonly RibbonGroup<ClientSettingsObject>[] = [
  { label: 'Create', actions: [create] },
  {
    label: 'Client Settings',
    actions: [priority('increase'), priority('decrease'), deploy, remove],
  },
];
