import { Dropdown, Field, Input, makeStyles, Option } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type { CollectionQuery, CollectionRuleInput } from '../../shared/contract/collections';
import { errorSentence } from '../properties/error-sentence';
import { OkCancelDialog, ProblemBar } from '../shell/OkCancelDialog';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';
import { collectionActions } from './collection-actions';
import type { CollectionRow } from './collection-row';
import { DevicePicker } from './device-picker';
import { QueryConditions } from './query-conditions';

type Kind = CollectionRuleInput['kind'];

const titles: Record<Kind, string> = {
  direct: 'Create Direct Membership Rule',
  query: 'Query Rule Properties',
  include: 'Select Collections to Include',
  exclude: 'Select Collections to Exclude',
};

const useStyles = makeStyles({
  surface: { width: '680px', maxWidth: '94vw' },
  content: { display: 'flex', flexDirection: 'column', gap: '12px', minHeight: '200px' },
});

/** Add Rule from Membership Rules: one dialog per rule type, as the console's menu opens them. */
export const AddRuleDialog = observer(function AddRuleDialog(props: {
  kind: Kind;
  collection: CollectionRow;
  services: ConsoleServices;
  onAdded(): void;
  close(): void;
  /**
   * False once closed: the parent keeps a nested dialog mounted until it has closed, or Fluent
   * leaves the outer dialog hidden from screen readers (aria-hidden).
   */
  isOpen?: boolean;
}) {
  const styles = useStyles();
  const { kind, collection, services } = props;
  const others = useSiteRead(services, siteReads.collections(services));
  const [clientId, setClientId] = useState<number | null>(null);
  const [otherId, setOtherId] = useState<number | null>(null);
  const [name, setName] = useState('');
  const [conditions, setConditions] = useState<CollectionQuery['conditions']>([
    { property: 'osName', operator: 'contains', value: '' },
  ]);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  const rule = (): CollectionRuleInput | string => {
    if (kind === 'direct') return clientId ? { kind, clientId } : 'Select the device to add.';
    if (kind === 'include' || kind === 'exclude')
      return otherId ? { kind, collectionId: otherId } : 'Select a collection.';
    if (!name.trim()) return 'A query rule needs a name.';
    if (conditions.some((c) => c.value.trim() === '')) return 'Every condition needs a value.';
    return { kind, name, query: { conditions } };
  };

  const add = async () => {
    const input = rule();
    if (typeof input === 'string') return setProblem(input);
    setBusy(true);
    setProblem(null);
    try {
      await collectionActions.addRule(services, collection.id, input);
      props.onAdded();
      props.close();
    } catch (error) {
      setProblem(errorSentence(error));
    } finally {
      setBusy(false);
    }
  };

  const choices = (others.value ?? []).filter((c) => c.id !== collection.id);
  const chosen = choices.find((c) => c.id === otherId);
  return (
    <OkCancelDialog
      title={titles[kind]}
      isOpen={props.isOpen ?? true}
      surfaceClassName={styles.surface}
      contentClassName={styles.content}
      isBusy={isBusy}
      onOk={() => void add()}
      close={props.close}
    >
      <ProblemBar problem={problem} />
      {kind === 'direct' && (
        <DevicePicker services={services} selectedId={clientId} onSelect={setClientId} />
      )}
      {(kind === 'include' || kind === 'exclude') && (
        <Field
          label={kind === 'include' ? 'Collection to include' : 'Collection to exclude'}
          hint={
            kind === 'include'
              ? 'Its members join this collection (within the limiting collection).'
              : 'Its members never belong to this collection.'
          }
        >
          <Dropdown
            aria-label="Collection"
            value={chosen?.name ?? ''}
            placeholder="Select a collection"
            selectedOptions={chosen ? [String(chosen.id)] : []}
            onOptionSelect={(_e, data) => setOtherId(Number(data.optionValue))}
          >
            {choices.map((c) => (
              <Option key={c.id} value={String(c.id)} text={c.name}>
                {c.name} ({c.memberCount.toLocaleString()} members)
              </Option>
            ))}
          </Dropdown>
        </Field>
      )}
      {kind === 'query' && (
        <>
          <Field label="Name" required>
            <Input value={name} autoFocus onChange={(_e, data) => setName(data.value)} />
          </Field>
          <Field label="Criteria">
            <QueryConditions conditions={conditions} onChange={setConditions} />
          </Field>
        </>
      )}
    </OkCancelDialog>
  );
});
