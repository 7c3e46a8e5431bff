import type { SiteHandlers } from '../api/handlers';
import {
  createClientSettings,
  deleteClientSettings,
  setClientSettingsDeployments,
  setClientSettingsPriority,
  updateClientSettings,
  type ClientSettingsServices,
} from './client-settings-changes';
import { readClientSettingsObject, type ClientSettingsStore } from './client-settings-store';

type Methods = Extract<keyof SiteHandlers, `clientSettings.${string}`>;

/** Administration > Client Settings and Resultant Client Settings of a device. */
export function createClientSettingsHandlers(
  services: ClientSettingsServices & { clientSettings: ClientSettingsStore },
): Pick<SiteHandlers, Methods> {
  const store = services.clientSettings;
  return {
    'clientSettings.list': () => store.list(),
    'clientSettings.get': ({ id }) => readClientSettingsObject(services.site.read, id),
    'clientSettings.create': (input, { user }) => createClientSettings(services, input, user),
    'clientSettings.update': (input, { user }) => updateClientSettings(services, input, user),
    'clientSettings.delete': ({ id }, { user }) => deleteClientSettings(services, id, user),
    'clientSettings.setPriority': async (input, { user }) => {
      await setClientSettingsPriority(services, input, user);
      return store.list();
    },
    'clientSettings.deploy': (input, { user }) =>
      setClientSettingsDeployments(services, input, true, user),
    'clientSettings.undeploy': (input, { user }) =>
      setClientSettingsDeployments(services, input, false, user),
    'clientSettings.resultant': ({ clientId }) => store.resultant(clientId),
  };
}
