import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  box: {
    margin: '0 0 12px',
    padding: '6px 12px 10px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: '2px',
    minWidth: 0,
  },
  legend: { padding: '0 4px', color: tokens.colorNeutralForeground1 },
});

/** A titled frame around related settings, like the group boxes of the console's dialogs. */
export function GroupBox({ title, children }: { title: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <fieldset className={styles.box}>
      <legend className={styles.legend}>{title}</legend>
      {children}
    </fieldset>
  );
}
