import { Button, Input, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular, SearchRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import type { AnyRow } from '../nodes/types';
import type { ListStore } from '../stores/list-store';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    alignItems: 'center',
    gap: '6px',
    padding: '4px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  input: { flex: 1, maxWidth: '640px', minWidth: '160px' },
});

/** The search bar above the result list: type, then Search (or Enter); the X clears. */
export const SearchBar = observer(function SearchBar({ list }: { list: ListStore<AnyRow> }) {
  const styles = useStyles();
  const isEnabled = list.isSearchable;
  return (
    <form
      className={styles.bar}
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        list.applySearch();
      }}
    >
      <Input
        className={styles.input}
        size="small"
        aria-label="Search"
        placeholder={isEnabled ? list.node.searchHint : 'Nothing to search in this list yet'}
        disabled={!isEnabled}
        value={list.searchText}
        onChange={(_event, data) => list.setSearchText(data.value)}
        contentBefore={<SearchRegular aria-hidden />}
        contentAfter={
          list.searchText || list.appliedSearch ? (
            <Button
              size="small"
              appearance="transparent"
              icon={<DismissRegular />}
              aria-label="Clear search"
              title="Clear search"
              onClick={() => list.clearSearch()}
            />
          ) : undefined
        }
      />
      <Button size="small" type="submit" disabled={!isEnabled}>
        Search
      </Button>
    </form>
  );
});
