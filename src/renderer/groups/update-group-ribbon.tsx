import { TaskListSquareAddRegular, TextBulletListSquareEditRegular } from '@fluentui/react-icons';
import type { SoftwareUpdateRow } from '../../shared/contract/software-updates';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import { CreateGroupDialog } from './create-group-dialog';
import { EditMembershipDialog } from './edit-membership-dialog';

type UpdateAction = RibbonAction<SoftwareUpdateRow>;

const createGroup: UpdateAction = {
  id: 'createSoftwareUpdateGroup',
  label: 'Create Software Update Group',
  icon: TaskListSquareAddRegular,
  description: 'Creates a software update group that contains the selected software updates.',
  isEnabled: ({ selection }) => selection.length > 0,
  run: ({ selection, services }) =>
    services.dialogs.show((close) => (
      <CreateGroupDialog
        ciIds={selection.map((row) => row.ciId)}
        services={services}
        close={close}
      />
    )),
};

const editMembership: UpdateAction = {
  id: 'editMembership',
  label: 'Edit Membership',
  icon: TextBulletListSquareEditRegular,
  description: 'Adds the selected software updates to groups, or removes them from groups.',
  isEnabled: ({ selection }) => selection.length > 0,
  run: ({ selection, services, list }) =>
    services.dialogs.show((close) => (
      <EditMembershipDialog
        ciIds={selection.map((row) => row.ciId)}
        services={services}
        // Show Members lists a group's members: a removed update must leave the list now.
        onChanged={() => list.scope && list.refresh()}
        close={close}
      />
    )),
};

/** All Software Updates > Home > Update Group (§5.2, §5.3). */
export const updateGroupRibbon: RibbonGroup<SoftwareUpdateRow> = {
  label: 'Update Group',
  actions: [createGroup, editMembership],
};
