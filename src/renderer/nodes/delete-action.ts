import { DeleteRegular } from '@fluentui/react-icons';
import type { ConsoleServices } from '../stores/console-services';
import type { RibbonAction } from './types';

/**
 * The ribbon's Delete for a list of named things: ask first (naming the one, or counting many),
 * let the site delete them, say how many went, and refresh. A refusal is the site's sentence;
 * the site deletes all of the selection or none of it.
 */
export function deleteAction<Row extends { id: number; name: string }>(options: {
  id: string;
  description: string;
  /** What one and several are called: "software update group", "software update groups". */
  noun: { one: string; many: string };
  /** A sentence after the question, for one and for several. */
  consequence?: { one?: string; many?: string };
  remove(services: ConsoleServices, ids: number[]): Promise<number>;
}): RibbonAction<Row> {
  const { noun, consequence } = options;
  return {
    id: options.id,
    label: 'Delete',
    icon: DeleteRegular,
    description: options.description,
    isEnabled: ({ selection }) => selection.length > 0,
    run: async ({ selection, services, list }) => {
      const count = selection.length;
      const question =
        count === 1
          ? `Are you sure you want to delete the ${noun.one} "${selection[0]!.name}"?`
          : `Are you sure you want to delete the ${count} selected ${noun.many}?`;
      const after = count === 1 ? consequence?.one : consequence?.many;
      const isYes = await services.dialogs.confirm({
        title: 'Confirm Delete',
        question: after ? `${question} ${after}` : question,
      });
      if (!isYes) return;
      try {
        const deleted = await options.remove(
          services,
          selection.map((row) => row.id),
        );
        services.notices.show(
          'success',
          `Deleted ${deleted} ${deleted === 1 ? noun.one : noun.many}.`,
        );
        list.setSelection([]);
        list.refresh();
      } catch (error) {
        services.notices.showError(`The ${noun.many} were not deleted`, error);
      }
    },
  };
}
