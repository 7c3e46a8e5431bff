import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import { AddRegular, ChevronDownRegular, DeleteRegular } from '@fluentui/react-icons';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { usePageStyles } from '../page-styles';
import { SelectTable } from '../select-table';
import {
  DistributionPointGroupPicker,
  DistributionPointPicker,
} from '../../content/distribution-point-pickers';
import type { DownloadWizardStore } from './download-wizard-store';

/** One line of the page's list: a distribution point or a group, as ConfigMgr mixes them. */
interface TargetRow {
  readonly key: string;
  readonly id: number;
  readonly kind: 'dp' | 'group';
  readonly name: string;
  readonly description: string;
}

/**
 * Distribution Points (§6.2, new package only): Add > Distribution Point / Distribution Point
 * Group, and Remove. The site copies the package to each once the download is done.
 */
export const DistributionPointsPage = observer(function DistributionPointsPage({
  store,
}: {
  store: DownloadWizardStore;
}) {
  const styles = usePageStyles();
  const [adding, setAdding] = useState<'dp' | 'group' | null>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const { draft } = store;
  const rows: TargetRow[] = [
    ...draft.distributionPointIds.map((id) => {
      const dp = store.distributionPoints.find((candidate) => candidate.id === id);
      return {
        key: `dp:${id}`,
        id,
        kind: 'dp' as const,
        name: dp?.name ?? `Distribution point ${id}`,
        description: dp?.description ?? '',
      };
    }),
    ...draft.distributionPointGroupIds.map((id) => {
      const group = store.distributionPointGroups.find((candidate) => candidate.id === id);
      return {
        key: `group:${id}`,
        id,
        kind: 'group' as const,
        name: group?.name ?? `Distribution point group ${id}`,
        description: group?.description ?? '',
      };
    }),
  ];
  const remove = () => {
    const chosen = rows.filter((row) => selected.has(row.key));
    store.removeTargets(
      new Set(chosen.filter((row) => row.kind === 'dp').map((row) => row.id)),
      new Set(chosen.filter((row) => row.kind === 'group').map((row) => row.id)),
    );
    setSelected(new Set());
  };

  return (
    <>
      <p className={styles.intro}>
        Specify the distribution points or distribution point groups to host the content of the new
        deployment package.
      </p>
      <div className={styles.toolbar}>
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button icon={<AddRegular />} iconPosition="before">
              Add <ChevronDownRegular aria-hidden />
            </Button>
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem onClick={() => setAdding('dp')}>Distribution Point</MenuItem>
              <MenuItem onClick={() => setAdding('group')}>Distribution Point Group</MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
        <Button icon={<DeleteRegular />} disabled={selected.size === 0} onClick={remove}>
          Remove
        </Button>
      </div>
      <SelectTable<TargetRow>
        label="Content destination"
        columns={[
          { header: 'Name', width: '45%', cell: (row) => row.name },
          {
            header: 'Type',
            width: '25%',
            cell: (row) => (row.kind === 'dp' ? 'Distribution point' : 'Distribution point group'),
          },
          { header: 'Description', cell: (row) => row.description },
        ]}
        rows={rows}
        rowKey={(row) => row.key}
        rowName={(row) => row.name}
        selected={selected}
        onSelect={setSelected}
        isMultiple
        height="220px"
        emptyText="No distribution points are chosen. Without one, clients cannot get the content until you choose Distribute Content on the package."
      />
      {adding === 'dp' && (
        <DistributionPointPicker
          points={store.distributionPoints}
          chosenIds={draft.distributionPointIds}
          onPick={(ids) => store.addDistributionPoints(ids)}
          close={() => setAdding(null)}
        />
      )}
      {adding === 'group' && (
        <DistributionPointGroupPicker
          groups={store.distributionPointGroups}
          chosenIds={draft.distributionPointGroupIds}
          onPick={(ids) => store.addDistributionPointGroups(ids)}
          close={() => setAdding(null)}
        />
      )}
    </>
  );
});
