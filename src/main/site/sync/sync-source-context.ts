import type { JobContext } from '../jobs/job-handler';
import type { ComponentLog } from '../logs/component-log';
import type { SyncSourceContext } from './sync-payload';

/**
 * What a synchronization source sees of the running job: cancellation, a work folder, the log
 * lines of wsyncmgr.log and the 6704 phase's progress ("processed X out of Y items").
 */
export function sourceContext(
  context: JobContext<unknown>,
  workFolder: string,
  log: ComponentLog,
  state: { isFull: boolean; previousDigest: string | null; selectionKey: string },
): SyncSourceContext {
  let lastLogged = 0;
  return {
    ...state,
    signal: context.signal,
    workFolder,
    log: (text) => {
      log.info(text);
      void context.log(text);
    },
    progress: (done, total) => {
      const percent = total > 0 ? Math.floor((100 * done) / total) : 0;
      const text =
        total > 0
          ? `Synchronizing WSUS Server: processed ${done} out of ${total} items (${percent}%)`
          : `Synchronizing WSUS Server: processed ${done} items`;
      context.progress(total > 0 ? 0.4 * (done / total) : 0.05, text);
      if (Date.now() - lastLogged > 2000 || (total > 0 && done === total)) {
        lastLogged = Date.now();
        log.info(
          `sync: WSUS synchronizing updates, ${text.replace('Synchronizing WSUS Server: ', '')}`,
        );
      }
    },
  };
}
