import { makeAutoObservable, observable, runInAction } from 'mobx';
import type { Job } from '../../shared/contract';
import { errorSentence } from '../properties/error-sentence';
import { isJobActive, type JobsStore } from '../stores/jobs-store';
import type { FieldPath } from './page-problems';

/** The pages every wizard ends with, after its own input pages. */
export type ClosingStep = 'summary' | 'progress' | 'completion';
export type WizardStep<PageId extends string> = PageId | ClosingStep;

export interface WizardPage<PageId extends string> {
  readonly id: PageId;
  /** The page's name in the left list and its heading, as ConfigMgr spells it. */
  readonly title: string;
}

/**
 * What a wizard's own store gives the frame: its input pages (they may change with the draft,
 * e.g. Distribution Points only for a new package), the sentence for each invalid field of a
 * page, whether the admin changed anything, and the start of the site's job.
 */
export interface WizardModel<PageId extends string> {
  readonly pages: readonly WizardPage<PageId>[];
  problems(page: PageId): ReadonlyMap<FieldPath, string>;
  readonly isDirty: boolean;
  /**
   * Summary's Next: asks the site to do the work and returns the job to follow, or null when
   * the request itself did the work (Add Deployment of a rule): Completion follows at once.
   */
  start(): Promise<number | null>;
  /** The Summary page opens, e.g. to read what the job would do. */
  enterSummary?(): void;
  /**
   * What only the site can tell about a page (a package source that is missing, not writable
   * or another package's), asked when a field of the page is left and on Next: the sentence
   * for each field, an empty map when the page is fine. A page with a problem is not left
   * forward, so nothing waits to be refused at the top of Summary.
   */
  checkPage?(page: PageId): Promise<ReadonlyMap<FieldPath, string>>;
}

export interface WizardServices {
  readonly jobs: JobsStore;
  /** Opens the Jobs panel, so the job stays in sight once the wizard is closed. */
  revealJobs?(): void;
}

const closingTitles: Record<ClosingStep, string> = {
  summary: 'Summary',
  progress: 'Progress',
  completion: 'Completion',
};

/**
 * The navigation of a ConfigMgr wizard, shared by every wizard: which page is shown, which pages
 * the left list lets the admin jump to (none after an invalid one), when a field's sentence is
 * shown (once the field was touched, or Next was pressed on its page), and the job Summary
 * started, followed live from the jobs store until the Completion page.
 */
export class WizardFlow<PageId extends string> {
  private current: WizardStep<PageId>;
  /** Pages where Next was pressed: every sentence of the page shows, touched or not. */
  private readonly revealed = observable.set<string>();
  private readonly touched = observable.set<string>();
  /** The site's answer for each page it checked, until a field of that page changes again. */
  private readonly siteProblems = observable.map<string, ReadonlyMap<FieldPath, string>>();
  private checkCount = 0;
  /** A page's site check is under way: Next waits for it. */
  isChecking = false;
  jobId: number | null = null;
  /** The work was one request, done without a job (start() gave null). */
  private isDoneWithoutJob = false;
  isStarting = false;
  startError: string | null = null;
  isClosed = false;
  /**
   * The Cancel question is open. The frame asks it in a dialog nested in the wizard's own: a
   * sibling dialog would leave the wizard hidden from screen readers once it closed.
   */
  isAskingToCancel = false;

  constructor(
    readonly model: WizardModel<PageId>,
    private readonly services: WizardServices,
    private readonly onClose: () => void,
  ) {
    this.current = model.pages[0]!.id;
    makeAutoObservable<WizardFlow<PageId>, 'services' | 'onClose' | 'checkCount'>(this, {
      checkCount: false,
      model: false,
      services: false,
      onClose: false,
    });
  }

  /** Every step of the left list, in order. */
  get steps(): WizardPage<WizardStep<PageId>>[] {
    const closing = (['summary', 'progress', 'completion'] as const).map((id) => ({
      id,
      title: closingTitles[id],
    }));
    return [...this.model.pages, ...closing];
  }

  /** The step shown; a finished job moves Progress on to Completion by itself. */
  get step(): WizardStep<PageId> {
    if (this.current === 'progress' && this.job && !isJobActive(this.job)) return 'completion';
    return this.current;
  }

  get stepTitle(): string {
    return this.steps.find((step) => step.id === this.step)?.title ?? '';
  }

  get job(): Job | undefined {
    return this.jobId === null ? undefined : this.services.jobs.jobs.get(this.jobId);
  }

  get isStarted(): boolean {
    return this.jobId !== null || this.isDoneWithoutJob;
  }

  isInputPage(step: WizardStep<PageId>): step is PageId {
    return this.model.pages.some((page) => page.id === step);
  }

  /** The page's own checks, then what the site said about the fields they let through. */
  problems(page: PageId): ReadonlyMap<FieldPath, string> {
    const own = this.model.problems(page);
    const site = this.siteProblems.get(page);
    if (!site || site.size === 0) return own;
    const merged = new Map(own);
    for (const [path, sentence] of site) if (!merged.has(path)) merged.set(path, sentence);
    return merged;
  }

  isPageValid(page: PageId): boolean {
    return this.problems(page).size === 0;
  }

  /** The index of the first input page with a problem, or the number of input pages. */
  private get firstInvalidIndex(): number {
    const index = this.model.pages.findIndex((page) => !this.isPageValid(page.id));
    return index < 0 ? this.model.pages.length : index;
  }

  get isEveryPageValid(): boolean {
    return this.firstInvalidIndex === this.model.pages.length;
  }

