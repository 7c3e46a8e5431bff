import { makeStyles, mergeClasses, Tooltip, tokens } from '@fluentui/react-components';
import {
  ArrowCircleRightFilled,
  ArrowDownFilled,
  DismissCircleFilled,
  DismissFilled,
  StarFilled,
} from '@fluentui/react-icons';
import type { SoftwareUpdateRow } from '../../shared/contract/software-updates';

const useStyles = makeStyles({
  cell: {
    position: 'relative',
    display: 'inline-flex',
    width: '20px',
    height: '20px',
    alignItems: 'center',
  },
  icon: { fontSize: '16px' },
  // ConfigMgr's colours: green arrow, black X, yellow star, red X, blue arrow.
  normal: { color: '#107c10' },
  expired: { color: tokens.colorNeutralForeground1 },
  superseded: { color: '#f2c80f' },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  metadata: { color: '#0078d4' },
  // The red arrow sits on the icon's lower right, as in the ConfigMgr console.
  overlay: {
    position: 'absolute',
    right: '-3px',
    bottom: '-1px',
    fontSize: '11px',
    color: tokens.colorPaletteRedForeground1,
    filter: 'drop-shadow(0 0 1px white)',
  },
});

/** The meaning of each icon of §3.3, said in the tooltip. */
export const updateIconMeaning: Record<SoftwareUpdateRow['icon'], string> = {
  normal: 'Normal: synchronized and deployable.',
  expired: 'Expired: cannot be added to new deployments, and is removed from active deployments.',
  superseded: 'Superseded: replaced by a newer update; see the Supersedence Information tab.',
  invalid:
    'Invalid: in an active deployment, but its content is not available. Redistribute the package.',
  'metadata-only':
    'Metadata only: no files to download; for reporting, cannot be downloaded or deployed.',
};

export const redArrowMeaning =
  'Red arrow: the content of this update is in no deployment package. Download it to a package before clients can install it.';

/** The first column of All Software Updates: the state icon and, independently, the red arrow. */
export function UpdateIcon({ row }: { row: SoftwareUpdateRow }) {
  const styles = useStyles();
  const Icon = {
    normal: ArrowCircleRightFilled,
    expired: DismissFilled,
    superseded: StarFilled,
    invalid: DismissCircleFilled,
    'metadata-only': ArrowCircleRightFilled,
  }[row.icon];
  const colour = {
    normal: styles.normal,
    expired: styles.expired,
    superseded: styles.superseded,
    invalid: styles.invalid,
    'metadata-only': styles.metadata,
  }[row.icon];
  const meaning = row.isContentMissing
    ? `${updateIconMeaning[row.icon]} ${redArrowMeaning}`
    : updateIconMeaning[row.icon];
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span
        className={styles.cell}
        role="img"
        aria-label={meaning}
        data-icon={row.icon}
        data-red-arrow={row.isContentMissing || undefined}
      >
        <Icon className={mergeClasses(styles.icon, colour)} aria-hidden />
        {row.isContentMissing && <ArrowDownFilled className={styles.overlay} aria-hidden />}
      </span>
    </Tooltip>
  );
}
