import type { DeploymentPreview, DeploymentSelection } from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { resolveSelection, selectionProblem } from './deployment-selection';
import { defaultDeploymentName, siteNow } from './deployment-time';

/** What the Deploy Software Updates Wizard knows before its first page. */
export async function previewDeployment(
  site: SiteDatabase,
  clock: Clock,
  selection: DeploymentSelection,
): Promise<DeploymentPreview> {
  const resolved = await resolveSelection(site.read, selection);
  const problem = selectionProblem(resolved);
  const now = siteNow(clock);
  return {
    softwareName: resolved.softwareName,
    numberOfUpdates: resolved.ciIds.length,
    numberOfExpired: resolved.expired.length,
    numberNotDownloaded: resolved.notDownloaded,
    isEverythingDownloaded: resolved.notDownloaded === 0,
    defaultName: defaultDeploymentName(now.at),
    nowLocal: now.local,
    nowUtc: now.utc,
    problem: problem ? `${problem.message[0]!.toUpperCase()}${problem.message.slice(1)}.` : null,
  };
}