  /** Whether the left list lets the admin jump to a step now. */
  canVisit(step: WizardStep<PageId>): boolean {
    if (this.isStarted || this.isStarting) return false;
    if (step === 'summary') return this.isEveryPageValid;
    const index = this.model.pages.findIndex((page) => page.id === step);
    return index >= 0 && index <= this.firstInvalidIndex;
  }

  get isCurrentValid(): boolean {
    const step = this.step;
    return !this.isInputPage(step) || this.isPageValid(step);
  }

  get canGoBack(): boolean {
    return !this.isStarted && !this.isStarting && this.step !== this.model.pages[0]?.id;
  }

  get canGoNext(): boolean {
    if (this.isStarting || this.isStarted) return false;
    return this.isInputPage(this.step) || this.step === 'summary';
  }

  /** The sentence beside a field, once the admin touched it or pressed Next on its page. */
  problemFor(page: PageId, path: FieldPath): string | undefined {
    const problem = this.problems(page).get(path);
    if (problem === undefined) return undefined;
    return this.revealed.has(page) || this.touched.has(`${page}:${path}`) ? problem : undefined;
  }

  /** Field setters call this, so a field's sentence appears while the admin types. */
  touch(page: PageId, path: FieldPath): void {
    this.touched.add(`${page}:${path}`);
    // The site's sentence was about the value before this change.
    const site = this.siteProblems.get(page);
    if (site?.has(path))
      this.siteProblems.set(page, new Map([...site].filter(([p]) => p !== path)));
  }

  /** A field loses focus: its sentence shows, and the site checks the page. */
  leave(page: PageId, path: FieldPath): void {
    this.touched.add(`${page}:${path}`);
    void this.check(page);
  }

  /**
   * Asks the site about a page: true when neither the page nor the site found a problem, null
   * when a newer check (the admin pressed Next as the field lost focus) took its place.
   */
  async check(page: PageId): Promise<boolean | null> {
    if (!this.model.checkPage || this.model.problems(page).size > 0) return this.isPageValid(page);
    const count = ++this.checkCount;
    this.isChecking = true;
    let found: ReadonlyMap<FieldPath, string>;
    try {
      found = await this.model.checkPage(page);
    } catch (error) {
      found = new Map([['', errorSentence(error)]]);
    }
    // Only the newest answer counts: an older check may come back after a newer one.
    if (count !== this.checkCount) return null;
    runInAction(() => {
      this.siteProblems.set(page, found);
      this.isChecking = false;
      for (const path of found.keys()) this.touched.add(`${page}:${path}`);
    });
    return found.size === 0;
  }

  /** The left list or Summary: forward past the current page only once the site agrees. */
  goTo(step: WizardStep<PageId>): void {
    const from = this.step;
    const isForward =
      this.steps.findIndex((each) => each.id === step) >
      this.steps.findIndex((each) => each.id === from);
    if (isForward && this.isInputPage(from) && this.model.checkPage) {
      void this.check(from).then((isFine) => {
        if (isFine === null || this.step !== from) return;
        if (isFine) this.show(step);
        else this.reveal(from);
      });
      return;
    }
    this.show(step);
  }

  private reveal(page: PageId): void {
    this.revealed.add(page);
  }

  private show(step: WizardStep<PageId>): void {
    if (!this.canVisit(step)) return;
    this.current = step;
    this.startError = null;
    if (step === 'summary') this.model.enterSummary?.();
  }

  goToSummary(): void {
    this.goTo('summary');
  }

  /** Next on an input page; on Summary it starts the job. An invalid page shows its sentences. */
  next(): void {
    const step = this.step;
    if (step === 'summary') {
      void this.start();
      return;
    }
    if (!this.isInputPage(step) || this.isStarted) return;
    if (!this.isPageValid(step)) {
      this.revealed.add(step);
      return;
    }
    if (!this.model.checkPage) return this.advance(step);
    void this.check(step).then((isFine) => {
      if (isFine === null || this.step !== step) return;
      if (isFine) this.advance(step);
      else this.reveal(step);
    });
  }

  private advance(step: PageId): void {
    const index = this.steps.findIndex((candidate) => candidate.id === step);
    this.current = this.steps[index + 1]!.id;
    if (this.current === 'summary') this.model.enterSummary?.();
  }

  previous(): void {
    if (!this.canGoBack) return;
    const index = this.steps.findIndex((candidate) => candidate.id === this.step);
    this.current = this.steps[Math.max(0, index - 1)]!.id;
    this.startError = null;
  }

  async start(): Promise<void> {
    if (this.isStarting || this.isStarted || !this.isEveryPageValid) return;
    this.isStarting = true;
    this.startError = null;
    try {
      const jobId = await this.model.start();
      if (jobId === null) {
        runInAction(() => {
          this.isDoneWithoutJob = true;
          this.current = 'completion';
        });
        return;
      }
      runInAction(() => {
        this.jobId = jobId;
        this.current = 'progress';
      });
      // The job's events keep the page live; this read only fills it before the first event.
      void this.services.jobs.track(jobId);
      this.services.revealJobs?.();
    } catch (error) {
      // The draft stays as typed on Summary; the admin can go back and change what was refused.
      runInAction(() => (this.startError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isStarting = false));
    }
  }

  /** Cancel or Escape: asks first when the admin would lose changes; Close once the job ran. */
  cancel(): void {
    if (this.isStarting) return;
    if (!this.isStarted && this.model.isDirty) this.isAskingToCancel = true;
    else this.close();
  }

  /** The answer to "cancel the wizard?": Yes closes it, No keeps the draft as it is. */
  answerCancel(isYes: boolean): void {
    this.isAskingToCancel = false;
    if (isYes) this.close();
  }

  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.onClose();
  }
}
