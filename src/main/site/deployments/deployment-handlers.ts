import { SiteError } from '../../../shared/errors';
import type { SiteHandlers } from '../api/handlers';

type DeploymentMethods =
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

// Seam for the deployments work in progress (issue 12): replaced by the deployment services.
const notYet = () => Promise.reject(new SiteError('unavailable', 'Deployments are not built yet.'));

export function createDeploymentHandlers(): Pick<SiteHandlers, DeploymentMethods> {
  return {
    'deployments.list': notYet,
    'deployments.get': notYet,
    'deployments.preview': notYet,
    'deployments.checkName': notYet,
    'deployments.create': notYet,
    'deployments.update': notYet,
    'deployments.setEnabled': notYet,
    'deployments.delete': notYet,
    'deploymentTemplates.list': notYet,
    'deploymentTemplates.create': notYet,
    'deploymentTemplates.delete': notYet,
  };
}
