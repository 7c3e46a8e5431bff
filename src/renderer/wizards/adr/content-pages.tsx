import { observer } from 'mobx-react-lite';
import { DownloadLocationPage } from '../download/settings-pages';
import type { DownloadWizardStore } from '../download/download-wizard-store';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';

/**
 * Download Location of a rule (§8.2): the Download wizard's page; a network folder is also how a
 * rule takes third-party (SCUP) content from the top-level site's WSUS content share.
 */
export const RuleDownloadLocationPage = observer(function RuleDownloadLocationPage({
  store,
  flow,
}: {
  store: DownloadWizardStore;
  flow: PageFields<'downloadLocation'>;
}) {
  const styles = usePageStyles();
  return (
    <>
      <DownloadLocationPage store={store} flow={flow} />
      <p className={styles.note}>
        For third-party software updates published with System Center Updates Publisher, give the
        top-level site’s WSUS content share (for example \\server\WsusContent) as the network
        location.
      </p>
    </>
  );
});
