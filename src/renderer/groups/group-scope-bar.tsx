import { makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';
import { ListScopeChip } from '../shell/ListScopeChip';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

/**
 * Above Software Update Groups when Show Software Update Group (an automatic deployment rule's)
 * narrowed the list to one group: the chip says whose, and removing it lists every group again.
 */
export const GroupScopeBar = observer(function GroupScopeBar({
  list,
}: {
  list: ListStore<AnyRow>;
}) {
  const styles = useStyles();
  if (!list.scope) return null;
  return (
    <div className={styles.bar} role="group" aria-label="Software update group">
      <ListScopeChip list={list} showAllText="Show all software update groups again" />
    </div>
  );
});
