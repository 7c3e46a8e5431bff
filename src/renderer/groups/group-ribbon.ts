import { AppsListDetailRegular } from '@fluentui/react-icons';
import type { SoftwareUpdateGroup } from '../../shared/contract/update-groups';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';

type GroupAction = RibbonAction<SoftwareUpdateGroup>;

/** The node Show Members opens; All Software Updates narrowed to the group. */
const allSoftwareUpdatesId = 'library.softwareUpdates.all';

const showMembers: GroupAction = {
  id: 'showMembers',
  label: 'Show Members',
  icon: AppsListDetailRegular,
  description: 'Lists the software updates in the selected group, in All Software Updates.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const group = selection[0]!;
    services.openNode(allSoftwareUpdatesId, {
      label: `Members of ${group.name}`,
      groupId: group.id,
    });
  },
};

const deleteGroups: GroupAction = deleteAction({
  id: 'deleteGroups',
  description: 'Deletes the selected software update groups; a deployed group cannot be deleted.',
  noun: { one: 'software update group', many: 'software update groups' },
  remove: async (services, ids) => (await services.api.call('groups.delete', { ids })).deleted,
});

/** Software Update Groups > Home > Update Group (§5.4). */
export const groupRibbon: RibbonGroup<SoftwareUpdateGroup> = {
  label: 'Update Group',
  actions: [showMembers, deleteGroups],
};
