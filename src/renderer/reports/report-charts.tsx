import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReportChart } from '../../shared/contract/reports';
import { groupStateColours, stateColours } from '../compliance/state-colours';
import { PieChart } from '../details/compliance-pie';

const useStyles = makeStyles({
  charts: { display: 'flex', flexWrap: 'wrap', gap: '12px', margin: '8px 0 12px' },
  chart: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    padding: '6px 10px 10px',
    minWidth: '300px',
  },
  title: { fontSize: '12px', fontWeight: tokens.fontWeightSemibold, margin: '0 0 6px' },
  empty: { color: tokens.colorNeutralForeground3, fontSize: '11px' },
});

/** The state colours the console uses everywhere, by the labels the reports give their slices. */
const knownColours: Record<string, string> = {
  ...stateColours,
  ...groupStateColours,
  'Non-Compliant': groupStateColours['Non-compliant'],
  'Healthy clients': '#107c10',
  'Total clients': '#0f6cbd',
  Failed: stateColours.Required,
  Error: stateColours.Required,
};
const otherColours = ['#0f6cbd', '#ca5010', '#8764b8', '#038387', '#986f0b', '#c239b3'];

function colourOf(label: string, index: number): string {
  return knownColours[label] ?? otherColours[index % otherColours.length]!;
}

/** A report's charts, side by side above its tables, as the SSRS originals lay them out. */
export function ReportCharts({ charts }: { charts: readonly ReportChart[] }) {
  const styles = useStyles();
  if (charts.length === 0) return null;
  return (
    <div className={styles.charts}>
      {charts.map((chart) => (
        <figure
          key={chart.title}
          className={styles.chart}
          data-testid={`chart-${chart.title}`}
          style={{ margin: 0 }}
        >
          <figcaption className={styles.title}>{chart.title}</figcaption>
          {chart.kind === 'pie' ? (
            <PieChart
              label={chart.title}
              slices={chart.points.map((point, index) => ({
                label: point.label,
                value: point.value,
                colour: colourOf(point.label, index),
              }))}
            />
          ) : (
            <BarChart chart={chart} />
          )}
        </figure>
      ))}
    </div>
  );
}

const barHeight = 16;
const rowGap = 6;
const labelWidth = 120;
const barArea = 170;
const valueWidth = 56;

/** Horizontal bars with their label and value, scaled to the largest value. */
function BarChart({ chart }: { chart: ReportChart }) {
  const styles = useStyles();
  if (chart.points.length === 0) {
    return <div className={styles.empty}>Nothing to show for these parameters.</div>;
  }
  const largest = Math.max(1, ...chart.points.map((point) => point.value));
  const height = chart.points.length * (barHeight + rowGap);
  const width = labelWidth + barArea + valueWidth;
  return (
    <svg
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={chart.title}
    >
      {chart.points.map((point, index) => {
        const y = index * (barHeight + rowGap);
        const length = Math.max(point.value > 0 ? 2 : 0, (point.value / largest) * barArea);
        return (
          <g key={point.label} data-testid={`bar-${point.label}`} data-value={point.value}>
            <text x={labelWidth - 6} y={y + 12} textAnchor="end" fontSize="11" fill="#424242">
              <title>{point.label}</title>
              {point.label.length > 18 ? `${point.label.slice(0, 17)}…` : point.label}
            </text>
            <rect
              x={labelWidth}
              y={y}
              width={length}
              height={barHeight}
              fill={knownColours[point.label] ?? '#0f6cbd'}
            />
            <text x={labelWidth + length + 4} y={y + 12} fontSize="11" fill="#242424">
              {point.value.toLocaleString()}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
