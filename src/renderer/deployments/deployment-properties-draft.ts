import { makeAutoObservable, runInAction } from 'mobx';
import type { SiteApi } from '../../shared/api/site-api';
import {
  DeploymentDescription,
  DeploymentName,
  type DeploymentChange,
  type DeploymentDetail,
} from '../../shared/contract/deployments';
import { errorSentence } from '../properties/error-sentence';
import { pageProblems, type PageFields } from '../wizards/page-problems';
import { DeploymentSettingsDraft, settingsPageIds, type SettingsPageId } from './settings-draft';

/** The tabs of a deployment's Properties: General, then the setting pages of the wizard. */
export type DeploymentTabId = 'general' | SettingsPageId;

function nowWallClock(): { local: string; utc: string } {
  const now = new Date();
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return { local: local.toISOString().slice(0, 16), utc: now.toISOString().slice(0, 16) };
}

/**
 * A deployment's Properties draft (§7.12): name, description and the setting pages, the
 * purpose fixed. Apply sends every page to `deployments.update` once each field passes the
 * site's own schemas; a refusal keeps the draft and shows the site's sentence.
 */
export class DeploymentPropertiesDraft implements PageFields<DeploymentTabId> {
  name: string;
  description: string;
  settings: DeploymentSettingsDraft;
  private isGeneralDirty = false;
  applyError: string | null = null;
  isApplying = false;

  constructor(
    private readonly api: SiteApi,
    public detail: DeploymentDetail,
  ) {
    this.name = detail.name;
    this.description = detail.description;
    this.settings = new DeploymentSettingsDraft(nowWallClock, detail.settings);
    makeAutoObservable<DeploymentPropertiesDraft, 'api'>(this, { api: false });
  }

  setGeneral(key: 'name' | 'description', value: string): void {
    this[key] = value;
    this.isGeneralDirty = true;
  }

  get isDirty(): boolean {
    return this.isGeneralDirty || this.settings.isDirty;
  }

  problems(tab: DeploymentTabId): ReadonlyMap<string, string> {
    if (tab !== 'general') return this.settings.problems(tab);
    const problems = new Map<string, string>();
    for (const [key, schema] of [
      ['name', DeploymentName],
      ['description', DeploymentDescription],
    ] as const) {
      const problem = pageProblems(schema, this[key]).get('');
      if (problem) problems.set(key, problem);
    }
    return problems;
  }

  /** Properties shows every sentence at once: there is no Next to wait for. */
  problemFor(tab: DeploymentTabId, path: string): string | undefined {
    return this.problems(tab).get(path);
  }

  touch(): void {}

  leave(): void {}

  get hasProblems(): boolean {
    return (['general', ...settingsPageIds] as const).some((tab) => this.problems(tab).size > 0);
  }

  get change(): DeploymentChange {
    const { purpose: _purpose, ...deploymentSettings } = this.settings.settings.deploymentSettings;
    const { settings } = this.settings;
    return {
      id: this.detail.id,
      name: this.name.trim(),
      description: this.description.trim(),
      deploymentSettings,
      scheduling: settings.scheduling,
      userExperience: settings.userExperience,
      alerts: settings.alerts,
      downloadSettings: settings.downloadSettings,
    };
  }

  /** OK and Apply: true once the site stored the change (or nothing changed). */
  async apply(): Promise<boolean> {
    if (!this.isDirty) return true;
    if (this.hasProblems) return false;
    this.isApplying = true;
    this.applyError = null;
    try {
      const detail = await this.api.call('deployments.update', this.change);
      runInAction(() => {
        this.detail = detail;
        this.name = detail.name;
        this.description = detail.description;
        this.settings = new DeploymentSettingsDraft(nowWallClock, detail.settings);
        this.isGeneralDirty = false;
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
