import { makeStyles, mergeClasses, Tooltip, tokens } from '@fluentui/react-components';
import { calendarDays, totalHours, untilText, type CalendarSpan } from './calendar-model';

const kindStyle = {
  Any: { colour: '#0078d4', label: 'All deployments' },
  SoftwareUpdatesOnly: { colour: '#038387', label: 'Software updates' },
  TaskSequencesOnly: { colour: '#8764b8', label: 'Task sequences' },
  effective: { colour: '#0078d4', label: 'Software updates may install' },
} as const;

const useStyles = makeStyles({
  frame: { display: 'flex', flexDirection: 'column', gap: '6px', fontSize: '12px' },
  summary: { display: 'flex', gap: '16px', flexWrap: 'wrap', alignItems: 'baseline' },
  next: { fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  grid: { display: 'grid', gridTemplateColumns: '88px minmax(0, 1fr)', rowGap: '2px' },
  scale: { position: 'relative', height: '16px', color: tokens.colorNeutralForeground3 },
  tick: { position: 'absolute', top: 0, transform: 'translateX(-50%)', fontSize: '10px' },
  dayLabel: { lineHeight: '20px', whiteSpace: 'nowrap', paddingRight: '6px' },
  weekend: { color: tokens.colorNeutralForeground3 },
  today: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorBrandForeground1 },
  track: {
    position: 'relative',
    height: '20px',
    borderRadius: '3px',
    backgroundColor: tokens.colorNeutralBackground3,
    // Faint lines every three hours, so a bar can be read against the clock.
    backgroundImage: `repeating-linear-gradient(to right, ${tokens.colorNeutralStroke2} 0 1px, transparent 1px 12.5%)`,
  },
  bar: {
    position: 'absolute',
    top: '2px',
    bottom: '2px',
    borderRadius: '3px',
    minWidth: '3px',
    color: 'white',
    fontSize: '10px',
    lineHeight: '16px',
    paddingLeft: '4px',
    overflow: 'hidden',
    whiteSpace: 'nowrap',
    boxSizing: 'border-box',
  },
  now: {
    position: 'absolute',
    top: '-2px',
    bottom: '-2px',
    width: '2px',
    backgroundColor: tokens.colorPaletteRedBackground3,
  },
  legend: { display: 'flex', gap: '12px', color: tokens.colorNeutralForeground2 },
  swatch: {
    display: 'inline-block',
    width: '10px',
    height: '10px',
    borderRadius: '2px',
    marginRight: '4px',
    verticalAlign: 'middle',
  },
});

const dayFormat = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
});
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const span = (s: CalendarSpan) => `${timeFormat.format(s.start)}–${timeFormat.format(s.end)}`;

/**
 * The maintenance windows of the next days as a calendar: a row per day, a bar per window, the
 * present as a red line. ConfigMgr lists schedules; the admin here sees when updates may install.
 */
export function WindowCalendar({
  spans,
  from,
  days = 14,
  emptyText,
  label,
}: {
  spans: readonly CalendarSpan[];
  from: Date;
  days?: number;
  /** What no window means for whoever the calendar is for. */
  emptyText: string;
  label: string;
}) {
  const styles = useStyles();
  const now = new Date();
  const rows = calendarDays(spans, from, days);
  const next = [...spans]
    .sort((a, b) => a.start.getTime() - b.start.getTime())
    .find((s) => s.end > now);
  const kinds = [...new Set(spans.map((s) => s.kind))];
  const todayKey = rows[0]?.start.toDateString();
  return (
    <figure className={styles.frame} aria-label={label} style={{ margin: 0 }}>
      <div className={styles.summary}>
        {next ? (
          <span className={styles.next}>
            {next.start <= now
              ? `In a maintenance window now, until ${timeFormat.format(next.end)}`
              : `Next window: ${dayFormat.format(next.start)} ${span(next)} (${untilText(next.start, now)})`}
          </span>
        ) : (
          <span className={styles.next}>{emptyText}</span>
        )}
        {spans.length > 0 && (
          <span className={styles.muted}>
            {spans.length} {spans.length === 1 ? 'window' : 'windows'},{' '}
            {totalHours(spans).toFixed(1).replace(/\.0$/, '')} hours in the next {days} days
          </span>
        )}
      </div>
      <div className={styles.grid}>
        <span />
        <div className={styles.scale} aria-hidden>
          {[0, 3, 6, 9, 12, 15, 18, 21, 24].map((hour) => (
            <span key={hour} className={styles.tick} style={{ left: `${(hour / 24) * 100}%` }}>
              {String(hour).padStart(2, '0')}:00
            </span>
          ))}
        </div>
        {rows.map((day) => {
          const isWeekend = day.start.getDay() === 0 || day.start.getDay() === 6;
          const isToday = day.start.toDateString() === todayKey;
          const nowAt = (now.getTime() - day.start.getTime()) / 86_400_000;
          return (
            <div key={day.start.toISOString()} style={{ display: 'contents' }}>
              <span
                className={mergeClasses(
                  styles.dayLabel,
                  isWeekend && styles.weekend,
                  isToday && styles.today,
                )}
              >
                {isToday ? 'Today' : dayFormat.format(day.start)}
              </span>
              <div className={styles.track} data-testid="calendar-day">
                {day.pieces.map((piece) => (
                  <Tooltip
                    key={`${piece.span.start.toISOString()}-${piece.from}`}
                    relationship="description"
                    content={`${piece.span.name ? `${piece.span.name}: ` : ''}${dayFormat.format(piece.span.start)} ${span(piece.span)} (${kindStyle[piece.span.kind].label})`}
                  >
                    <span
                      className={styles.bar}
                      data-testid="calendar-window"
                      style={{
                        left: `${piece.from * 100}%`,
                        width: `${(piece.to - piece.from) * 100}%`,
                        background: kindStyle[piece.span.kind].colour,
                      }}
                    >
                      {piece.to - piece.from > 0.12 ? span(piece.span) : ''}
                    </span>
                  </Tooltip>
                ))}
                {nowAt >= 0 && nowAt < 1 && (
                  <span className={styles.now} style={{ left: `${nowAt * 100}%` }} title="Now" />
                )}
              </div>
            </div>
          );
        })}
      </div>
      {kinds.length > 0 && (
        <div className={styles.legend}>
          {kinds.map((kind) => (
            <span key={kind}>
              <span className={styles.swatch} style={{ background: kindStyle[kind].colour }} />
              {kindStyle[kind].label}
            </span>
          ))}
          <span>
            <span
              className={styles.swatch}
              style={{ background: tokens.colorPaletteRedBackground3 }}
            />
            Now
          </span>
        </div>
      )}
    </figure>
  );
}
