import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';

const useStyles = makeStyles({
  // Show Members' chip stands apart from criteria: it narrows the list to one group or collection.
  scope: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '1px 2px 1px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  label: { fontSize: '12px', fontWeight: tokens.fontWeightSemibold },
});

/** The "Members of …" chip of a narrowed list; its dismiss button shows everything again. */
export const ListScopeChip = observer(function ListScopeChip({
  list,
  showAllText,
}: {
  list: ListStore<AnyRow>;
  /** The button's tooltip, e.g. "Show all devices again". */
  showAllText: string;
}) {
  const styles = useStyles();
  if (!list.scope) return null;
  return (
    <span className={styles.scope} data-testid="list-scope">
      <span className={styles.label}>{list.scope.label}</span>
      <Button
        size="small"
        appearance="transparent"
        icon={<DismissRegular />}
        aria-label={`Remove ${list.scope.label}`}
        title={showAllText}
        onClick={() => list.setScope(null)}
      />
    </span>
  );
});
