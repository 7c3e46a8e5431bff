import { runInAction } from 'mobx';
import { errorSentence } from '../properties/error-sentence';

/** The part of a dialog's draft that a submit drives: busy while it runs, the site's sentence after. */
export interface SubmittingDraft {
  isBusy: boolean;
  problem: string | null;
}

/**
 * Runs a dialog's OK: the draft is busy meanwhile and, if the site refuses, shows the site's
 * sentence as its problem. True when the work finished, so the dialog can close.
 */
export async function submitDialog(
  draft: SubmittingDraft,
  work: () => Promise<void>,
): Promise<boolean> {
  runInAction(() => {
    draft.isBusy = true;
    draft.problem = null;
  });
  try {
    await work();
    return true;
  } catch (error) {
    runInAction(() => (draft.problem = errorSentence(error)));
    return false;
  } finally {
    runInAction(() => (draft.isBusy = false));
  }
}
