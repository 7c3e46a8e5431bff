import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, BookmarkRegular, DismissRegular, SaveRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { SavedSearch, UpdateCriterion } from '../../shared/contract/software-updates';
import type { AnyRow } from '../nodes/types';
import type { ConsoleServices } from '../stores/console-services';
import { ListScopeChip } from '../shell/ListScopeChip';
import type { ListStore } from '../stores/list-store';
import { CriterionEditor } from './criterion-editor';
import { criterionLabels, isComplete, newCriterion } from './update-criteria';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: '6px',
    padding: '3px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  criterion: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: '4px',
    padding: '1px 2px 1px 8px',
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  label: { fontSize: '12px', fontWeight: tokens.fontWeightSemibold },
  and: { fontSize: '11px', color: tokens.colorNeutralForeground3 },
});

/**
 * Add Criteria, Save Current Search and Saved Searches under the search box (§3.4). Criteria
 * are ANDed; the values of one criterion are ORed. The list re-reads as soon as a criterion is
 * complete, on the site.
 */
export const UpdateCriteriaBar = observer(function UpdateCriteriaBar({
  list,
  services,
}: {
  list: ListStore<AnyRow>;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const [drafts, setDrafts] = useState<UpdateCriterion[]>(list.criteria as UpdateCriterion[]);
  const [choices, setChoices] = useState<{ classification: string[]; product: string[] }>({
    classification: [],
    product: [],
  });
  const [saved, setSaved] = useState<SavedSearch[]>([]);
  const [isSaveOpen, setSaveOpen] = useState(false);

  useEffect(() => {
    void Promise.all([
      services.api.call('sup.classifications', {}),
      services.api.call('sup.products', {}),
    ]).then(
      ([classifications, products]) =>
        setChoices({
          classification: classifications.map((c) => c.name).filter((name) => name !== 'Upgrades'),
          product: [...new Set(products.map((p) => p.name))].sort(),
        }),
      (error: unknown) =>
        services.notices.showError('The criteria choices could not be read', error),
    );
  }, [services]);

  const loadSaved = () =>
    services.api
      .call('searches.list', { node: list.node.id })
      .then(setSaved, (error: unknown) =>
        services.notices.showError('The saved searches could not be read', error),
      );

  const update = (next: UpdateCriterion[]) => {
    setDrafts(next);
    list.setCriteria(next.filter(isComplete));
  };
  const used = new Set(drafts.map((criterion) => criterion.property));

  return (
    <div className={styles.bar} aria-label="Search criteria" role="group">
      <ListScopeChip list={list} showAllText="Show all software updates again" />
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" icon={<AddRegular />}>
            Add Criteria
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {(Object.keys(criterionLabels) as UpdateCriterion['property'][]).map((property) => (
              <MenuItem
                key={property}
                disabled={used.has(property)}
                onClick={() => update([...drafts, newCriterion(property)])}
              >
                {criterionLabels[property]}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      {drafts.map((criterion, index) => (
        <span key={criterion.property} style={{ display: 'contents' }}>
          {index > 0 && <span className={styles.and}>AND</span>}
          <span className={styles.criterion} data-criterion={criterion.property}>
            <span className={styles.label}>{criterionLabels[criterion.property]}</span>
            <CriterionEditor
              criterion={criterion}
              choices={choices}
              onChange={(next) => update(drafts.map((item, at) => (at === index ? next : item)))}
            />
            <Button
              size="small"
              appearance="transparent"
              icon={<DismissRegular />}
              aria-label={`Remove ${criterionLabels[criterion.property]}`}
              onClick={() => update(drafts.filter((_item, at) => at !== index))}
            />
          </span>
        </span>
      ))}
      <span style={{ flex: 1 }} />
      <Button
        size="small"
        appearance="subtle"
        icon={<SaveRegular />}
        onClick={() => setSaveOpen(true)}
        disabled={drafts.length === 0 && !list.appliedSearch}
      >
        Save Current Search
      </Button>
      <Menu onOpenChange={(_event, data) => data.open && void loadSaved()}>
        <MenuTrigger disableButtonEnhancement>
          <Button size="small" appearance="subtle" icon={<BookmarkRegular />}>
            Saved Searches
          </Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            {saved.length === 0 && <MenuItem disabled>No saved searches</MenuItem>}
            {saved.map((search) => (
              <MenuItem
                key={search.id}
                onClick={() => {
                  list.setSearchText(search.filter.text ?? '');
                  list.applySearch();
                  update(search.filter.criteria);
                }}
              >
                {search.name}
              </MenuItem>
            ))}
          </MenuList>
        </MenuPopover>
      </Menu>
      <SaveSearchDialog
        isOpen={isSaveOpen}
        onClose={() => setSaveOpen(false)}
        onSave={async (name) => {
          await services.api.call('searches.save', {
            node: list.node.id,
            name,
            filter: { text: list.appliedSearch || undefined, criteria: drafts.filter(isComplete) },
          });
          services.notices.show('success', `Saved the search "${name}".`);
        }}
      />
    </div>
  );
});

function SaveSearchDialog(props: {
  isOpen: boolean;
  onClose(): void;
  onSave(name: string): Promise<void>;
}) {
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    if (!name.trim()) return setProblem('A saved search needs a name.');
    try {
      await props.onSave(name.trim());
      setName('');
      setProblem(null);
      props.onClose();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog open={props.isOpen} onOpenChange={(_event, data) => !data.open && props.onClose()}>
      <DialogSurface style={{ maxWidth: 440 }}>
        <DialogBody>
          <DialogTitle>Save Current Search</DialogTitle>
          <DialogContent>
            <Field
              label="Name"
              required
              validationState={problem ? 'error' : 'none'}
              validationMessage={problem ?? undefined}
            >
              <Input
                value={name}
                onChange={(_event, data) => setName(data.value)}
                onKeyDown={(event) => event.key === 'Enter' && void save()}
                autoFocus
              />
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => void save()}>
              Save
            </Button>
            <Button onClick={props.onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
