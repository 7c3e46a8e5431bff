import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  mergeClasses,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useRef, useState } from 'react';
import type { CollectionRuleInput } from '../../shared/contract/collections';
import type { ConsoleServices } from '../stores/console-services';
import { useSiteRead } from '../stores/use-live-value';
import { AddRuleDialog } from './add-rule-dialog';
import { emptyValue } from '../format';
import { collectionActions, ruleRowsRead } from './collection-actions';
import type { CollectionRow } from './collection-row';
import { useSmallTableStyles } from './small-table';

type RuleKind = CollectionRuleInput['kind'];

const addChoices: { kind: RuleKind; label: string }[] = [
  { kind: 'direct', label: 'Direct Rule' },
  { kind: 'query', label: 'Query Rule' },
  { kind: 'include', label: 'Include Collections' },
  { kind: 'exclude', label: 'Exclude Collections' },
];

/**
 * Membership Rules: the rules with their type, Add Rule (Direct, Query, Include, Exclude) and
 * Delete. Members are re-evaluated by the site as each rule is added or removed.
 */
export const MembershipRulesTab = observer(function MembershipRulesTab({
  collection,
  services,
}: {
  collection: CollectionRow;
  services: ConsoleServices;
}) {
  const styles = useSmallTableStyles();
  const rules = useSiteRead(services, ruleRowsRead(services, collection.id));
  const [selectedId, setSelectedId] = useState<number | null>(null);
  // The dialog stays mounted after it closes (see AddRuleDialog.isOpen); `opening` renews it.
  const [adding, setAdding] = useState<{ kind: RuleKind; opening: number } | null>(null);
  const [isAddOpen, setAddOpen] = useState(false);
  const addButton = useRef<HTMLButtonElement>(null);
  const isBuiltIn = collection.isBuiltIn;
  const rows = rules.value ?? [];

  const remove = async () => {
    if (selectedId === null) return;
    try {
      await collectionActions.removeRule(services, collection.id, selectedId);
      setSelectedId(null);
      await rules.reload();
      // Delete is disabled now: focus moves to Add Rule rather than the page.
      addButton.current?.focus();
    } catch (error) {
      services.notices.showError('The rule was not removed', error);
    }
  };

  return (
    <>
      <span className={styles.note}>
        Limiting collection: <strong>{collection.limitingCollectionName || emptyValue}</strong>.
        Members are the devices of the direct, query and included rules, minus those of excluded
        collections, within the limiting collection.
      </span>
      <div className={styles.box}>
        <table className={styles.table} aria-label="Membership rules">
          <thead>
            <tr>
              <th className={styles.head}>Rule Name</th>
              <th className={styles.head} style={{ width: '150px' }}>
                Type
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((rule) => (
              <tr
                key={rule.id}
                className={mergeClasses(rule.id === selectedId && styles.selected)}
                onClick={() => setSelectedId(rule.id)}
                aria-selected={rule.id === selectedId}
              >
                <td className={styles.cell}>{rule.name}</td>
                <td className={styles.cell}>{rule.type}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {rules.value && rows.length === 0 && (
          <div className={styles.empty}>
            {isBuiltIn
              ? 'A built-in collection has no rules you can change.'
              : 'No membership rules: add one so the collection has members.'}
          </div>
        )}
      </div>
      <div className={styles.buttons}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button ref={addButton} size="small" icon={<AddRegular />} disabled={isBuiltIn}>
              Add Rule
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              {addChoices.map((choice) => (
                <MenuItem
                  key={choice.kind}
                  onClick={() => {
                    setAdding({ kind: choice.kind, opening: (adding?.opening ?? 0) + 1 });
                    setAddOpen(true);
                  }}
                >
                  {choice.label}
                </MenuItem>
              ))}
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button
          size="small"
          icon={<DeleteRegular />}
          disabled={isBuiltIn || selectedId === null}
          onClick={() => void remove()}
        >
          Delete
        </Button>
      </div>
      {adding && (
        <AddRuleDialog
          key={adding.opening}
          isOpen={isAddOpen}
          kind={adding.kind}
          collection={collection}
          services={services}
          onAdded={() => void rules.reload()}
          close={() => {
            setAddOpen(false);
            // The menu item that opened the dialog is gone, so focus would fall to the page and
            // Fluent would leave the Properties dialog aria-hidden: give it back to Add Rule.
            setTimeout(() => addButton.current?.focus(), 0);
          }}
        />
      )}
    </>
  );
});
