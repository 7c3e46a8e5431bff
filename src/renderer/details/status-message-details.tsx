import type { StatusMessage } from '../../shared/contract';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertiesWithText } from './properties-with-text';
import { SeverityLabel } from './severity-icon';

/** The full status message, as the console's Status Message Details dialog shows it. */
export function StatusMessageDetails({ row }: DetailsProps<StatusMessage>) {
  return (
    <PropertiesWithText
      propertiesWidth="minmax(240px, 320px)"
      textLabel="Description"
      rows={[
        { label: 'Severity', value: <SeverityLabel severity={row.severity} /> },
        { label: 'Message ID', value: row.messageId },
        { label: 'Component', value: row.component },
        { label: 'Time', value: formatDateTime(row.time) },
        { label: 'Machine', value: row.machine },
        { label: 'Site Code', value: row.siteCode },
        { label: 'Job ID', value: row.jobId ?? '' },
      ]}
      text={row.message}
    />
  );
}
