import { makeStyles, Tooltip, tokens } from '@fluentui/react-components';
import { BoxFilled, ErrorCircleFilled } from '@fluentui/react-icons';
import type { DeploymentPackage } from '../../shared/contract/deployment-packages';

const useStyles = makeStyles({
  cell: { position: 'relative', display: 'inline-flex', width: '20px', height: '20px' },
  icon: { fontSize: '18px', color: '#c19c00' },
  failed: {
    position: 'absolute',
    right: '-3px',
    bottom: '0',
    fontSize: '10px',
    color: tokens.colorPaletteRedForeground1,
    filter: 'drop-shadow(0 0 1px white)',
  },
});

export function packageIconText(row: DeploymentPackage): string {
  return row.failedCount > 0
    ? `Deployment package; its distribution failed on ${row.failedCount} of ${row.distributionPointCount} distribution points.`
    : 'Deployment package.';
}

/** The package icon of Deployment Packages, marked when a distribution point failed. */
export function PackageIcon({ row }: { row: DeploymentPackage }) {
  const styles = useStyles();
  const meaning = packageIconText(row);
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span className={styles.cell} role="img" aria-label={meaning}>
        <BoxFilled className={styles.icon} aria-hidden />
        {row.failedCount > 0 && <ErrorCircleFilled className={styles.failed} aria-hidden />}
      </span>
    </Tooltip>
  );
}
