import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { RocketRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import { SettingsPageView } from '../../deployments/settings-page-view';
import type { ConsoleServices } from '../../stores/console-services';
import { DeploymentPackagePage } from '../download/deployment-package-page';
import { DistributionPointsPage } from '../download/distribution-points-page';
import { LanguageSelectionPage } from '../download/language-selection-page';
import { DownloadLocationPage } from '../download/settings-pages';
import { WizardFrame } from '../WizardFrame';
import { WizardProgress } from '../WizardProgress';
import { WizardFlow, type WizardStep } from '../wizard-flow';
import { DeployCompletionPage } from './completion-page';
import type { DeployPageId, DeployTarget } from './deploy-pages';
import { DeployWizardStore } from './deploy-wizard-store';
import { GeneralPage } from './general-page';
import { DeploySummaryPage } from './summary-page';

/**
 * The Deploy Software Updates Wizard (spec §7), for a software update group or for updates
 * selected in All Software Updates. Its store holds the draft; the frame does the paging.
 */
export const DeployWizard = observer(function DeployWizard({
  target,
  services,
  close,
}: {
  target: DeployTarget;
  services: ConsoleServices;
  close(): void;
}) {
  const [store] = useState(() => new DeployWizardStore(services.api, target));
  const [flow] = useState(
    () => new WizardFlow<DeployPageId>(store, { jobs: services.jobs }, close),
  );
  useEffect(() => void store.load(), [store]);

  const renderStep = (step: WizardStep<DeployPageId>) => {
    if (store.isLoading) {
      return <Spinner size="small" label="Reading what is deployed, collections and templates…" />;
    }
    if (store.loadError) {
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            The wizard could not read what it needs from the site: {store.loadError}
          </MessageBarBody>
        </MessageBar>
      );
    }
    switch (step) {
      case 'general':
        return <GeneralPage store={store} flow={flow} />;
      case 'deploymentSettings':
      case 'scheduling':
      case 'userExperience':
      case 'alerts':
      case 'downloadSettings':
        return <SettingsPageView page={step} draft={store.settings} fields={flow} />;
      case 'deploymentPackage':
        return <DeploymentPackagePage store={store.content} flow={flow} isDeployWizard />;
      case 'distributionPoints':
        return <DistributionPointsPage store={store.content} />;
      case 'downloadLocation':
        return <DownloadLocationPage store={store.content} flow={flow} />;
      case 'languageSelection':
        return <LanguageSelectionPage store={store.content} flow={flow} />;
      case 'summary':
        return <DeploySummaryPage store={store} />;
      case 'progress':
        return (
          <WizardProgress
            job={flow.job}
            services={services}
            waitingText="Starting the deployment…"
          />
        );
      case 'completion':
        return <DeployCompletionPage store={store} job={flow.job} />;
    }
  };

  return (
    <WizardFrame<DeployPageId>
      flow={flow}
      title="Deploy Software Updates Wizard"
      icon={RocketRegular}
      renderStep={renderStep}
    />
  );
});
