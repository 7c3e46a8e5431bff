import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { StatusSeverity } from '../../shared/contract';

const useStyles = makeStyles({
  cell: { display: 'inline-flex', alignItems: 'center', gap: '6px' },
  icon: { fontSize: '16px', flexShrink: 0 },
  Informational: { color: tokens.colorBrandForeground1 },
  Warning: { color: tokens.colorPaletteMarigoldForeground1 },
  Error: { color: tokens.colorPaletteRedForeground1 },
});

const icons = { Informational: InfoFilled, Warning: WarningFilled, Error: ErrorCircleFilled };

/** The status message viewer's severity: a coloured icon and the word. */
export function SeverityLabel({ severity }: { severity: StatusSeverity }) {
  const styles = useStyles();
  const Icon = icons[severity];
  return (
    <span className={styles.cell}>
      <Icon className={mergeClasses(styles.icon, styles[severity])} aria-hidden />
      {severity}
    </span>
  );
}
