import type { DeploymentStatusCategory, MethodOutput } from '../../shared/contract';
import type { ConsoleServices } from './console-services';

/**
 * The reads behind the compliance, device and collection views, each with the `data.changed`
 * topics that make it stale. Views pair them with useLiveValue.
 */
export const siteReads = {
  updateCompliance: (services: ConsoleServices, ciId: number) => ({
    key: `update:${ciId}`,
    topics: ['compliance', 'softwareUpdates'],
    read: () => services.api.call('compliance.update', { ciId }),
  }),
  /**
   * Up to 5,000 Unknown devices with their reasons: enough to break the count down. A fleet
   * announces changes every quarter second; this larger read follows at most every 2 s.
   */
  unknownDevices: (services: ConsoleServices, ciId: number) => ({
    key: `unknown:${ciId}`,
    topics: ['compliance'],
    delayMs: 2000,
    read: () =>
      services.api.call('compliance.unknownDevices', { ciId, page: { size: 5000, offset: 0 } }),
  }),
  groupCompliance: (services: ConsoleServices, groupId: number) => ({
    key: `group:${groupId}`,
    topics: ['compliance', 'softwareUpdateGroups'],
    read: () => services.api.call('compliance.group', { groupId }),
  }),
  deviceCompliance: (services: ConsoleServices, clientId: number) => ({
    key: `device:${clientId}`,
    topics: ['compliance', 'devices'],
    read: () => services.api.call('compliance.device', { clientId }),
  }),
  /** View Required: the first 1,000 devices (the dialog says how many there are in all). */
  requiredDevices: (services: ConsoleServices, ciId: number) => ({
    key: `required:${ciId}`,
    topics: ['compliance'],
    delayMs: 2000,
    read: () =>
      services.api.call('updates.requiredDevices', { ciId, page: { size: 1000, offset: 0 } }),
  }),
  /** A group's or an update's Deployments tab: the deployments with their counters. */
  deploymentsOf: (services: ConsoleServices, filter: { groupId: number } | { ciId: number }) => ({
    key: `deployments:${JSON.stringify(filter)}`,
    topics: ['deployments', 'compliance'],
    delayMs: 1000,
    read: () =>
      services.api.call('deployments.list', {
        filter,
        sort: { column: 'name', direction: 'asc' },
        page: { size: 200 },
      }),
  }),
  device: (services: ConsoleServices, id: number) => ({
    key: `device-row:${id}`,
    topics: ['devices', 'compliance'],
    read: () => services.api.call('devices.get', { id }),
  }),
  collections: (services: ConsoleServices) => ({
    key: 'collections',
    topics: ['collections'],
    read: () => services.api.call('collections.list', {}),
  }),
  maintenanceWindows: (services: ConsoleServices, collectionId: number) => ({
    key: `windows:${collectionId}`,
    topics: ['maintenanceWindows', 'collections'],
    read: () => services.api.call('maintenanceWindows.list', { collectionId }),
  }),
  /** A device's merged windows over 14 days from now (the calendar). */
  effectiveWindows: (services: ConsoleServices, clientId: number, from: Date, to: Date) => ({
    key: `effective:${clientId}:${from.toISOString()}`,
    topics: ['maintenanceWindows', 'collections'],
    read: () =>
      services.api.call('maintenanceWindows.effective', {
        clientId,
        from: from.toISOString(),
        to: to.toISOString(),
      }),
  }),
  summarizationSchedule: (services: ConsoleServices) => ({
    key: 'summarization',
    topics: ['compliance'],
    read: () => services.api.call('compliance.getSchedule', {}),
  }),
  /** View Status: re-read within 2 s of a state message batch (performance.md P4). */
  deploymentStatus: (services: ConsoleServices, id: number) => ({
    key: `deployment-status:${id}`,
    topics: ['deployments'],
    read: () => services.api.call('deployments.status', { id }),
  }),
  /** Asset Details: up to 20,000 rows, so a fleet's burst re-reads them at most every 1.5 s. */
  deploymentAssets: (
    services: ConsoleServices,
    id: number,
    category: DeploymentStatusCategory,
    subStateKey: string | null,
  ) => ({
    key: `deployment-assets:${id}:${category}:${subStateKey ?? ''}`,
    topics: ['deployments'],
    delayMs: 1500,
    read: () =>
      services.api.call('deployments.assets', {
        id,
        category,
        ...(subStateKey !== null && { subStateKey }),
      }),
  }),
  alerts: (services: ConsoleServices, limit: number) => ({
    key: `alerts:${limit}`,
    topics: ['alerts'],
    read: () => services.api.call('alerts.list', { limit }),
  }),
} satisfies Record<
  string,
  (...args: never[]) => {
    key: string;
    topics: string[];
    read: () => Promise<unknown>;
    delayMs?: number;
  }
>;

export type DeviceCompliance = MethodOutput<'compliance.device'>;
export type UnknownDevices = MethodOutput<'compliance.unknownDevices'>;
