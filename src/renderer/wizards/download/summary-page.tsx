import { makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { prestageBehaviorLabels } from '../../../shared/contract/deployment-packages';
import { PropertyList, type PropertyRow } from '../../details/property-list';
import { formatBytes, formatCount } from '../../format';
import { usePageStyles } from '../page-styles';
import type { DownloadWizardStore } from './download-wizard-store';

const useStyles = makeStyles({
  section: { margin: '12px 0 4px', fontWeight: tokens.fontWeightSemibold },
});

/** Summary (§6.2): the choices of every page and what the site would fetch; Next starts it. */
export const DownloadSummaryPage = observer(function DownloadSummaryPage({
  store,
}: {
  store: DownloadWizardStore;
}) {
  const styles = useStyles();
  const pageStyles = usePageStyles();
  const { draft } = store;
  const names = (ids: readonly number[], list: readonly { id: number; name: string }[]) =>
    ids.map((id) => list.find((item) => item.id === id)?.name ?? String(id)).join(', ');

  const choices: PropertyRow[] = [
    { label: 'Software updates', value: store.target.description },
    store.isNewPackage
      ? { label: 'New deployment package', value: draft.name.trim() }
      : { label: 'Deployment package', value: store.selectedPackage?.name ?? '' },
  ];
  if (store.isNewPackage) {
    choices.push(
      { label: 'Description', value: draft.description.trim() },
      { label: 'Package source', value: draft.sourcePath.trim() },
      {
        label: 'Binary differential replication',
        value: draft.isBinaryDifferentialReplication ? 'Enabled' : 'Disabled',
      },
      {
        label: 'Distribution points',
        value: names(draft.distributionPointIds, store.distributionPoints) || 'None',
      },
      {
        label: 'Distribution point groups',
        value: names(draft.distributionPointGroupIds, store.distributionPointGroups) || 'None',
      },
      { label: 'Distribution priority', value: draft.priority },
      {
        label: 'On-demand distribution',
        value: draft.isOnDemandDistribution ? 'Enabled' : 'Disabled',
      },
      {
        label: 'Prestaged distribution points',
        value: prestageBehaviorLabels[draft.prestageBehavior],
      },
    );
  }
  choices.push(
    {
      label: 'Download location',
      value:
        draft.locationSource === 'internet'
          ? 'The Internet'
          : `A location on my network: ${draft.networkPath.trim()}`,
    },
    {
      label: 'Languages',
      value: draft.languages.map((code) => store.languageName(code)).join(', '),
    },
  );

  const preview = store.preview;
  return (
    <>
      <p className={pageStyles.intro}>
        Confirm the settings. Choose Next to download the software updates.
      </p>
      <PropertyList rows={choices} />
      <div className={styles.section}>Content</div>
      {store.previewError && (
        <p className={pageStyles.problem} role="alert">
          What the download would fetch could not be read: {store.previewError}
        </p>
      )}
      {!preview && !store.previewError && (
        <Spinner size="tiny" label="Reading what the download needs…" labelPosition="after" />
      )}
      {preview && (
        <div data-testid="download-preview">
          <PropertyList
            rows={[
              { label: 'Software updates', value: preview.updates.toLocaleString() },
              {
                label: 'Metadata only (no files)',
                value: preview.metadataOnly.toLocaleString(),
              },
              {
                label: 'Already in the package',
                value: preview.alreadyInPackage.toLocaleString(),
              },
              {
                label: 'Files to download',
                value: `${formatCount(preview.files, 'file')} (${formatBytes(preview.bytes)})`,
              },
              {
                label: 'Already in the content library',
                value: formatCount(preview.filesAlreadyInLibrary, 'file'),
              },
            ]}
          />
        </div>
      )}
    </>
  );
});
