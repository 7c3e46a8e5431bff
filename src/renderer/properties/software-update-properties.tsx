import {
  DialogContent,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Tab,
  TabList,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import {
  UpdatePropertiesChange,
  type SoftwareUpdateDetails,
  type SoftwareUpdateRow,
} from '../../shared/contract/software-updates';
import { formatDateTime } from '../format';
import type { PropertiesProps } from '../nodes/types';
import { PropertyList } from '../details/property-list';
import { errorSentence } from './error-sentence';
import { PropertiesActions } from './properties-actions';
import { ProblemBar } from '../shell/OkCancelDialog';

const useStyles = makeStyles({
  content: { height: 'min(440px, 58vh)', overflow: 'auto', paddingTop: '8px' },
  grid: { width: '100%', borderCollapse: 'collapse', fontSize: '12px' },
  cell: {
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '3px 6px',
    textAlign: 'left',
  },
  heading: { fontWeight: tokens.fontWeightSemibold, margin: '8px 0 4px' },
  field: { maxWidth: '260px' },
});

type TabId = 'details' | 'content' | 'bundle' | 'supersedence' | 'license' | 'runTime' | 'severity';
const severities = ['', 'Critical', 'Important', 'Moderate', 'Low'] as const;

/**
 * Software update Properties (§3.7): every tab for one update; Maximum Run Time and Custom
 * Severity only for several, applied to all of them at once.
 */
export function SoftwareUpdateProperties({
  rows,
  services,
  close,
}: PropertiesProps<SoftwareUpdateRow>) {
  const styles = useStyles();
  const isSingle = rows.length === 1;
  const first = rows[0]!;
  const [tab, setTab] = useState<TabId>(isSingle ? 'details' : 'runTime');
  const [details, setDetails] = useState<SoftwareUpdateDetails | null>(null);
  const sameRunTime = rows.every((row) => row.maxRunTimeMinutes === first.maxRunTimeMinutes);
  const sameSeverity = rows.every((row) => row.customSeverity === first.customSeverity);
  const initial = useMemo(
    () => ({
      runTime: sameRunTime ? String(first.maxRunTimeMinutes) : '',
      severity: sameSeverity ? first.customSeverity : '',
    }),
    [first, sameRunTime, sameSeverity],
  );
  const [runTime, setRunTime] = useState(initial.runTime);
  const [severity, setSeverity] = useState<string>(initial.severity);
  const [saved, setSaved] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    if (!isSingle) return;
    services.api
      .call('updates.get', { ciId: first.ciId })
      .then(setDetails, (error: unknown) => setProblem(errorSentence(error)));
  }, [isSingle, first.ciId, services]);

  // The same schema the site applies, so the sentence beside the field is the site's own.
  const change = {
    ciIds: rows.map((row) => row.ciId),
    ...(runTime !== saved.runTime && runTime !== '' ? { maxRunTimeMinutes: Number(runTime) } : {}),
    ...(severity !== saved.severity ? { customSeverity: (severity || 'None') as 'None' } : {}),
  };
  const isDirty = runTime !== saved.runTime || severity !== saved.severity;
  const runTimeProblem =
    runTime === '' || runTime === saved.runTime
      ? null
      : /^\d+$/.test(runTime)
        ? (UpdatePropertiesChange.safeParse(change).error?.issues.find(
            (issue) => issue.path[0] === 'maxRunTimeMinutes',
          )?.message ?? null)
        : 'Enter a whole number of minutes from 5 to 9999.';

  const apply = async (): Promise<boolean> => {
    if (!isDirty) return true;
    if (runTimeProblem) {
      setTab('runTime');
      return false;
    }
    setBusy(true);
    setProblem(null);
    try {
      await services.api.call('updates.setProperties', change);
      setSaved({ runTime, severity });
      return true;
    } catch (error) {
      setProblem(errorSentence(error));
      return false;
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList
          size="small"
          selectedValue={tab}
          onTabSelect={(_event, data) => setTab(data.value as TabId)}
        >
          {isSingle && <Tab value="details">Update Details</Tab>}
          {isSingle && <Tab value="content">Content Information</Tab>}
          {isSingle && <Tab value="bundle">Custom Bundle Information</Tab>}
          {isSingle && <Tab value="supersedence">Supersedence Information</Tab>}
          {isSingle && first.hasLicenseTerms && <Tab value="license">Review License</Tab>}
          <Tab value="runTime">Maximum Run Time</Tab>
          <Tab value="severity">Custom Severity</Tab>
        </TabList>
        <ProblemBar problem={problem} />
        {tab === 'details' && (
          <PropertyList
            rows={[
              { label: 'Bulletin ID', value: first.bulletinId },
              { label: 'Article ID', value: first.articleId },
              { label: 'Date revised', value: formatDateTime(first.dateRevised) },
              { label: 'Maximum severity rating', value: first.severity || 'None' },
              { label: 'Description', value: details?.description ?? '' },
              {
                label: 'Applicable languages',
                value: details ? details.languages.join(', ') || 'All' : '',
              },
              { label: 'Affected products', value: first.products },
              { label: 'Restart behavior', value: details?.restartBehavior ?? '' },
              { label: 'More information', value: details?.informationUrl ?? '' },
              {
                label: 'CVEs',
                value:
                  details?.cves
                    .map(
                      (cve) =>
                        `${cve.id} (${cve.severity || 'no rating'}${cve.cvssBase === null ? '' : `, CVSS ${cve.cvssBase}`})`,
                    )
                    .join(', ') ?? '',
              },
            ]}
          />
        )}
        {tab === 'content' && (
          <table className={styles.grid}>
            <thead>
              <tr>
                {['Content ID', 'Downloaded', 'Language', 'Source Path', 'Size (MB)'].map(
                  (header) => (
                    <th key={header} className={styles.cell}>
                      {header}
                    </th>
                  ),
                )}
              </tr>
            </thead>
            <tbody>
              {(details?.contentFiles ?? []).map((file, index) => (
                <tr key={file.fileName}>
                  <td className={styles.cell}>{index + 1}</td>
                  <td className={styles.cell}>{first.isDownloaded ? 'Yes' : 'No'}</td>
                  <td className={styles.cell}>{file.language || 'All'}</td>
                  <td className={styles.cell}>{file.url}</td>
                  <td className={styles.cell}>{(file.size / 1_048_576).toFixed(2)}</td>
                </tr>
              ))}
              {details && details.contentFiles.length === 0 && (
                <tr>
                  <td className={styles.cell} colSpan={5}>
                    This update has no content: it is metadata only.
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        )}
        {tab === 'bundle' && (
          <p>
            {first.isBundle ? 'This update bundles other updates.' : 'This update is not a bundle.'}
          </p>
        )}
        {tab === 'supersedence' && (
          <>
            <p className={styles.heading}>
              This update has been superseded by the following updates:
            </p>
            <p>
              {details?.supersededBy.length
                ? details.supersededBy.map((u) => `${u.title}`).join('; ')
                : 'None'}
            </p>
            <p className={styles.heading}>This update supersedes the following updates:</p>
            <p>
              {details?.supersedes.length
                ? details.supersedes.map((u) => `${u.title || `KB${u.articleId}`}`).join('; ')
                : 'None'}
            </p>
          </>
        )}
        {tab === 'license' && (
          <pre style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }}>
            {details?.licenseTerms ?? 'Reading the license terms…'}
          </pre>
        )}
        {tab === 'runTime' && (
          <Field
            className={styles.field}
            label="Maximum run time (minutes)"
            validationState={runTimeProblem ? 'error' : 'none'}
            validationMessage={
              runTimeProblem ??
              (sameRunTime
                ? undefined
                : 'The selected updates differ; a value here sets all of them.')
            }
          >
            <Input
              type="number"
              min={5}
              max={9999}
              value={runTime}
              onChange={(_event, data) => setRunTime(data.value)}
            />
          </Field>
        )}
        {tab === 'severity' && (
          <Field
            className={styles.field}
            label="Custom severity"
            hint="Shown in the Custom Severity column and usable in searches."
          >
            <Dropdown
              value={severity || 'None'}
              selectedOptions={[severity]}
              onOptionSelect={(_event, data) => setSeverity(data.optionValue ?? '')}
            >
              {severities.map((value) => (
                <Option key={value || 'none'} value={value}>
                  {value || 'None'}
                </Option>
              ))}
            </Dropdown>
          </Field>
        )}
      </DialogContent>
      <PropertiesActions
        isBusy={isBusy}
        canApply={isDirty && !isBusy}
        apply={apply}
        close={close}
      />
    </>
  );
}
