import { OptionsRegular } from '@fluentui/react-icons';
import type { Device } from '../../shared/contract/clients';
import { ResultantClientSettingsDialog } from '../client-settings/resultant-client-settings-dialog';
import type { RibbonGroup } from '../nodes/types';

/** Devices > Home > Client Settings: Resultant Client Settings of the selected device. */
export const deviceRibbon: RibbonGroup<Device> = {
  label: 'Client Settings',
  actions: [
    {
      id: 'resultantClientSettings',
      label: 'Resultant Client Settings',
      icon: OptionsRegular,
      description:
        'Shows every client setting the selected device gets, and which client settings it comes from.',
      isEnabled: ({ selection }) => selection.length === 1,
      run: ({ selection, services }) =>
        services.dialogs.show((close) => (
          <ResultantClientSettingsDialog services={services} device={selection[0]!} close={close} />
        )),
    },
  ],
};
