import { Checkbox, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { SupSettingsDraft } from '../stores/sup-settings-draft';
import { useTabStyles } from './tab-styles';

const useStyles = makeStyles({
  box: { height: '290px', padding: 0 },
  table: { width: '100%', borderCollapse: 'collapse' },
  head: {
    position: 'sticky',
    top: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    textAlign: 'left',
    fontWeight: tokens.fontWeightRegular,
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
    zIndex: 1,
  },
  cell: { padding: '0 6px', borderBottom: `1px solid ${tokens.colorNeutralStroke3}` },
  check: { width: '150px', textAlign: 'center' },
});

const columns = [
  { field: 'updateFileLanguages', header: 'Software Update File' },
  { field: 'summaryDetailsLanguages', header: 'Summary Details' },
] as const;

/**
 * Languages (§2.3.8): per language, whether its update files are offered by the download and
 * deploy wizards, and whether synchronization fetches its titles and descriptions.
 */
export const LanguagesTab = observer(function LanguagesTab({ draft }: { draft: SupSettingsDraft }) {
  const tabStyles = useTabStyles();
  const styles = useStyles();
  const settings = draft.draft!;
  const chosen = {
    updateFileLanguages: new Set(settings.updateFileLanguages),
    summaryDetailsLanguages: new Set(settings.summaryDetailsLanguages),
  };
  const problems = columns.map((column) => draft.problem(column.field)).filter(Boolean);
  return (
    <>
      <p className={tabStyles.intro}>
        Select the languages of software update files and of summary details. Summary details chosen
        after the first synchronization apply to new and revised software updates only.
      </p>
      <div className={mergeClasses(tabStyles.scrollBox, styles.box)}>
        <table className={styles.table} aria-label="Languages">
          <thead>
            <tr>
              <th className={styles.head}>Language</th>
              {columns.map((column) => (
                <th key={column.field} className={mergeClasses(styles.head, styles.check)}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {draft.languages.map((language) => (
              <tr key={language.code}>
                <td className={styles.cell}>{language.name}</td>
                {columns.map((column) => (
                  <td key={column.field} className={mergeClasses(styles.cell, styles.check)}>
                    <Checkbox
                      className={tabStyles.listCheckbox}
                      aria-label={`${column.header}: ${language.name}`}
                      checked={chosen[column.field].has(language.code)}
                      onChange={(_event, data) =>
                        draft.setLanguage(column.field, language.code, data.checked === true)
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.map((problem) => (
        <p key={problem} className={tabStyles.problem} role="alert">
          {problem}
        </p>
      ))}
    </>
  );
});
