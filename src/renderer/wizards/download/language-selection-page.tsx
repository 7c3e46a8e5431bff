import { Checkbox } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useTabStyles } from '../../sup/tab-styles';
import { usePageStyles } from '../page-styles';
import type { PageFields } from '../page-problems';
import type { DownloadWizardStore } from './download-wizard-store';

/**
 * Language Selection (§6.2): the languages whose update files are downloaded, preset from the
 * Software Update File languages of the site's software update point. Language-neutral files
 * are always downloaded.
 */
export const LanguageSelectionPage = observer(function LanguageSelectionPage({
  store,
  flow,
}: {
  store: DownloadWizardStore;
  flow: PageFields<'languageSelection'>;
}) {
  const styles = usePageStyles();
  const tabStyles = useTabStyles();
  const chosen = new Set(store.draft.languages);
  const problem = flow.problemFor('languageSelection', 'languages');
  return (
    <>
      <p className={styles.intro}>
        Select the languages of the software update files to download. Files that do not depend on a
        language are always downloaded.
      </p>
      <div
        className={tabStyles.scrollBox}
        style={{ height: '250px' }}
        role="group"
        aria-label="Languages"
      >
        {store.languageOptions.map((language) => (
          <div key={language.code}>
            <Checkbox
              className={tabStyles.listCheckbox}
              label={language.name}
              checked={chosen.has(language.code)}
              onChange={(_event, data) => {
                store.setLanguage(language.code, data.checked === true);
                flow.touch('languageSelection', 'languages');
              }}
            />
          </div>
        ))}
      </div>
      {problem && (
        <p className={styles.problem} role="alert">
          {problem}
        </p>
      )}
      <p className={styles.note}>
        An update whose files exist only in languages not selected here is not downloaded.
      </p>
    </>
  );
});
