import {
  AddSquareMultipleRegular,
  AppsListDetailRegular,
  ArrowSyncRegular,
} from '@fluentui/react-icons';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import type { CollectionRow } from './collection-row';
import { CreateCollectionDialog } from './create-collection-dialog';

type CollectionAction = RibbonAction<CollectionRow>;

const createCollection: CollectionAction = {
  id: 'createDeviceCollection',
  label: 'Create Device Collection',
  icon: AddSquareMultipleRegular,
  description:
    'Creates a device collection with a limiting collection; add its rules in Properties.',
  run: ({ services }) =>
    services.dialogs.show((close) => <CreateCollectionDialog services={services} close={close} />),
};

const showMembers: CollectionAction = {
  id: 'showMembers',
  label: 'Show Members',
  icon: AppsListDetailRegular,
  description: 'Lists the devices of the selected collection, in Devices.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services }) => {
    const collection = selection[0]!;
    services.openNode('assets.devices', {
      label: `Members of ${collection.name}`,
      collectionId: collection.id,
    });
  },
};

const updateMembership: CollectionAction = {
  id: 'updateMembership',
  label: 'Update Membership',
  icon: ArrowSyncRegular,
  description:
    'Evaluates the membership rules of the selected collections for every device now (Invoke-CMCollectionUpdate).',
  isEnabled: ({ selection }) => selection.length > 0,
  run: async ({ selection, services, list }) => {
    try {
      for (const collection of selection) {
        const result = await services.api.call('collections.updateMembership', {
          id: collection.id,
        });
        services.notices.show(
          'success',
          `Updated the membership of ${result.collection.name}: ${result.added} added, ${result.removed} removed; it has ${result.collection.memberCount.toLocaleString()} ${result.collection.memberCount === 1 ? 'member' : 'members'}.`,
        );
      }
      list.refresh();
    } catch (error) {
      services.notices.showError('The membership was not updated', error);
    }
  },
};

const deleteCollections: CollectionAction = deleteAction({
  id: 'deleteCollections',
  description:
    'Deletes the selected collections; a built-in collection, or one another collection depends on, is refused.',
  noun: { one: 'device collection', many: 'device collections' },
  consequence: { one: 'Its membership rules and maintenance windows go with it.' },
  remove: async (services, ids) => (await services.api.call('collections.delete', { ids })).deleted,
});

/** Device Collections > Home: Create and Collection, as the console groups them. */
export const collectionRibbon: RibbonGroup<CollectionRow> = {
  label: 'Collection',
  actions: [createCollection, showMembers, updateMembership, deleteCollections],
};
