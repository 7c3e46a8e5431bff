import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { listRequiredDevices } from './required-devices';
import { deleteSavedSearch, listSavedSearches, saveSearch } from './saved-searches';
import { readSoftwareUpdate } from './software-update-details';
import { listSoftwareUpdates } from './software-update-list';
import { setUpdateProperties } from './update-properties';

type UpdateMethods =
  | 'updates.list'
  | 'updates.get'
  | 'updates.setProperties'
  | 'updates.requiredDevices'
  | 'searches.list'
  | 'searches.save'
  | 'searches.delete';

/** All Software Updates: the list, Properties, View Required and saved searches. */
export function createUpdateHandlers(deps: {
  database: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
}): Pick<SiteHandlers, UpdateMethods> {
  const { database, events, clock } = deps;
  return {
    'updates.list': (query) => listSoftwareUpdates(database, query, clock),
    'updates.get': ({ ciId }) => readSoftwareUpdate(database, ciId),
    'updates.setProperties': (change, context) =>
      setUpdateProperties(database, events, clock, change, context.user),
    'updates.requiredDevices': ({ ciId, page }) => listRequiredDevices(database, ciId, page),
    'searches.list': ({ node }) => listSavedSearches(database, node),
    'searches.save': (input, context) => saveSearch(database, clock, input, context.user),
    'searches.delete': ({ id }) => deleteSavedSearch(database, id),
  };
}
