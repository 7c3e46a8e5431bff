import {
  Checkbox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  Option,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { formatDateTime } from '../format';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import type { CollectionRow } from './collection-row';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: '10px' },
  row: { display: 'flex', gap: '8px', alignItems: 'center' },
  days: { width: '80px' },
  schedule: { display: 'flex', flexDirection: 'column', gap: '4px' },
  label: { fontWeight: tokens.fontWeightSemibold, fontSize: '14px' },
  problem: { color: tokens.colorPaletteRedForeground1, fontSize: '12px' },
  facts: { color: tokens.colorNeutralForeground3, fontSize: '12px', lineHeight: '18px' },
});

/** What General edits (Set-CMCollection): null days means "on demand only". */
export interface CollectionGeneralDraft {
  readonly name: string;
  readonly comment: string;
  readonly limitingId: number | null;
  readonly refreshEveryDays: number | null;
}

export const generalDraftOf = (
  collection: CollectionRow,
  limitingId: number | null,
): CollectionGeneralDraft => ({
  name: collection.name,
  comment: collection.comment,
  limitingId,
  refreshEveryDays: collection.refreshEveryDays,
});

/**
 * Collection Properties > General: Name, Comment, the limiting collection and the membership
 * schedule ("Schedule a full update on this collection"). Built-in collections are shown, not
 * edited: the site defines them.
 */
export const CollectionGeneralTab = observer(function CollectionGeneralTab(props: {
  collection: CollectionRow;
  services: ConsoleServices;
  draft: CollectionGeneralDraft;
  onChange(draft: CollectionGeneralDraft): void;
  problems: Partial<Record<'name' | 'limitingCollectionId' | 'refreshEveryDays', string>>;
}) {
  const styles = useStyles();
  const { collection, draft, problems } = props;
  const isReadOnly = collection.isBuiltIn;
  const collections = useSiteRead(props.services, siteReads.collections(props.services));
  const choices = (collections.value ?? []).filter((c) => c.id !== collection.id);
  const limiting = choices.find((c) => c.id === draft.limitingId);
  const set = (change: Partial<CollectionGeneralDraft>) => props.onChange({ ...draft, ...change });
  return (
    <div className={styles.page}>
      <Field
        label="Name"
        required
        validationState={problems.name ? 'error' : 'none'}
        validationMessage={problems.name}
      >
        <Input
          value={draft.name}
          maxLength={256}
          disabled={isReadOnly}
          onChange={(_event, data) => set({ name: data.value })}
        />
      </Field>
      <Field label="Comment">
        <Textarea
          value={draft.comment}
          maxLength={512}
          resize="vertical"
          disabled={isReadOnly}
          onChange={(_event, data) => set({ comment: data.value })}
        />
      </Field>
      <Field
        label="Limiting collection"
        validationState={problems.limitingCollectionId ? 'error' : 'none'}
        validationMessage={problems.limitingCollectionId}
      >
        <Dropdown
          aria-label="Limiting collection"
          disabled={isReadOnly || collection.collectionId === 'SMS00001'}
          value={limiting?.name ?? (draft.limitingId === null ? '—' : '')}
          selectedOptions={limiting ? [String(limiting.id)] : []}
          onOptionSelect={(_event, data) => set({ limitingId: Number(data.optionValue) })}
        >
          {choices.map((c) => (
            <Option key={c.id} value={String(c.id)} text={c.name}>
              {c.name} ({c.memberCount.toLocaleString()})
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div role="group" aria-label="Membership schedule" className={styles.schedule}>
        <span className={styles.label}>Membership schedule</span>
        <div className={styles.row}>
          <Checkbox
            label="Schedule a full update on this collection every"
            disabled={isReadOnly}
            checked={draft.refreshEveryDays !== null}
            onChange={(_event, data) => set({ refreshEveryDays: data.checked ? 7 : null })}
          />
          <Input
            aria-label="Full update every (days)"
            className={styles.days}
            type="number"
            disabled={isReadOnly || draft.refreshEveryDays === null}
            value={draft.refreshEveryDays === null ? '' : String(draft.refreshEveryDays)}
            onChange={(_event, data) => set({ refreshEveryDays: Number(data.value) })}
          />
          <span>days</span>
        </div>
        <span className={styles.facts}>
          New devices are added as they register; a full update re-evaluates every device.
        </span>
        {problems.refreshEveryDays && (
          <span className={styles.problem}>{problems.refreshEveryDays}</span>
        )}
      </div>
      <div className={styles.facts}>
        Collection ID {collection.collectionId} · {collection.memberCount.toLocaleString()}{' '}
        {collection.memberCount === 1 ? 'member' : 'members'} · created{' '}
        {formatDateTime(collection.createdAt)} · last member change{' '}
        {formatDateTime(collection.membersChangedAt)} · last full update{' '}
        {collection.lastRefreshedAt ? formatDateTime(collection.lastRefreshedAt) : 'never'}
        {isReadOnly && ' · a built-in collection: the site defines it.'}
      </div>
    </div>
  );
});
