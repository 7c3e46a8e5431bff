import { CalendarClockRegular, DeleteRegular, PlayRegular } from '@fluentui/react-icons';
import type { ReportSchedule } from '../../shared/contract/reports';
import type { SiteApi } from '../../shared/api/site-api';
import { arrayPage } from '../content/array-source';
import { dateColumn } from '../nodes/column-kinds';
import { defineListNode } from '../nodes/types';
import { describeCustomSchedule } from '../sup/schedule-text';

/** The site's job kind for a scheduled report run (src/main/site/reports/report-schedules.ts). */
const scheduledReportJobKind = 'report.scheduled';

/** A schedule with its parameters as the admin chose them: names, not ids. */
type ScheduleRow = ReportSchedule & { readonly parameterText: string };

const parameterText = (schedule: ScheduleRow) => schedule.parameterText;

/**
 * "Collection: All Systems" rather than "collection=1": each parameter's label and the text of
 * its value, read from the pickers' lists (a value a long list leaves out stays as stored).
 */
async function withParameterText(
  api: SiteApi,
  schedules: readonly ReportSchedule[],
): Promise<ScheduleRow[]> {
  if (schedules.length === 0) return [];
  const { categories } = await api.call('reports.list', {});
  const definitions = new Map(
    categories.flatMap((category) => category.reports.map((report) => [report.name, report])),
  );
  const kinds = new Set(
    schedules.flatMap((schedule) =>
      (definitions.get(schedule.report)?.parameters ?? [])
        .filter((parameter) => schedule.parameters[parameter.name] !== undefined)
        .map((parameter) => parameter.kind),
    ),
  );
  const labels = new Map<string, string>();
  for (const kind of kinds) {
    const { values } = await api.call('reports.parameterValues', { kind });
    for (const value of values) labels.set(`${kind}/${value.value}`, value.label);
  }
  return schedules.map((schedule) => {
    const parameters = definitions.get(schedule.report)?.parameters ?? [];
    const text = Object.entries(schedule.parameters).map(([name, value]) => {
      const parameter = parameters.find((each) => each.name === name);
      if (!parameter) return `${name}: ${value}`;
      return `${parameter.label}: ${labels.get(`${parameter.kind}/${value}`) ?? value}`;
    });
    return { ...schedule, parameterText: text.join('; ') };
  });
}

/**
 * Monitoring > Reporting > Subscriptions: reports scheduled to write their file into a folder on
 * the site server, as durable jobs, with their next and last run and what went wrong last.
 */
export function scheduledReportsNode(parentId: string) {
  return defineListNode<ScheduleRow>({
    id: 'monitoring.reporting.subscriptions',
    title: 'Subscriptions',
    icon: CalendarClockRegular,
    workspace: 'monitoring',
    parentId,
    columns: [
      {
        id: 'report',
        header: 'Report',
        isDefault: true,
        sortKey: 'report',
        width: 340,
        text: (s) => s.report,
      },
      { id: 'parameters', header: 'Parameters', isDefault: true, width: 220, text: parameterText },
      {
        id: 'format',
        header: 'Format',
        isDefault: true,
        width: 70,
        text: (s) => s.format.toUpperCase(),
      },
      {
        id: 'schedule',
        header: 'Schedule',
        isDefault: true,
        width: 260,
        text: (s) => describeCustomSchedule(s.schedule),
      },
      { id: 'folder', header: 'Folder', isDefault: true, width: 240, text: (s) => s.folder },
      dateColumn<ScheduleRow>('nextRunAt', 'Next Run', (s) => s.nextRunAt ?? '', {
        isDefault: true,
      }),
      dateColumn<ScheduleRow>('lastRunAt', 'Last Run', (s) => s.lastRunAt ?? '', {
        isDefault: true,
        sortKey: 'lastRunAt',
      }),
      {
        id: 'lastError',
        header: 'Last Error',
        isDefault: true,
        width: 320,
        text: (s) => s.lastError ?? '',
      },
      { id: 'lastFile', header: 'Last File', width: 320, text: (s) => s.lastFile ?? '' },
      { id: 'createdBy', header: 'Created By', width: 140, text: (s) => s.createdBy },
    ],
    rowId: (schedule) => String(schedule.id),
    source:
      ({ api }) =>
      async (query) =>
        arrayPage(
          await withParameterText(api, await api.call('reports.schedules.list', {})),
          query,
          (s) => `${s.report} ${s.folder} ${s.lastError ?? ''} ${parameterText(s)}`,
        ),
    searchHint: 'Search report, folder or error',
    emptyText:
      'No report is scheduled. Open a report, choose its parameters, and Schedule it to write its file to a folder (or: patchbay report schedule).',
    ribbon: [
      {
        label: 'Subscription',
        actions: [
          {
            id: 'reports.schedules.runNow',
            label: 'Run Now',
            icon: PlayRegular,
            description: 'Runs the selected scheduled report now, as a job; its next run stays.',
            isEnabled: ({ selection }) => selection.length === 1,
            run: async ({ selection, services, list }) => {
              await services.api.call('reports.schedules.runNow', { id: selection[0]!.id });
              services.revealJobs();
              list.refresh();
            },
          },
          {
            id: 'reports.schedules.delete',
            label: 'Delete',
            icon: DeleteRegular,
            description: 'Removes the selected scheduled reports; files already written stay.',
            isEnabled: ({ selection }) => selection.length > 0,
            run: async ({ selection, services, list }) => {
              const isYes = await services.dialogs.confirm({
                title: 'Confirm Delete',
                question:
                  selection.length === 1
                    ? `Are you sure you want to delete the subscription to "${selection[0]!.report}"?`
                    : `Are you sure you want to delete the ${selection.length} selected subscriptions?`,
              });
              if (!isYes) return;
              for (const schedule of selection)
                await services.api.call('reports.schedules.delete', { id: schedule.id });
              list.setSelection([]);
              list.refresh();
            },
          },
        ],
      },
    ],
    // A scheduled run is a job of its own kind: its end changes Last Run, Last File, Last Error.
    onEvent: (event, list) => {
      if (event.type === 'job.changed' && event.job.kind === scheduledReportJobKind)
        list.refreshSoon();
    },
  });
}
