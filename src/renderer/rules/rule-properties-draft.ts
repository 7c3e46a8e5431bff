import { makeAutoObservable, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import type {
  AutomaticDeploymentRuleDetail,
  RuleChange,
} from '../../shared/contract/automatic-deployment-rules';
import { errorSentence } from '../properties/error-sentence';
import type { FieldPath, PageFields } from '../wizards/page-problems';
import { RuleDraft } from '../wizards/adr/rule-draft';
import { ruleSettingPageIds, type RulePageId } from '../wizards/adr/rule-pages';

/** The tabs of a rule's Properties: the wizard's pages before the content pages (§8.3). */
export type RuleTabId = (typeof ruleSettingPageIds)[number];
export const ruleTabIds: readonly RuleTabId[] = ruleSettingPageIds;

/**
 * A rule's Properties draft: the Create Automatic Deployment Rule Wizard's own RuleDraft, bound
 * to the saved rule, so every tab is the wizard's page. OK and Apply send only the pages that
 * changed to `rules.update` (a page left out keeps its value); the site's refusal is kept as a
 * sentence above the tabs, and the draft stays as typed.
 */
export class RulePropertiesDraft implements PageFields<RulePageId> {
  draft: RuleDraft;
  detail: AutomaticDeploymentRuleDetail;
  /** Each tab's value as loaded (or last applied), to tell which pages changed. */
  private saved = new Map<RuleTabId, string>();
  applyError: string | null = null;
  isApplying = false;

  constructor(
    private readonly api: SiteApi,
    detail: AutomaticDeploymentRuleDetail,
  ) {
    this.detail = detail;
    this.draft = new RuleDraft(api, detail.settings);
    makeAutoObservable<RulePropertiesDraft, 'api' | 'saved'>(this, {
      api: false,
      saved: false,
      draft: false,
    });
  }

  /** Reads what the pages pick from (collections, products, the sync schedule). */
  async load(): Promise<void> {
    await this.draft.load();
    this.remember();
  }

  private remember(): void {
    this.saved = new Map(ruleTabIds.map((tab) => [tab, JSON.stringify(this.draft.pageValue(tab))]));
  }

  get changedTabs(): RuleTabId[] {
    return ruleTabIds.filter(
      (tab) => this.saved.get(tab) !== JSON.stringify(this.draft.pageValue(tab)),
    );
  }

  get isDirty(): boolean {
    return !this.draft.isLoading && this.changedTabs.length > 0;
  }

  /** Properties shows every sentence at once: there is no Next to wait for. */
  problemFor(page: RulePageId, path: FieldPath): string | undefined {
    return this.draft.problems(page).get(path);
  }

  touch(): void {}

  leave(): void {}

  tabHasProblems(tab: RuleTabId): boolean {
    return this.draft.problems(tab).size > 0;
  }

  get hasProblems(): boolean {
    return ruleTabIds.some((tab) => this.tabHasProblems(tab));
  }

  get change(): RuleChange {
    const change: Record<string, unknown> = { id: this.detail.id };
    for (const tab of this.changedTabs) change[tab] = this.draft.pageValue(tab);
    return change as RuleChange;
  }

  /** OK and Apply: true once the site stored the change (or nothing changed). */
  async apply(): Promise<boolean> {
    if (!this.isDirty) return true;
    if (this.hasProblems) return false;
    this.isApplying = true;
    this.applyError = null;
    try {
      const detail = await this.api.call('rules.update', this.change);
      runInAction(() => {
        this.detail = detail;
        this.remember();
      });
      return true;
    } catch (error) {
      runInAction(() => (this.applyError = errorSentence(error)));
      return false;
    } finally {
      runInAction(() => (this.isApplying = false));
    }
  }
}
