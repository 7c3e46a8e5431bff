import { makeAutoObservable, observableRef, runInAction } from 'mobx';
import type { SiteApi } from '../../../shared/api/site-api';
import type {
  AutomaticDeploymentRule,
  AutomaticDeploymentRuleDetail,
  RuleDeployment,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeviceCollection } from '../../../shared/contract/collections';
import { errorSentence } from '../../properties/error-sentence';
import type { FieldPath } from '../../wizards/page-problems';
import type { WizardModel, WizardPage } from '../../wizards/wizard-flow';
import {
  RuleDeploymentDraft,
  ruleDeploymentPageIds,
  ruleDeploymentPageTitles,
  type RuleDeploymentPageId,
} from '../rule-deployment-draft';

export type AddDeploymentPageId = 'collection' | RuleDeploymentPageId;

/**
 * The Add Deployment wizard's draft (§8.4): a collection, then the pages of the rule's own
 * deployment, started from its settings. Finish is one request (`rules.addDeployment`): the
 * deployment shares the rule's group and package, so there is nothing to download.
 */
export class AddDeploymentStore implements WizardModel<AddDeploymentPageId> {
  collectionId: number | null = null;
  collections: DeviceCollection[] = [];
  detail: AutomaticDeploymentRuleDetail | null = null;
  draft = new RuleDeploymentDraft();
  isLoading = true;
  loadError: string | null = null;
  /** The rule after Finish, with the new deployment in its list. */
  result: AutomaticDeploymentRuleDetail | null = null;

  constructor(
    private readonly api: SiteApi,
    readonly rule: AutomaticDeploymentRule,
  ) {
    makeAutoObservable<AddDeploymentStore, 'api'>(this, {
      api: false,
      rule: false,
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
        const own = detail.deployments.find((deployment) => deployment.id === null);
        if (own) this.draft = new RuleDeploymentDraft(own.settings);
      });
    } catch (error) {
      runInAction(() => (this.loadError = errorSentence(error)));
    } finally {
      runInAction(() => (this.isLoading = false));
    }
  }

  get pages(): WizardPage<AddDeploymentPageId>[] {
    return [
      { id: 'collection', title: 'Collection' },
      ...ruleDeploymentPageIds.map((id) => ({ id, title: ruleDeploymentPageTitles[id] })),
    ];
  }

  get isDirty(): boolean {
    return this.collectionId !== null || this.draft.isDirty;
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

  problems(page: AddDeploymentPageId): ReadonlyMap<FieldPath, string> {
    if (page !== 'collection') return this.draft.problems(page);
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
      settings: this.draft.settings,
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
