import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { SiteApi } from '../../shared/api/site-api';
import type { ReportName, ReportParameters } from '../../shared/contract/reports';
import type { CustomSchedule } from '../../shared/schedule/schedule';
import { CustomScheduleDialog } from '../sup/custom-schedule-dialog';
import { describeCustomSchedule } from '../sup/schedule-text';
import type { ReportFileFormat } from './report-viewer-store';

const useStyles = makeStyles({
  surface: { width: '560px', maxWidth: '94vw' },
  fields: { display: 'grid', gap: '10px' },
  schedule: { display: 'flex', alignItems: 'center', gap: '8px' },
  scheduleText: { flex: 1, fontSize: '12px' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '12px', margin: 0 },
  error: { color: tokens.colorPaletteRedForeground1, fontSize: '12px' },
});

const formats: { value: ReportFileFormat; label: string }[] = [
  { value: 'xlsx', label: 'Excel (XLSX)' },
  { value: 'pdf', label: 'PDF' },
  { value: 'csv', label: 'CSV' },
];

/** Next Monday 07:00 local: the security officer's Monday-morning workbook. */
function nextMondayMorning(now = new Date()): CustomSchedule {
  const date = new Date(now);
  date.setDate(date.getDate() + ((8 - date.getDay()) % 7 || 7));
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    kind: 'custom',
    start: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T07:00`,
    isUtc: false,
    recurrence: { pattern: 'weekly', everyWeeks: 1, day: 'Monday' },
  };
}

/**
 * Schedule the report shown, with its parameters, to write its file into a folder on the site
 * server (ConfigMgr's Create Subscription, to a file share). The site runs it as a durable job.
 */
export function CreateSubscriptionDialog({
  api,
  report,
  parameters,
  onDone,
}: {
  api: SiteApi;
  report: ReportName;
  parameters: ReportParameters;
  /** The sentence to show after a subscription was made, or null after Cancel. */
  onDone(sentence: string | null): void;
}) {
  const styles = useStyles();
  const [format, setFormat] = useState<ReportFileFormat>('xlsx');
  const [folder, setFolder] = useState('');
  const [schedule, setSchedule] = useState<CustomSchedule>(nextMondayMorning);
  const [isCustomizing, setCustomizing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setSaving] = useState(false);

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const created = await api.call('reports.schedules.create', {
        report,
        parameters,
        format,
        folder: folder.trim(),
        schedule,
      });
      onDone(
        `Scheduled ${report} as ${format.toUpperCase()} into ${created.folder}; see Monitoring > Reporting > Subscriptions.`,
      );
    } catch (caught) {
      setError((caught as Error).message);
      setSaving(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onDone(null)}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Create Subscription</DialogTitle>
          <DialogContent className={styles.fields}>
            <p className={styles.note}>
              {report}, with the parameters chosen in the viewer
              {Object.keys(parameters).length === 0
                ? ' (none)'
                : `: ${Object.entries(parameters)
                    .map(([name, value]) => `${name}=${value}`)
                    .join(', ')}`}
              .
            </p>
            <Field label="Render format:">
              <Dropdown
                value={formats.find((each) => each.value === format)?.label}
                selectedOptions={[format]}
                onOptionSelect={(_event, data) =>
                  data.optionValue && setFormat(data.optionValue as ReportFileFormat)
                }
              >
                {formats.map((each) => (
                  <Option key={each.value} value={each.value}>
                    {each.label}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label="Folder on the site server:" hint="An absolute path, e.g. /srv/reports">
              <Input value={folder} onChange={(_event, data) => setFolder(data.value)} />
            </Field>
            <Field label="Schedule:">
              <div className={styles.schedule}>
                <span className={styles.scheduleText}>{describeCustomSchedule(schedule)}</span>
                <Button size="small" onClick={() => setCustomizing(true)}>
                  Customize…
                </Button>
              </div>
            </Field>
            {error && (
              <div className={styles.error} role="alert">
                {error}
              </div>
            )}
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={isSaving || folder.trim() === ''}
              onClick={() => void save()}
            >
              OK
            </Button>
            <Button onClick={() => onDone(null)}>Cancel</Button>
          </DialogActions>
        </DialogBody>
        {isCustomizing && (
          <CustomScheduleDialog
            schedule={schedule}
            onDone={(changed) => {
              if (changed) setSchedule(changed);
              setCustomizing(false);
            }}
          />
        )}
      </DialogSurface>
    </Dialog>
  );
}
