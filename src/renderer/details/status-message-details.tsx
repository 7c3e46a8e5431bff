import { makeStyles, tokens } from '@fluentui/react-components';
import type { StatusMessage } from '../../shared/contract';
import { formatDateTime } from '../format';
import type { DetailsProps } from '../nodes/types';
import { PropertyList } from './property-list';
import { SeverityLabel } from './severity-icon';

const useStyles = makeStyles({
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(240px, 320px) minmax(0, 1fr)',
    gap: '16px',
    height: '100%',
    minHeight: 0,
  },
  description: {
    margin: 0,
    padding: '6px 8px',
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    overflowY: 'auto',
    userSelect: 'text',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontFamily: 'inherit',
    minHeight: 0,
  },
});

/** The full status message, as the console's Status Message Details dialog shows it. */
export function StatusMessageDetails({ row }: DetailsProps<StatusMessage>) {
  const styles = useStyles();
  return (
    <div className={styles.layout}>
      <PropertyList
        rows={[
          { label: 'Severity', value: <SeverityLabel severity={row.severity} /> },
          { label: 'Message ID', value: row.messageId },
          { label: 'Component', value: row.component },
          { label: 'Time', value: formatDateTime(row.time) },
          { label: 'Machine', value: row.machine },
          { label: 'Site Code', value: row.siteCode },
          { label: 'Job ID', value: row.jobId ?? '' },
        ]}
      />
      <pre className={styles.description} aria-label="Description">
        {row.message}
      </pre>
    </div>
  );
}
