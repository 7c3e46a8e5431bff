import { AddRegular, DeleteRegular, ServerMultipleRegular } from '@fluentui/react-icons';
import type { DistributionPointGroup } from '../../shared/contract/distribution-points';
import { countColumn, dateColumn } from '../nodes/column-kinds';
import { defineListNode, type ColumnSpec, type RibbonAction } from '../nodes/types';
import { arrayPage } from './array-source';
import { CreateDistributionPointGroupDialog } from './create-dp-group-dialog';

type Group = DistributionPointGroup;

const columns: ColumnSpec<Group>[] = [
  { id: 'name', header: 'Name', isDefault: true, sortKey: 'name', width: 240, text: (r) => r.name },
  {
    id: 'description',
    header: 'Description',
    isDefault: true,
    width: 260,
    text: (r) => r.description,
  },
  countColumn<Group>('members', 'Members', (r) => r.memberIds.length, { isDefault: true }),
  dateColumn<Group>('dateCreated', 'Date Created', (r) => r.dateCreated, {
    isDefault: true,
    sortKey: 'dateCreated',
  }),
];

const createGroup: RibbonAction<Group> = {
  id: 'createDistributionPointGroup',
  label: 'Create Group',
  icon: AddRegular,
  description: 'Creates a distribution point group, to distribute packages to several at once.',
  run: ({ services, list }) =>
    services.dialogs.show((close) => (
      <CreateDistributionPointGroupDialog
        services={services}
        onCreated={() => list.refresh()}
        close={close}
      />
    )),
};

const deleteGroups: RibbonAction<Group> = {
  id: 'deleteDistributionPointGroups',
  label: 'Delete',
  icon: DeleteRegular,
  description: 'Deletes the selected groups; their distribution points stay.',
  isEnabled: ({ selection }) => selection.length > 0,
  run: async ({ selection, services, list }) => {
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Delete',
      question:
        selection.length === 1
          ? `Are you sure you want to delete the distribution point group "${selection[0]!.name}"? Its distribution points stay.`
          : `Are you sure you want to delete the ${selection.length} selected distribution point groups? Their distribution points stay.`,
    });
    if (!isYes) return;
    try {
      await services.api.call('dpGroups.delete', { ids: selection.map((group) => group.id) });
      list.setSelection([]);
      list.refresh();
    } catch (error) {
      services.notices.showError('The distribution point groups were not deleted', error);
    }
  },
};

/** Administration > Distribution Point Groups: packages sent to a group reach every member. */
export function distributionPointGroupsNode(parentId: string) {
  return defineListNode<Group>({
    id: 'administration.distributionPointGroups',
    title: 'Distribution Point Groups',
    icon: ServerMultipleRegular,
    workspace: 'administration',
    parentId,
    columns,
    rowId: (row) => String(row.id),
    source:
      ({ api }) =>
      async (query) =>
        arrayPage(await api.call('dpGroups.list', {}), query, (g) => `${g.name} ${g.description}`),
    searchHint: 'Search name or description',
    emptyText:
      'There are no distribution point groups. Create Group to distribute packages to several distribution points at once.',
    ribbon: [{ label: 'Distribution Point Group', actions: [createGroup, deleteGroups] }],
    describe: (row) => row.name,
    topics: ['content'],
  });
}
