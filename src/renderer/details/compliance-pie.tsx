import { makeStyles, tokens } from '@fluentui/react-components';
import { stateColours } from '../compliance/state-colours';
import { formatDateTime } from '../format';

const useStyles = makeStyles({
  chart: { display: 'flex', gap: '16px', alignItems: 'center' },
  legend: {
    display: 'grid',
    gridTemplateColumns: 'auto auto auto auto',
    columnGap: '10px',
    rowGap: '2px',
    fontSize: '12px',
  },
  swatch: { width: '10px', height: '10px', borderRadius: '2px', alignSelf: 'center' },
  number: { textAlign: 'right' },
  note: { color: tokens.colorNeutralForeground3, fontSize: '11px', marginTop: '6px' },
});

export interface PieSlice {
  readonly label: string;
  readonly colour: string;
  readonly value: number;
}

/** A pie with its legend (label, count, percent): the shape of the console's compliance charts. */
export function PieChart({ slices, label }: { slices: readonly PieSlice[]; label: string }) {
  const styles = useStyles();
  const total = slices.reduce((sum, slice) => sum + slice.value, 0);
  let angle = -Math.PI / 2;
  const arcs = slices.flatMap((slice) => {
    if (total === 0 || slice.value === 0) return [];
    const sweep = (slice.value / total) * Math.PI * 2;
    const start = angle;
    angle += sweep;
    if (slice.value === total)
      return [<circle key={slice.label} cx="40" cy="40" r="36" fill={slice.colour} />];
    const [x1, y1, x2, y2] = [
      40 + 36 * Math.cos(start),
      40 + 36 * Math.sin(start),
      40 + 36 * Math.cos(angle),
      40 + 36 * Math.sin(angle),
    ];
    const path = `M40,40 L${x1},${y1} A36,36 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`;
    return [<path key={slice.label} d={path} fill={slice.colour} />];
  });
  return (
    <div className={styles.chart}>
      <svg width="80" height="80" viewBox="0 0 80 80" role="img" aria-label={label}>
        {total === 0 ? (
          <circle
            cx="40"
            cy="40"
            r="36"
            fill="none"
            stroke={tokens.colorNeutralStroke1}
            strokeDasharray="4 3"
          />
        ) : (
          arcs
        )}
      </svg>
      <div className={styles.legend} data-testid="pie-legend">
        {slices.map((slice) => (
          <div key={slice.label} style={{ display: 'contents' }}>
            <span className={styles.swatch} style={{ background: slice.colour }} />
            <span>{slice.label}</span>
            <span className={styles.number} data-testid={`pie-${slice.label}`}>
              {slice.value.toLocaleString()}
            </span>
            <span className={styles.number}>
              {/* Truncated like every percentage the site reports: 99.9 never reads as 100. */}
              {total === 0 ? '0%' : `${Math.floor((100 * slice.value) / total)}%`}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}

export interface ComplianceCounts {
  required: number;
  notRequired: number;
  installed: number;
  unknown: number;
}

/** The Summary tab's compliance pie (§3.6): counts and percent, and when they were summarized. */
export function CompliancePie({
  counts,
  summarizedAt,
}: {
  counts: ComplianceCounts;
  summarizedAt: string | null;
}) {
  const styles = useStyles();
  const total = counts.required + counts.notRequired + counts.installed + counts.unknown;
  return (
    <div>
      <PieChart
        label="Compliance"
        slices={[
          { label: 'Required', colour: stateColours.Required, value: counts.required },
          {
            label: 'Not Required',
            colour: stateColours['Not Required'],
            value: counts.notRequired,
          },
          { label: 'Installed', colour: stateColours.Installed, value: counts.installed },
          { label: 'Unknown', colour: stateColours.Unknown, value: counts.unknown },
        ]}
      />
      <div className={styles.note}>
        {total === 0
          ? 'No client has reported a scan for this update yet.'
          : `Live from state messages${summarizedAt ? `; last summarized ${formatDateTime(summarizedAt)}` : ''}.`}
      </div>
    </div>
  );
}
