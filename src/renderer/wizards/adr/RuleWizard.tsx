import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { FlowchartRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { ConsoleServices } from '../../stores/console-services';
import { DeploymentPackagePage } from '../download/deployment-package-page';
import { DistributionPointsPage } from '../download/distribution-points-page';
import { LanguageSelectionPage } from '../download/language-selection-page';
import { WizardFrame } from '../WizardFrame';
import { WizardProgress } from '../WizardProgress';
import { WizardFlow, type WizardStep } from '../wizard-flow';
import { RuleCompletionPage } from './completion-page';
import { RuleDownloadLocationPage } from './content-pages';
import { RuleGeneralPage } from './general-page';
import { RulePreviewPane } from './preview-pane';
import { RulePageView } from './rule-page-view';
import type { RulePageId } from './rule-pages';
import { RuleWizardStore } from './rule-wizard-store';
import { RuleSummaryPage } from './summary-page';

/**
 * The Create Automatic Deployment Rule Wizard (spec §8.2): every page in order; Summary's Next
 * creates the rule, which runs at once, and Progress follows that run.
 */
export const CreateRuleWizard = observer(function CreateRuleWizard({
  services,
  close,
}: {
  services: ConsoleServices;
  close(): void;
}) {
  const [store] = useState(() => new RuleWizardStore(services.api));
  const [flow] = useState(() => new WizardFlow<RulePageId>(store, { jobs: services.jobs }, close));
  const [isPreviewOpen, setPreviewOpen] = useState(false);
  useEffect(() => void store.load(), [store]);
  const { draft } = store;
  const openPreview = () => {
    setPreviewOpen(true);
    void store.runPreview();
  };

  const renderStep = (step: WizardStep<RulePageId>) => {
    if (draft.isLoading) {
      return (
        <Spinner size="small" label="Reading collections, templates and the catalog’s lists…" />
      );
    }
    if (draft.loadError) {
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            The wizard could not read what it needs from the site: {draft.loadError}
          </MessageBarBody>
        </MessageBar>
      );
    }
    switch (step) {
      case 'general':
        return (
          <RuleGeneralPage
            draft={draft}
            fields={flow}
            templates={store.templates}
            selectedTemplateKey={store.selectedTemplateKey}
            templatesError={store.templatesError}
            onSelectTemplate={(key) => store.selectTemplate(key)}
          />
        );
      case 'deploymentSettings':
      case 'softwareUpdates':
      case 'evaluationSchedule':
      case 'deploymentSchedule':
      case 'userExperience':
      case 'alerts':
      case 'downloadSettings':
        return <RulePageView page={step} draft={draft} fields={flow} onPreview={openPreview} />;
      case 'deploymentPackage':
        return <DeploymentPackagePage store={draft.content} flow={flow} isDeployWizard />;
      case 'distributionPoints':
        return <DistributionPointsPage store={draft.content} />;
      case 'downloadLocation':
        return <RuleDownloadLocationPage store={draft.content} flow={flow} />;
      case 'languageSelection':
        return <LanguageSelectionPage store={draft.content} flow={flow} />;
      case 'summary':
        return <RuleSummaryPage store={store} onPreview={openPreview} />;
      case 'progress':
        return (
          <WizardProgress job={flow.job} services={services} waitingText="Creating the rule…" />
        );
      case 'completion':
        return <RuleCompletionPage store={store} job={flow.job} />;
    }
  };

  return (
    <>
      <WizardFrame<RulePageId>
        flow={flow}
        title="Create Automatic Deployment Rule Wizard"
        icon={FlowchartRegular}
        renderStep={(step) => (
          <>
            {renderStep(step)}
            {isPreviewOpen && (
              <RulePreviewPane
                preview={store.preview}
                error={store.previewError}
                isLoading={store.isPreviewing}
                isPackageChosen={store.isPackageChosen}
                onClose={() => {
                  setPreviewOpen(false);
                  store.clearPreview();
                }}
              />
            )}
          </>
        )}
      />
    </>
  );
});
