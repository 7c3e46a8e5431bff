import type { SiteHandlers } from '../api/handlers';
import type { Clock } from '../clock';
import { listDevices, readDevice } from '../clients/device-list';
import { changeClientApproval } from '../mp/client-approval';
import type { ClientSettingsStore } from '../collections/client-settings-store';
import {
  addRule,
  createCollection,
  listCollections,
  listRules,
  memberIds,
  removeRule,
} from '../collections/device-collections';
import { deleteCollections } from '../collections/collection-removal';
import { updateCollection, updateMembership } from '../collections/collection-update';
import type { StatusMessages } from '../status/status-messages';
import {
  createMaintenanceWindow,
  deleteMaintenanceWindow,
  effectiveWindowsOf,
  listMaintenanceWindows,
} from '../collections/maintenance-windows';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { JobQueue } from '../jobs/job-queue';
import type { JobRunner } from '../jobs/job-runner';
import {
  deviceCompliance,
  groupCompliance,
  unknownDevices,
  updateCompliance,
} from './compliance-reads';
import {
  enqueueSummarization,
  readSummarizationSchedule,
  writeSummarizationSchedule,
} from './summarization-schedule';

type Methods =
  | 'devices.list'
  | 'devices.get'
  | `clients.${string}`
  | `collections.${string}`
  | `maintenanceWindows.${string}`
  | `compliance.${string}`;

/** Assets and Compliance (devices, collections, maintenance windows) and compliance counters. */
export function createComplianceHandlers(deps: {
  database: SiteDatabase;
  events: SiteEvents;
  clock: Clock;
  siteCode: string;
  jobs: JobQueue;
  runner: JobRunner;
  clientSettings: ClientSettingsStore;
  statusMessages: StatusMessages;
}): Pick<SiteHandlers, Extract<keyof SiteHandlers, Methods>> {
  const site = deps.database;
  const services = { site, clock: deps.clock, events: deps.events, siteCode: deps.siteCode };
  return {
    'devices.list': (query) => listDevices(site, query),
    'devices.get': ({ id }) => readDevice(site, id),
    'clients.approve': ({ name }) => changeClientApproval(site, name, 'approve'),
    'clients.block': ({ name }) => changeClientApproval(site, name, 'block'),
    'clients.unblock': ({ name }) => changeClientApproval(site, name, 'unblock'),
    'collections.list': () => listCollections(site),
    'collections.create': (input) => createCollection(services, input),
    'collections.update': (input, { user }) => updateCollection(services, input, user),
    'collections.updateMembership': ({ id }) =>
      updateMembership({ ...services, statusMessages: deps.statusMessages }, id, 'manual'),
    'collections.delete': async ({ ids }) => ({ deleted: await deleteCollections(services, ids) }),
    'collections.rules': ({ id }) => listRules(site, id),
    'collections.addRule': ({ id, rule }) => addRule(services, id, rule),
    'collections.removeRule': ({ id, ruleId }) => removeRule(services, id, ruleId),
    'collections.memberIds': ({ id }) => memberIds(site, id),
    'maintenanceWindows.list': ({ collectionId }) => listMaintenanceWindows(site, collectionId),
    'maintenanceWindows.create': (input) => createMaintenanceWindow(site, deps.events, input),
    'maintenanceWindows.delete': ({ id }) => deleteMaintenanceWindow(site, deps.events, id),
    'maintenanceWindows.effective': ({ clientId, from, to }) =>
      effectiveWindowsOf(site, deps.clientSettings, clientId, new Date(from), new Date(to)),
    'compliance.update': ({ ciId }) => updateCompliance(site, ciId),
    'compliance.group': ({ groupId }) => groupCompliance(site, groupId),
    'compliance.device': ({ clientId }) => deviceCompliance(site, clientId),
    'compliance.unknownDevices': async ({ ciId, page }) => {
      const settings = await deps.clientSettings.get();
      return unknownDevices(site, deps.clock, ciId, page, settings.scanScheduleDays);
    },
    'compliance.runSummarization': async (_input, context) => {
      const jobId = await enqueueSummarization(site, deps.jobs, 'manual', context.user);
      deps.runner.poke();
      return { jobId };
    },
    'compliance.getSchedule': () => readSummarizationSchedule(site),
    'compliance.setSchedule': (schedule) => writeSummarizationSchedule(site, deps.clock, schedule),
  };
}
