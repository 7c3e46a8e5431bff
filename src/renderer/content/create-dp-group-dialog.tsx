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
  MessageBar,
  MessageBarBody,
} from '@fluentui/react-components';
import { makeAutoObservable, runInAction } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useEffect, useState } from 'react';
import type { DistributionPoint } from '../../shared/contract/distribution-points';
import { errorSentence } from '../properties/error-sentence';
import { submitDialog } from '../stores/dialog-submit';
import type { ConsoleServices } from '../stores/console-services';
import { asSentence } from '../wizards/page-problems';
import { usePageStyles } from '../wizards/page-styles';
import { SelectTable } from '../wizards/select-table';
import { distributionPointType } from './distribution-point-pickers';

class CreateGroupDraft {
  name = '';
  description = '';
  members = new Set<string>();
  points: DistributionPoint[] = [];
  nameProblem: string | null = null;
  problem: string | null = null;
  isBusy = false;

  constructor(private readonly services: ConsoleServices) {
    makeAutoObservable<CreateGroupDraft, 'services'>(this, { services: false });
  }

  async load(): Promise<void> {
    try {
      const points = await this.services.api.call('dps.list', {});
      runInAction(() => (this.points = points));
    } catch (error) {
      runInAction(() => (this.problem = errorSentence(error)));
    }
  }

  setName(name: string): void {
    this.name = name;
    this.nameProblem = null;
  }

  setDescription(description: string): void {
    this.description = description;
  }

  setMembers(members: Set<string>): void {
    this.members = members;
  }

  async create(): Promise<boolean> {
    if (!this.name.trim()) {
      this.nameProblem = asSentence('a group needs a name');
      return false;
    }
    return submitDialog(this, async () => {
      await this.services.api.call('dpGroups.create', {
        name: this.name,
        description: this.description,
        memberIds: [...this.members].map(Number),
      });
    });
  }
}

/** Create Distribution Point Group: a name, a description and the member distribution points. */
export const CreateDistributionPointGroupDialog = observer(function CreateDpGroupDialog(props: {
  services: ConsoleServices;
  onCreated(): void;
  close(): void;
}) {
  const styles = usePageStyles();
  const [draft] = useState(() => new CreateGroupDraft(props.services));
  useEffect(() => void draft.load(), [draft]);
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '560px' }}>
        <DialogBody>
          <DialogTitle>Create New Distribution Point Group</DialogTitle>
          <DialogContent className={styles.indent} style={{ marginLeft: 0 }}>
            {draft.problem && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{draft.problem}</MessageBarBody>
              </MessageBar>
            )}
            <Field
              label="Name:"
              required
              validationState={draft.nameProblem ? 'error' : 'none'}
              validationMessage={draft.nameProblem ?? undefined}
            >
              <Input value={draft.name} onChange={(_e, data) => draft.setName(data.value)} />
            </Field>
            <Field label="Description:">
              <Input
                value={draft.description}
                onChange={(_e, data) => draft.setDescription(data.value)}
              />
            </Field>
            <SelectTable<DistributionPoint>
              label="Members"
              columns={[
                { header: 'Distribution Point', width: '50%', cell: (dp) => dp.name },
                { header: 'Type', cell: distributionPointType },
              ]}
              rows={draft.points}
              rowKey={(dp) => String(dp.id)}
              rowName={(dp) => dp.name}
              selected={draft.members}
              onSelect={(keys) => draft.setMembers(keys)}
              isMultiple
              emptyText="There are no distribution points."
            />
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={draft.isBusy}
              onClick={() =>
                void draft.create().then((isDone) => {
                  if (!isDone) return;
                  props.onCreated();
                  props.close();
                })
              }
            >
              OK
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
