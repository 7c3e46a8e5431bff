import { maxUpdatesPerDeployment } from '../../../shared/contract/update-groups';

/**
 * ConfigMgr lets a group grow past what one deployment may hold (spec §5.1) and only fails when
 * it is deployed; Patchbay says so at every change that leaves a group there.
 */
export function groupSizeWarning(numberOfUpdates: number): string | undefined {
  if (numberOfUpdates <= maxUpdatesPerDeployment) return undefined;
  const count = numberOfUpdates.toLocaleString('en-US');
  const limit = maxUpdatesPerDeployment.toLocaleString('en-US');
  return `This group has ${count} updates; a deployment can hold at most ${limit}.`;
}
