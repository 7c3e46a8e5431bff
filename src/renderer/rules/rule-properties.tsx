import {
  DialogContent,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { AutomaticDeploymentRule } from '../../shared/contract/automatic-deployment-rules';
import { SettingsPageView } from '../deployments/settings-page-view';
import type { PropertiesProps } from '../nodes/types';
import { errorSentence } from '../properties/error-sentence';
import { PropertiesActions, SelectOneContent } from '../properties/properties-actions';
import type { ConsoleServices } from '../stores/console-services';
import { RuleGeneralPage } from '../wizards/adr/general-page';
import { rulePageTitles, settingFieldsOf } from '../wizards/adr/rule-pages';
import {
  RuleDeploymentSchedulePage,
  RuleEvaluationSchedulePage,
} from '../wizards/adr/schedule-pages';
import { RuleAlertsPage, RuleDeploymentSettingsPage } from '../wizards/adr/setting-pages';
import { RuleSoftwareUpdatesPage } from '../wizards/adr/software-updates-page';
import { RulePropertiesDraft, ruleTabIds, type RuleTabId } from './rule-properties-draft';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '10px' },
  // Eight tabs are wider than the Properties dialog: the last ones wrap instead of being cut.
  tabs: { borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, flexWrap: 'wrap' },
  page: { height: 'min(460px, 58vh)', overflowY: 'auto', padding: '4px 2px 0' },
  invalid: { color: tokens.colorPaletteRedForeground1 },
});

/**
 * A rule's Properties (§8.3): the Create Automatic Deployment Rule Wizard's pages as tabs, from
 * General to Download Settings, with OK, Cancel and Apply. The deployment's type stays as created.
 */
export function RuleProperties({
  rows,
  services,
  close,
}: PropertiesProps<AutomaticDeploymentRule>) {
  if (rows.length > 1) {
    return (
      <SelectOneContent close={close}>
        Select one automatic deployment rule to see or change its properties.
      </SelectOneContent>
    );
  }
  return <RulePropertiesBody id={rows[0]!.id} services={services} close={close} />;
}

const RulePropertiesBody = observer(function RulePropertiesBody({
  id,
  services,
  close,
}: {
  id: number;
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const [properties, setProperties] = useState<RulePropertiesDraft | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState<RuleTabId>('general');
  useEffect(() => {
    let isCurrent = true;
    services.api
      .call('rules.get', { id })
      .then(async (detail) => {
        const draft = new RulePropertiesDraft(services.api, detail);
        await draft.load();
        if (draft.draft.loadError) throw new Error(draft.draft.loadError);
        if (isCurrent) setProperties(draft);
      })
      .catch((error: unknown) => isCurrent && setLoadError(errorSentence(error)));
    return () => {
      isCurrent = false;
    };
  }, [id, services]);

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          className={styles.tabs}
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as RuleTabId)}
        >
          {ruleTabIds.map((each) => (
            <Tab
              key={each}
              value={each}
              className={properties?.tabHasProblems(each) ? styles.invalid : undefined}
            >
              {rulePageTitles[each]}
            </Tab>
          ))}
        </TabList>
        {(loadError ?? properties?.applyError) && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>
              {loadError ? `The rule could not be read: ${loadError}` : properties?.applyError}
            </MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.page} role="tabpanel" aria-label={rulePageTitles[tab]}>
          {!properties && !loadError && <Spinner size="small" label="Reading the rule…" />}
          {properties && <RuleTab properties={properties} tab={tab} />}
        </div>
      </DialogContent>
      <PropertiesActions
        isBusy={!properties || properties.isApplying}
        canApply={
          !!properties && properties.isDirty && !properties.isApplying && !properties.hasProblems
        }
        apply={() => properties?.apply() ?? Promise.resolve(false)}
        close={close}
      />
    </>
  );
});

/** One tab: the wizard's page bound to the rule's draft; sentences show at once. */
const RuleTab = observer(function RuleTab({
  properties,
  tab,
}: {
  properties: RulePropertiesDraft;
  tab: RuleTabId;
}) {
  const { draft } = properties;
  switch (tab) {
    case 'general':
      return <RuleGeneralPage draft={draft} fields={properties} />;
    case 'deploymentSettings':
      return <RuleDeploymentSettingsPage draft={draft} fields={properties} isPurposeFixed />;
    case 'softwareUpdates':
      return <RuleSoftwareUpdatesPage draft={draft} fields={properties} />;
    case 'evaluationSchedule':
      return <RuleEvaluationSchedulePage draft={draft} fields={properties} />;
    case 'deploymentSchedule':
      return <RuleDeploymentSchedulePage draft={draft} fields={properties} />;
    case 'alerts':
      return <RuleAlertsPage draft={draft} fields={properties} />;
    case 'userExperience':
    case 'downloadSettings':
      return (
        <SettingsPageView page={tab} draft={draft.settings} fields={settingFieldsOf(properties)} />
      );
  }
});
