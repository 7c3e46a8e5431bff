import {
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { makeAutoObservable, runInAction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { SiteApi } from '../../shared/api/site-api';
import type {
  AutomaticDeploymentRuleDetail,
  RuleDeployment,
} from '../../shared/contract/automatic-deployment-rules';
import { SettingsPageView } from '../deployments/settings-page-view';
import { errorSentence } from '../properties/error-sentence';
import { PropertiesActions } from '../properties/properties-actions';
import type { ConsoleServices } from '../stores/console-services';
import type { FieldPath, PageFields } from '../wizards/page-problems';
import type { RuleDraft } from '../wizards/adr/rule-draft';
import { rulePageTitles, settingFieldsOf, type RulePageId } from '../wizards/adr/rule-pages';
import { RuleDeploymentSchedulePage } from '../wizards/adr/schedule-pages';
import {
  ruleDeploymentPageIds,
  ruleDeploymentSettingsOf,
  ruleDraftForDeployment,
  type RuleDeploymentPageId,
} from './rule-deployment-settings';

const useStyles = makeStyles({
  surface: { width: 'min(900px, 92vw)', maxWidth: 'none' },
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  page: { height: 'min(440px, 58vh)', overflowY: 'auto', padding: '4px 2px 0' },
});

/**
 * The draft of one added deployment of a rule (Set-CMAutoDeploymentRuleDeployment): its pages
 * in the rule wizard's draft; OK and Apply send them to `rules.updateDeployment`.
 */
class RuleDeploymentPropertiesDraft implements PageFields<RulePageId> {
  readonly draft: RuleDraft;
  private saved: string;
  applyError: string | null = null;
  isApplying = false;

  constructor(
    private readonly api: SiteApi,
    private readonly ruleId: number,
    private readonly deploymentId: number,
    detail: AutomaticDeploymentRuleDetail,
    deployment: RuleDeployment,
  ) {
    this.draft = ruleDraftForDeployment(api, detail, deployment);
    this.saved = JSON.stringify(ruleDeploymentSettingsOf(this.draft));
    makeAutoObservable<RuleDeploymentPropertiesDraft, 'api' | 'ruleId' | 'deploymentId'>(this, {
      api: false,
      ruleId: false,
      deploymentId: false,
      draft: false,
    });
  }

  get isDirty(): boolean {
    return JSON.stringify(ruleDeploymentSettingsOf(this.draft)) !== this.saved;
  }

  problemFor(page: RulePageId, path: FieldPath): string | undefined {
    return this.draft.problems(page).get(path);
  }

  touch(): void {}

  leave(): void {}

  get hasProblems(): boolean {
    return ruleDeploymentPageIds.some((page) => this.draft.problems(page).size > 0);
  }

  async apply(): Promise<boolean> {
    if (!this.isDirty) return true;
    if (this.hasProblems) return false;
    this.isApplying = true;
    this.applyError = null;
    try {
      const settings = ruleDeploymentSettingsOf(this.draft);
      await this.api.call('rules.updateDeployment', {
        ruleId: this.ruleId,
        id: this.deploymentId,
        settings,
      });
      runInAction(() => (this.saved = JSON.stringify(settings)));
      return true;
    } catch (error) {
      runInAction(() => (this.applyError = errorSentence(error)));
      return false;
    } finally {
      runInAction(() => (this.isApplying = false));
    }
  }
}

/**
 * Edit on a rule's Deployments tab: an added deployment's Deployment Settings, Deployment
 * Schedule, User Experience, Alerts and Download Settings as tabs. The rule's own deployment is
 * edited in the rule's Properties.
 */
export function openRuleDeploymentProperties(
  services: ConsoleServices,
  detail: AutomaticDeploymentRuleDetail,
  deployment: RuleDeployment & { id: number },
): Promise<void> {
  // Made once, outside the render: the dialog layer renders the dialog again as it changes.
  const properties = new RuleDeploymentPropertiesDraft(
    services.api,
    detail.id,
    deployment.id,
    detail,
    deployment,
  );
  return services.dialogs.show((close) => (
    <RuleDeploymentPropertiesDialog
      properties={properties}
      title={`${detail.name} deployment to ${deployment.collectionName} Properties`}
      close={close}
    />
  ));
}

const RuleDeploymentPropertiesDialog = observer(function RuleDeploymentPropertiesDialog({
  properties,
  title,
  close,
}: {
  properties: RuleDeploymentPropertiesDraft;
  title: string;
  close(): void;
}) {
  const styles = useStyles();
  const [tab, setTab] = useState<RuleDeploymentPageId>('deploymentSettings');
  const { draft } = properties;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent className={styles.content}>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={tab}
              onTabSelect={(_event, data) => setTab(data.value as RuleDeploymentPageId)}
            >
              {ruleDeploymentPageIds.map((page) => (
                <Tab key={page} value={page}>
                  {rulePageTitles[page]}
                </Tab>
              ))}
            </TabList>
            {properties.applyError && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{properties.applyError}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.page} role="tabpanel" aria-label={rulePageTitles[tab]}>
              {tab === 'deploymentSchedule' ? (
                <RuleDeploymentSchedulePage draft={draft} fields={properties} />
              ) : (
                <SettingsPageView
                  page={tab}
                  draft={draft.settings}
                  fields={settingFieldsOf(properties)}
                  isPurposeFixed
                />
              )}
            </div>
          </DialogContent>
          <PropertiesActions
            isBusy={properties.isApplying}
            canApply={properties.isDirty && !properties.isApplying && !properties.hasProblems}
            apply={() => properties.apply()}
            close={close}
          />
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
