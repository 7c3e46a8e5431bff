import { makeStyles, mergeClasses, Tooltip, tokens } from '@fluentui/react-components';
import { DismissCircleFilled, FlowchartFilled } from '@fluentui/react-icons';
import type { AutomaticDeploymentRule } from '../../shared/contract/automatic-deployment-rules';

const useStyles = makeStyles({
  cell: {
    position: 'relative',
    display: 'inline-flex',
    width: '20px',
    height: '20px',
    alignItems: 'center',
  },
  icon: { fontSize: '16px' },
  enabled: { color: '#0078d4' },
  disabled: { color: tokens.colorNeutralForegroundDisabled },
  // A failed last run shows on the rule's lower right, as the console badges an icon.
  failed: {
    position: 'absolute',
    right: '-3px',
    bottom: '-1px',
    fontSize: '10px',
    color: tokens.colorPaletteRedForeground1,
    filter: 'drop-shadow(0 0 1px white)',
  },
});

/** What the icon says, in the tooltip, the screen reader's name and the CSV export. */
export function ruleIconText(rule: AutomaticDeploymentRule): string {
  const state = rule.isEnabled
    ? 'Enabled: the rule runs when its evaluation schedule says.'
    : 'Disabled: the rule is never evaluated automatically; Run Now still runs it.';
  return rule.lastErrorCode === 0
    ? state
    : `${state} The last run failed with ${rule.lastErrorCodeHex}.`;
}

/** The first column of Automatic Deployment Rules (§8.3): enabled or disabled, and a failure. */
export function RuleIcon({ row }: { row: AutomaticDeploymentRule }) {
  const styles = useStyles();
  const meaning = ruleIconText(row);
  return (
    <Tooltip content={meaning} relationship="description" withArrow>
      <span
        className={styles.cell}
        role="img"
        aria-label={meaning}
        data-enabled={row.isEnabled}
        data-failed={row.lastErrorCode !== 0 || undefined}
      >
        <FlowchartFilled
          className={mergeClasses(styles.icon, row.isEnabled ? styles.enabled : styles.disabled)}
          aria-hidden
        />
        {row.lastErrorCode !== 0 && <DismissCircleFilled className={styles.failed} aria-hidden />}
      </span>
    </Tooltip>
  );
}
