import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import {
  RuleDeploymentSettings,
  type AutomaticDeploymentRule,
  type AutomaticDeploymentRuleDetail,
  type RuleDeployment,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeviceCollection } from '../../../shared/contract/collections';
import { errorSentence } from '../../properties/error-sentence';
import type { FieldPath } from '../../wizards/page-problems';
import type { RuleDraft } from '../../wizards/adr/rule-draft';
import { rulePageTitles } from '../../wizards/adr/rule-pages';
import {
  ruleDeploymentPageIds,
  ruleDeploymentSettingsOf,
  ruleDraftForDeployment,
} from '../rule-deployment-settings';
import type { WizardModel, WizardPage } from '../../wizards/wizard-flow';

/**
 * The pages of Add Deployment (§8.4), named as the rule wizard's so its page components serve:
 * "general" is the Collection page ("like General").
 */
export const addDeploymentPageIds = ['general', ...ruleDeploymentPageIds] as const;
export type AddDeploymentPageId = (typeof addDeploymentPageIds)[number];

const pageTitles: Record<AddDeploymentPageId, string> = {
  ...rulePageTitles,
  general: 'Collection',
};

/**
 * The Add Deployment wizard's draft (§8.4): a collection, then the deployment pages of the
 * rule wizard's own draft, started from the rule's own deployment. License terms and the
 * rule-failure alert belong to the rule, not to one deployment, so they are not asked. Finish is
 * one request (`rules.addDeployment`): the deployment shares the rule's group and package, so
 * nothing is downloaded.
 */
export class AddDeploymentStore implements WizardModel<AddDeploymentPageId> {
  collectionId: number | null = null;
  collections: DeviceCollection[] = [];
  detail: AutomaticDeploymentRuleDetail | null = null;
  draft: RuleDraft | null = null;
  private loadedSettings = '';
  isLoading = true;
  loadError: string | null = null;
  /** The rule after Finish, with the new deployment in its list. */
  result: AutomaticDeploymentRuleDetail | null = null;

  constructor(
    private readonly api: SiteApi,
    readonly rule: AutomaticDeploymentRule,
  ) {
    makeAutoObservable<AddDeploymentStore, 'api' | 'loadedSettings'>(this, {
      api: false,
      rule: false,
      loadedSettings: false,
      collections: observableRef,
      detail: observableRef,
      draft: observableRef,
      result: observableRef,
    });
  }

  async load(): Promise<void> {
    try {
      const [detail, collections] = await Promise.all([
        this.api.call('rules.get', { id: this.rule.id }),
        this.api.call('collections.list', {}),
      ]);
      runInAction(() => {
        this.detail = detail;
        this.collections = collections;
        this.draft = ruleDraftForDeployment(this.api, detail, null);
        this.loadedSettings = JSON.stringify(this.settings);
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isLoading = false));
    }
  }

  get pages(): WizardPage<AddDeploymentPageId>[] {
    return addDeploymentPageIds.map((id) => ({ id, title: pageTitles[id] }));
  }

  get isDirty(): boolean {
    return this.collectionId !== null || JSON.stringify(this.settings) !== this.loadedSettings;
  }

  setCollection(id: number): void {
    this.collectionId = id;
  }

  get selectedCollection(): DeviceCollection | undefined {
    return this.collections.find((collection) => collection.id === this.collectionId);
  }

  /** The collections the rule deploys to already, its own first. */
  get targeted(): RuleDeployment[] {
    return this.detail?.deployments ?? [];
  }

  /** The new deployment's pages as RuleDeploymentSettings reads them. */
  get settings(): RuleDeploymentSettings | null {
    return this.draft ? ruleDeploymentSettingsOf(this.draft) : null;
  }

  problems(page: AddDeploymentPageId): ReadonlyMap<FieldPath, string> {
    if (page !== 'general') return this.draft?.problems(page) ?? new Map();
    if (this.collectionId === null)
      return new Map([['collectionId', 'Choose a device collection.']]);
    const already = this.targeted.find((each) => each.collectionId === this.collectionId);
    return already
      ? new Map([
          [
            'collectionId',
            `The rule deploys to ${already.collectionName} already; choose another collection.`,
          ],
        ])
      : new Map();
  }

  async start(): Promise<null> {
    const detail = await this.api.call('rules.addDeployment', {
      ruleId: this.rule.id,
      collectionId: this.collectionId ?? 0,
      settings: this.settings ?? RuleDeploymentSettings.parse({}),
    });
    runInAction(() => (this.result = detail));
    return null;
  }

  /** The deployment Finish added, found in the rule's list by its collection. */
  get added(): RuleDeployment | undefined {
    return this.result?.deployments.find(
      (deployment) => deployment.id !== null && deployment.collectionId === this.collectionId,
    );
  }
}
