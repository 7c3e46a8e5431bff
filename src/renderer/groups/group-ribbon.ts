import { AppsListDetailRegular, DeleteRegular } from '@fluentui/react-icons';
import type { SoftwareUpdateGroup } from '../../shared/contract/update-groups';
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

const deleteGroups: GroupAction = {
  id: 'deleteGroups',
  label: 'Delete',
  icon: DeleteRegular,
  description: 'Deletes the selected software update groups; a deployed group cannot be deleted.',
  isEnabled: ({ selection }) => selection.length > 0,
  run: async ({ selection, services, list }) => {
    const count = selection.length;
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Delete',
      question:
        count === 1
          ? `Are you sure you want to delete the software update group "${selection[0]!.name}"?`
          : `Are you sure you want to delete the ${count} selected software update groups?`,
    });
    if (!isYes) return;
    try {
      const { deleted } = await services.api.call('groups.delete', {
        ids: selection.map((group) => group.id),
      });
      services.notices.show(
        'success',
        `Deleted ${deleted} software update ${deleted === 1 ? 'group' : 'groups'}.`,
      );
      list.setSelection([]);
      list.refresh();
    } catch (error) {
      // The site's refusal names the deployed group; nothing of the selection was deleted.
      services.notices.showError('The software update groups were not deleted', error);
    }
  },
};

/** Software Update Groups > Home > Update Group (§5.4). */
export const groupRibbon: RibbonGroup<SoftwareUpdateGroup> = {
  label: 'Update Group',
  actions: [showMembers, deleteGroups],
};
