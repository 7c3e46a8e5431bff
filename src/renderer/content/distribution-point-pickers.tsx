import type {
  DistributionPoint,
  DistributionPointGroup,
} from '../../shared/contract/distribution-points';
import { PickDialog } from '../wizards/pick-dialog';

/** How a distribution point's library is reached, in one word for the lists. */
export function distributionPointType(dp: DistributionPoint): string {
  if (dp.isSiteLibrary) return 'Site server';
  return dp.kind === 'library' ? 'Content library folder' : 'Remote Patchbay server';
}

/** Add > Distribution Point: the distribution points not chosen yet. */
export function DistributionPointPicker(props: {
  points: readonly DistributionPoint[];
  chosenIds: readonly number[];
  onPick(ids: number[]): void;
  close(): void;
}) {
  const chosen = new Set(props.chosenIds);
  return (
    <PickDialog<DistributionPoint>
      title="Add Distribution Points"
      intro="Select the distribution points to copy the content to."
      columns={[
        { header: 'Name', width: '35%', cell: (dp) => dp.name },
        { header: 'Type', width: '25%', cell: distributionPointType },
        { header: 'Location', cell: (dp) => dp.libraryPath ?? dp.url ?? '' },
      ]}
      rows={props.points.filter((dp) => !chosen.has(dp.id))}
      rowKey={(dp) => String(dp.id)}
      rowName={(dp) => dp.name}
      isMultiple
      emptyText="Every distribution point is already chosen. Add more in Administration > Distribution Points."
      onPick={(points) => props.onPick(points.map((dp) => dp.id))}
      close={props.close}
    />
  );
}

/** Add > Distribution Point Group: the groups not chosen yet. */
export function DistributionPointGroupPicker(props: {
  groups: readonly DistributionPointGroup[];
  chosenIds: readonly number[];
  onPick(ids: number[]): void;
  close(): void;
}) {
  const chosen = new Set(props.chosenIds);
  return (
    <PickDialog<DistributionPointGroup>
      title="Add Distribution Point Groups"
      intro="Select the distribution point groups to copy the content to."
      columns={[
        { header: 'Name', width: '40%', cell: (group) => group.name },
        { header: 'Members', width: '15%', cell: (group) => group.memberIds.length },
        { header: 'Description', cell: (group) => group.description },
      ]}
      rows={props.groups.filter((group) => !chosen.has(group.id))}
      rowKey={(group) => String(group.id)}
      rowName={(group) => group.name}
      isMultiple
      emptyText="There are no other distribution point groups. Create one in Administration > Distribution Point Groups."
      onPick={(groups) => props.onPick(groups.map((group) => group.id))}
      close={props.close}
    />
  );
}
