import { MessageBar, MessageBarBody, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { ConsoleServices } from '../../stores/console-services';
import { WizardFrame } from '../WizardFrame';
import { WizardProgress } from '../WizardProgress';
import { WizardFlow, type WizardStep } from '../wizard-flow';
import { DownloadCompletionPage } from './completion-page';
import { DeploymentPackagePage } from './deployment-package-page';
import { DistributionPointsPage } from './distribution-points-page';
import type { DownloadPageId, DownloadTarget } from './download-draft';
import { DownloadWizardStore } from './download-wizard-store';
import { LanguageSelectionPage } from './language-selection-page';
import { DistributionSettingsPage, DownloadLocationPage } from './settings-pages';
import { DownloadSummaryPage } from './summary-page';

/**
 * The Download Software Updates Wizard (spec §6.2), for updates selected in a list or for a
 * software update group. Its store holds the draft; the frame does the paging.
 */
export const DownloadWizard = observer(function DownloadWizard({
  target,
  services,
  close,
}: {
  target: DownloadTarget;
  services: ConsoleServices;
  close(): void;
}) {
  const [store] = useState(() => new DownloadWizardStore(services.api, target));
  const [flow] = useState(
    () =>
      new WizardFlow<DownloadPageId>(
        store,
        { jobs: services.jobs, revealJobs: () => services.revealJobs() },
        close,
      ),
  );
  useEffect(() => void store.load(), [store]);

  const renderStep = (step: WizardStep<DownloadPageId>) => {
    if (store.isLoading) {
      return <Spinner size="small" label="Reading packages, distribution points and languages…" />;
    }
    if (store.loadError) {
      return (
        <MessageBar intent="error">
          <MessageBarBody>
            The wizard could not read what it offers from the site: {store.loadError}
          </MessageBarBody>
        </MessageBar>
      );
    }
    switch (step) {
      case 'deploymentPackage':
        return <DeploymentPackagePage store={store} flow={flow} />;
      case 'distributionPoints':
        return <DistributionPointsPage store={store} />;
      case 'distributionSettings':
        return <DistributionSettingsPage store={store} />;
      case 'downloadLocation':
        return <DownloadLocationPage store={store} flow={flow} />;
      case 'languageSelection':
        return <LanguageSelectionPage store={store} flow={flow} />;
      case 'summary':
        return <DownloadSummaryPage store={store} />;
      case 'progress':
        return (
          <WizardProgress job={flow.job} services={services} waitingText="Starting the download…" />
        );
      case 'completion':
        return <DownloadCompletionPage store={store} job={flow.job} />;
    }
  };

  return (
    <WizardFrame<DownloadPageId>
      flow={flow}
      title="Download Software Updates Wizard"
      icon={ArrowDownloadRegular}
      renderStep={renderStep}
    />
  );
});
