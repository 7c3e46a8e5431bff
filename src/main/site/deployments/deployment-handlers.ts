import type { SiteHandlers } from '../api/handlers';
import type { JobRunner } from '../jobs/job-runner';
import type { JobQueue } from '../jobs/job-queue';
import {
  deleteDeployments,
  setDeploymentsEnabled,
  updateDeployment,
  type DeploymentServices,
} from './deployment-changes';
import { listDeployments } from './deployment-list';
import { deploymentNameProblem } from './deployment-names';
import { previewDeployment } from './deployment-preview';
import { readDeployment } from './deployment-rows';
import { createTemplate, deleteTemplates, listTemplates } from './deployment-templates';
import { startDeployment } from './start-deployment';

export type DeploymentMethods =
  | 'deployments.list'
  | 'deployments.get'
  | 'deployments.preview'
  | 'deployments.checkName'
  | 'deployments.create'
  | 'deployments.update'
  | 'deployments.setEnabled'
  | 'deployments.delete'
  | 'deploymentTemplates.list'
  | 'deploymentTemplates.create'
  | 'deploymentTemplates.delete';

export interface DeploymentHandlerDependencies extends DeploymentServices {
  siteCode: string;
  /** The site's data folder, which a package the wizard creates may not overlap. */
  dataFolder: string;
  jobs: JobQueue;
  runner: JobRunner;
  siteLibraryId(): number;
}

/** Deploy Software Updates Wizard, Monitoring > Deployments, Properties and templates (spec §7, §9.2). */
export function createDeploymentHandlers(
  deps: DeploymentHandlerDependencies,
): Pick<SiteHandlers, DeploymentMethods> {
  const { site, clock } = deps;
  return {
    'deployments.list': (query) => listDeployments(site, clock, query),
    'deployments.get': ({ id }) => readDeployment(site, clock, id),
    'deployments.preview': ({ selection }) => previewDeployment(site, clock, selection),
    'deployments.checkName': async ({ name, excludeId }) => ({
      problem: (await deploymentNameProblem(site.read, name, excludeId ?? null))?.message ?? null,
    }),
    'deployments.create': (input, context) => startDeployment(deps, input, context.user),
    'deployments.update': (change, context) => updateDeployment(deps, change, context.user),
    'deployments.setEnabled': ({ ids, isEnabled }, context) =>
      setDeploymentsEnabled(deps, ids, isEnabled, context.user),
    'deployments.delete': ({ ids }, context) => deleteDeployments(deps, ids, context.user),
    'deploymentTemplates.list': () => listTemplates(site),
    'deploymentTemplates.create': (input) => createTemplate(site, clock, input),
    'deploymentTemplates.delete': ({ ids }) => deleteTemplates(site, ids),
  };
}
