import { SoftwareUpdateClientSettings } from '../../shared/compliance/client-settings';
import type { ConsoleServices } from '../stores/console-services';

/** The reads of Administration > Client Settings, refreshed when client settings change. */
export const clientSettingsReads = {
  list: (services: ConsoleServices) => ({
    key: 'client-settings',
    topics: ['clientSettings', 'collections'],
    read: () => services.api.call('clientSettings.list', {}),
  }),
  /** The Default Client Settings' values: where a custom object's unticked settings come from. */
  defaults: (services: ConsoleServices) => ({
    key: 'client-settings-default',
    topics: ['clientSettings'],
    read: async () => {
      const all = await services.api.call('clientSettings.list', {});
      return SoftwareUpdateClientSettings.parse(all.find((s) => s.isDefault)?.settings ?? {});
    },
  }),
  resultant: (services: ConsoleServices, clientId: number) => ({
    key: `resultant:${clientId}`,
    topics: ['clientSettings', 'collections', 'maintenanceWindows'],
    read: () => services.api.call('clientSettings.resultant', { clientId }),
  }),
};
