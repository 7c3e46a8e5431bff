import { ArrowSyncRegular } from '@fluentui/react-icons';
import type { RibbonAction, RibbonGroup } from './types';

/**
 * Synchronize Software Updates (spec §2.5): ConfigMgr's Yes/No confirmation, then a delta sync
 * as a job the jobs panel follows. Offered wherever the console offers it: All Software Updates,
 * Software Update Groups, and the synchronization status it changes.
 */
export function synchronizeSoftwareUpdatesAction<Row>(): RibbonAction<Row> {
  return {
    id: 'synchronizeSoftwareUpdates',
    label: 'Synchronize Software Updates',
    icon: ArrowSyncRegular,
    description:
      'Synchronizes the software update catalog from the synchronization source now (a delta synchronization).',
    run: async ({ services }) => {
      const isYes = await services.dialogs.confirm({
        title: 'Synchronize Software Updates',
        question: 'Are you sure that you want to synchronize software updates?',
      });
      if (!isYes) return;
      try {
        const { jobId } = await services.api.call('sync.start', { isFull: false });
        services.notices.show('info', `Synchronize Software Updates started as job ${jobId}.`);
        services.revealJobs();
        await services.jobs.track(jobId);
      } catch (error) {
        services.notices.showError('Software updates synchronization could not start', error);
      }
    },
  };
}

/** A Home tab group with the action alone; `label` names the group after its node, as the console does. */
export function synchronizeGroup<Row>(label: string): RibbonGroup<Row> {
  return { label, actions: [synchronizeSoftwareUpdatesAction<Row>()] };
}
