import { makeStyles, tokens } from '@fluentui/react-components';
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

export interface ComplianceCounts {
  required: number;
  notRequired: number;
  installed: number;
  unknown: number;
}

// ConfigMgr's palette for the compliance chart: red required, green installed, grey unknown.
const slices = [
  { key: 'required', label: 'Required', colour: '#d13438' },
  { key: 'notRequired', label: 'Not Required', colour: '#8fc27f' },
  { key: 'installed', label: 'Installed', colour: '#107c10' },
  { key: 'unknown', label: 'Unknown', colour: '#a19f9d' },
] as const;

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
  let angle = -Math.PI / 2;
  const arcs = slices.flatMap((slice) => {
    const value = counts[slice.key];
    if (total === 0 || value === 0) return [];
    const sweep = (value / total) * Math.PI * 2;
    const start = angle;
    angle += sweep;
    if (value === total)
      return [<circle key={slice.key} cx="40" cy="40" r="36" fill={slice.colour} />];
    const [x1, y1, x2, y2] = [
      40 + 36 * Math.cos(start),
      40 + 36 * Math.sin(start),
      40 + 36 * Math.cos(angle),
      40 + 36 * Math.sin(angle),
    ];
    const path = `M40,40 L${x1},${y1} A36,36 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2},${y2} Z`;
    return [<path key={slice.key} d={path} fill={slice.colour} />];
  });
  return (
    <div>
      <div className={styles.chart}>
        <svg width="80" height="80" viewBox="0 0 80 80" role="img" aria-label="Compliance">
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
        <div className={styles.legend}>
          {slices.map((slice) => (
            <div key={slice.key} style={{ display: 'contents' }}>
              <span className={styles.swatch} style={{ background: slice.colour }} />
              <span>{slice.label}</span>
              <span className={styles.number}>{counts[slice.key]}</span>
              <span className={styles.number}>
                {total === 0 ? '0%' : `${Math.round((100 * counts[slice.key]) / total)}%`}
              </span>
            </div>
          ))}
        </div>
      </div>
      <div className={styles.note}>
        {total === 0
          ? 'No client has reported a scan for this update yet.'
          : `Last summarized ${summarizedAt ? formatDateTime(summarizedAt) : 'live, as state messages arrive'}.`}
      </div>
    </div>
  );
}
