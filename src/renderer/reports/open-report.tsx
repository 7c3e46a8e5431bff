import type { ReportDefinition, ReportName } from '../../shared/contract/reports';
import type { ConsoleServices } from '../stores/console-services';
import { ReportViewer } from './report-viewer';

/** Every report by name, for the viewer's drill-through to a report of another category. */
async function readDefinitions(services: ConsoleServices) {
  const { categories } = await services.api.call('reports.list', {});
  return new Map<ReportName, ReportDefinition>(
    categories.flatMap((category) => category.reports.map((report) => [report.name, report])),
  );
}

/** Opens the Report Viewer on a report, as double-clicking it or Run does in ConfigMgr. */
export async function openReport(services: ConsoleServices, report: ReportDefinition) {
  const definitions = await readDefinitions(services);
  await services.dialogs.show((close) => (
    <ReportViewer
      api={services.api}
      definitions={definitions}
      report={definitions.get(report.name) ?? report}
      onClose={close}
    />
  ));
}
