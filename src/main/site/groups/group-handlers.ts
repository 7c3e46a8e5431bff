import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { createGroup, deleteGroups, updateGroup } from './group-changes';
import { listGroups, readGroup } from './group-list';
import { memberIds, membershipOf, setMembership } from './group-membership';

type GroupMethods =
  | 'groups.list'
  | 'groups.get'
  | 'groups.create'
  | 'groups.update'
  | 'groups.setMembership'
  | 'groups.delete'
  | 'groups.memberIds'
  | 'groups.membershipOf';

/** Software Library > Software Updates > Software Update Groups (spec §5). */
export function createGroupHandlers(deps: {
  database: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
}): Pick<SiteHandlers, GroupMethods> {
  const services = {
    site: deps.database,
    events: deps.events,
    clock: deps.clock,
    siteCode: deps.siteCode,
  };
  return {
    'groups.list': (query) => listGroups(deps.database, query),
    'groups.get': ({ id }) => readGroup(deps.database.read, id),
    'groups.create': (input, context) => createGroup(services, input, context.user),
    'groups.update': (change, context) => updateGroup(services, change, context.user),
    'groups.setMembership': (change, context) => setMembership(services, change, context.user),
    'groups.delete': ({ ids }, context) => deleteGroups(services, ids, context.user),
    'groups.memberIds': ({ id }) => memberIds(deps.database, id),
    'groups.membershipOf': ({ ciIds }) => membershipOf(deps.database, ciIds),
  };
}
