import { makeStyles, mergeClasses, Tooltip, tokens } from '@fluentui/react-components';
import {
  ChevronDoubleDownFilled,
  DismissCircleFilled,
  DismissFilled,
  StarFilled,
  TaskListSquareLtrFilled,
} from '@fluentui/react-icons';
import type { GroupIcon, SoftwareUpdateGroup } from '../../shared/contract/update-groups';

const useStyles = makeStyles({
  cell: {
    position: 'relative',
    display: 'inline-flex',
    width: '20px',
    height: '20px',
    alignItems: 'center',
  },
  icon: { fontSize: '16px' },
  normal: { color: '#0078d4' },
  // The member's state sits on the group's lower left, as the console badges a group icon.
  badge: {
    position: 'absolute',
    left: '-3px',
    bottom: '-1px',
    fontSize: '10px',
    filter: 'drop-shadow(0 0 1px white)',
  },
  expired: { color: tokens.colorNeutralForeground1 },
  superseded: { color: '#f2c80f' },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  arrow: {
    position: 'absolute',
    right: '-3px',
    bottom: '-1px',
    fontSize: '11px',
    color: tokens.colorPaletteRedForeground1,
    filter: 'drop-shadow(0 0 1px white)',
  },
});

/** What each group icon of §3.3 means, said in the tooltip and the details pane. */
export const groupIconMeaning: Record<GroupIcon, string> = {
  normal: 'Normal: every update in the group is valid and deployable.',
  expired:
    'Expired: the group contains an expired update; remove it before deploying the group again.',
  superseded:
    'Superseded: the group contains an update replaced by a newer one; consider adding its successor.',
  invalid:
    'Invalid: the group contains an update in an active deployment whose content is not available.',
};

export const groupArrowMeaning =
  'Red double arrow: the content of at least one update in the group is in no deployment package. Download the group before clients can install it.';

export function groupIconText(row: SoftwareUpdateGroup): string {
  return row.isContentMissing
    ? `${groupIconMeaning[row.icon]} ${groupArrowMeaning}`
    : groupIconMeaning[row.icon];
}

/** The first column of Software Update Groups: the group, its worst member state, the arrow. */
export function SoftwareUpdateGroupIcon({ row }: { row: SoftwareUpdateGroup }) {
  const styles = useStyles();
  const badge = {
    normal: null,
    expired: <DismissFilled className={mergeClasses(styles.badge, styles.expired)} aria-hidden />,
    superseded: (
      <StarFilled className={mergeClasses(styles.badge, styles.superseded)} aria-hidden />
    ),
    invalid: (
      <DismissCircleFilled className={mergeClasses(styles.badge, styles.invalid)} aria-hidden />
    ),
  }[row.icon];
  const meaning = groupIconText(row);
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span
        className={styles.cell}
        role="img"
        aria-label={meaning}
        data-icon={row.icon}
        data-red-arrow={row.isContentMissing || undefined}
      >
        <TaskListSquareLtrFilled className={mergeClasses(styles.icon, styles.normal)} aria-hidden />
        {badge}
        {row.isContentMissing && <ChevronDoubleDownFilled className={styles.arrow} aria-hidden />}
      </span>
    </Tooltip>
  );
}
