import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { AddSquareMultipleRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { AutomaticDeploymentRule } from '../../../shared/contract/automatic-deployment-rules';
import type { ConsoleServices } from '../../stores/console-services';
import { WizardFrame } from '../../wizards/WizardFrame';
import { WizardFlow, type WizardStep } from '../../wizards/wizard-flow';
import { SettingsPageView } from '../../deployments/settings-page-view';
import { settingFieldsOf } from '../../wizards/adr/rule-pages';
import { RuleDeploymentSchedulePage } from '../../wizards/adr/schedule-pages';
import { AddDeploymentStore, type AddDeploymentPageId } from './add-deployment-store';
import { CollectionPage } from './collection-page';
import { AddDeploymentCompletionPage } from './completion-page';
import { AddDeploymentSummaryPage } from './summary-page';

/**
 * Add Deployment (§8.4, New-CMAutoDeploymentRuleDeployment): Collection, Deployment Settings,
 * Deployment Schedule, User Experience, Alerts and Download Settings, the pages the rule's own
 * deployment has; Summary's Next adds it in one request.
 */
export const AddDeploymentWizard = observer(function AddDeploymentWizard({
  rule,
  services,
  close,
}: {
  rule: AutomaticDeploymentRule;
  services: ConsoleServices;
  close(): void;
}) {
  const [store] = useState(() => new AddDeploymentStore(services.api, rule));
  const [flow] = useState(
    () => new WizardFlow<AddDeploymentPageId>(store, { jobs: services.jobs }, close),
  );
  useEffect(() => void store.load(), [store]);

  const renderStep = (step: WizardStep<AddDeploymentPageId>) => {
    if (store.isLoading) return <Spinner size="small" label="Reading the rule and collections…" />;
    const { draft } = store;
    if (store.loadError || !draft) {
      return (
        <MessageBar intent="error">
          <MessageBarBody>The wizard could not read the rule: {store.loadError}</MessageBarBody>
        </MessageBar>
      );
    }
    switch (step) {
      case 'general':
        return <CollectionPage store={store} flow={flow} />;
      case 'deploymentSchedule':
        return <RuleDeploymentSchedulePage draft={draft} fields={flow} />;
      case 'summary':
        return <AddDeploymentSummaryPage store={store} />;
      case 'progress':
        return <Spinner size="small" label="Adding the deployment…" />;
      case 'completion':
        return <AddDeploymentCompletionPage store={store} />;
      default:
        // The Deploy wizard's pages; license terms and the rule-failure alert are the rule's.
        return (
          <SettingsPageView page={step} draft={draft.settings} fields={settingFieldsOf(flow)} />
        );
    }
  };

  return (
    <WizardFrame<AddDeploymentPageId>
      flow={flow}
      title="Add Deployment Wizard"
      icon={AddSquareMultipleRegular}
      renderStep={renderStep}
    />
  );
});
