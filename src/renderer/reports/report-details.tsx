import { Link } from '@fluentui/react-components';
import type { ReportDefinition } from '../../shared/contract/reports';
import { PropertyList } from '../details/property-list';
import type { DetailsProps } from '../nodes/types';
import { openReport } from './open-report';

/** The details pane of a report: what it shows, what it asks for, and a Run link. */
export function ReportDetails({ row, services }: DetailsProps<ReportDefinition>) {
  return (
    <PropertyList
      rows={[
        { label: 'Name', value: row.name },
        { label: 'Category', value: row.category },
        { label: 'Description', value: row.description },
        {
          label: 'Parameters',
          value:
            row.parameters
              .map((parameter) => `${parameter.label}${parameter.required ? '' : ' (optional)'}`)
              .join(', ') || 'None',
        },
        {
          label: 'Reached by',
          value: row.isSecondary
            ? 'Clicking a row of its parent report (drill-through); it can also be run on its own.'
            : 'Running it from this list',
        },
        {
          label: 'Data',
          value: 'Live counters, read when the report runs (ConfigMgr reads summarized data)',
        },
        {
          label: 'Run',
          value: (
            <Link as="button" onClick={() => void openReport(services, row)}>
              Open in the Report Viewer
            </Link>
          ),
        },
      ]}
    />
  );
}
