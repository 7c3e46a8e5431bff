import {
  AddSquareMultipleRegular,
  AppsListDetailRegular,
  DeleteRegular,
} from '@fluentui/react-icons';
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

const deleteCollections: CollectionAction = {
  id: 'deleteCollections',
  label: 'Delete',
  icon: DeleteRegular,
  description:
    'Deletes the selected collections; a built-in collection, or one another collection depends on, is refused.',
  isEnabled: ({ selection }) => selection.length > 0,
  run: async ({ selection, services, list }) => {
    const count = selection.length;
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Delete',
      question:
        count === 1
          ? `Are you sure you want to delete the device collection "${selection[0]!.name}"? Its membership rules and maintenance windows go with it.`
          : `Are you sure you want to delete the ${count} selected device collections?`,
    });
    if (!isYes) return;
    try {
      const { deleted } = await services.api.call('collections.delete', {
        ids: selection.map((collection) => collection.id),
      });
      services.notices.show(
        'success',
        `Deleted ${deleted} device ${deleted === 1 ? 'collection' : 'collections'}.`,
      );
      list.setSelection([]);
      list.refresh();
    } catch (error) {
      // The site's refusal names the collection and why; nothing of the selection was deleted.
      services.notices.showError('The device collections were not deleted', error);
    }
  },
};

/** Device Collections > Home: Create and Collection, as the console groups them. */
export const collectionRibbon: RibbonGroup<CollectionRow> = {
  label: 'Collection',
  actions: [createCollection, showMembers, deleteCollections],
};
