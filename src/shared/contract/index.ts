import type { z } from 'zod';
import type { MethodSpec } from './define';
import { alertMethods } from './alerts';
import { ruleMethods } from './automatic-deployment-rules';
import { catalogMethods } from './catalog';
import { deploymentPackageMethods } from './deployment-packages';
import { demoFleetMethods } from './demo-fleet';
import { deploymentMethods } from './deployments';
import { distributionPointMethods } from './distribution-points';
import { clientsMethods } from './clients';
import { clientSettingsMethods } from './client-settings';
import { collectionsMethods } from './collections';
import { complianceMethods } from './compliance';
import { jobsMethods } from './jobs';
import { listExportMethods } from './list-export';
import { reportMethods } from './reports';
import { siteMethods } from './site';
import { softwareUpdatePointMethods } from './software-update-point';
import { softwareUpdateDetailMethods, softwareUpdatesMethods } from './software-updates';
import { statusMessagesMethods } from './status-messages';
import { updateGroupsMethods } from './update-groups';

/**
 * The whole API of the site: method name -> input and output schemas. Add a domain by spreading
 * its record here; the IPC handler, the HTTP routes and the typed client follow automatically.
 */
export const siteContract = {
  ...siteMethods,
  ...jobsMethods,
  ...statusMessagesMethods,
  ...softwareUpdatePointMethods,
  ...catalogMethods,
  ...softwareUpdatesMethods,
  ...softwareUpdateDetailMethods,
  ...updateGroupsMethods,
  ...distributionPointMethods,
  ...deploymentPackageMethods,
  ...demoFleetMethods,
  ...clientsMethods,
  ...collectionsMethods,
  ...clientSettingsMethods,
  ...complianceMethods,
  ...deploymentMethods,
  ...alertMethods,
  ...ruleMethods,
  ...listExportMethods,
  ...reportMethods,
} as const satisfies Record<string, MethodSpec>;

export type SiteContract = typeof siteContract;
export type SiteMethod = keyof SiteContract;
export type MethodInput<M extends SiteMethod> = z.input<SiteContract[M]['input']>;
export type ParsedInput<M extends SiteMethod> = z.output<SiteContract[M]['input']>;
export type MethodOutput<M extends SiteMethod> = z.output<SiteContract[M]['output']>;

export function isSiteMethod(name: string): name is SiteMethod {
  return Object.hasOwn(siteContract, name);
}

export * from './alerts';
export * from './automatic-deployment-rules';
export * from './catalog';
export * from './deployment-packages';
export * from './demo-fleet';
export * from './deployments';
export * from './distribution-points';
export * from './clients';
export * from './client-settings';
export * from './collections';
export * from './compliance';
export * from './events';
export * from './jobs';
export * from './list-export';
export * from './list-query';
export * from './reports';
export * from './site';
export * from './software-update-point';
export * from './software-updates';
export * from './status-messages';
export * from './update-groups';
