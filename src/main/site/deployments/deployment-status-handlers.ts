import { SiteError } from '../../../shared/errors';
import type { SiteHandlers } from '../api/handlers';

// Seam for the deployments work in progress (issue 12): replaced by View Status.
const notYet = () => Promise.reject(new SiteError('unavailable', 'View Status is not built yet.'));

export function createDeploymentStatusHandlers(): Pick<
  SiteHandlers,
  'deployments.status' | 'deployments.assets'
> {
  return { 'deployments.status': notYet, 'deployments.assets': notYet };
}
