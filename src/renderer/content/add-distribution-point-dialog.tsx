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
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { makeAutoObservable } from 'mobx';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { DistributionPointAdd } from '../../shared/contract/distribution-points';
import { submitDialog } from '../stores/dialog-submit';
import type { ConsoleServices } from '../stores/console-services';
import { pageProblems } from '../wizards/page-problems';
import { usePageStyles } from '../wizards/page-styles';

/** The Add Distribution Point draft, checked with the site's DistributionPointAdd schema. */
class AddDistributionPointDraft {
  kind: 'library' | 'remote' = 'library';
  name = '';
  description = '';
  libraryPath = '';
  url = '';
  isSubmitted = false;
  problem: string | null = null;
  isBusy = false;

  constructor(private readonly services: ConsoleServices) {
    makeAutoObservable<AddDistributionPointDraft, 'services'>(this, { services: false });
  }

  get request() {
    const common = { name: this.name, description: this.description };
    return this.kind === 'library'
      ? { kind: 'library' as const, ...common, libraryPath: this.libraryPath }
      : { kind: 'remote' as const, ...common, url: this.url };
  }

  get problems(): ReadonlyMap<string, string> {
    return pageProblems(DistributionPointAdd, this.request);
  }

  /** A field's sentence shows once the admin typed in it or pressed Add. */
  problemFor(field: string, value: string): string | undefined {
    return this.isSubmitted || value !== '' ? this.problems.get(field) : undefined;
  }

  set(field: 'name' | 'description' | 'libraryPath' | 'url', value: string): void {
    this[field] = value;
  }

  setKind(kind: 'library' | 'remote'): void {
    this.kind = kind;
  }

  async add(): Promise<boolean> {
    this.isSubmitted = true;
    if (this.problems.size > 0) return false;
    return submitDialog(this, async () => {
      const dp = await this.services.api.call('dps.add', this.request);
      this.services.notices.show('success', `Added the distribution point ${dp.name}.`);
    });
  }
}

/** Add Distribution Point: a content library folder here, or another patchbay serve by URL. */
export const AddDistributionPointDialog = observer(function AddDistributionPointDialog(props: {
  services: ConsoleServices;
  onAdded(): void;
  close(): void;
}) {
  const styles = usePageStyles();
  const [draft] = useState(() => new AddDistributionPointDraft(props.services));
  const fieldState = (field: string, value: string) => {
    const problem = draft.problemFor(field, value);
    return {
      validationState: problem ? ('error' as const) : ('none' as const),
      validationMessage: problem,
    };
  };
  const add = () =>
    void draft.add().then((isAdded) => {
      if (!isAdded) return;
      props.onAdded();
      props.close();
    });
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '560px' }}>
        <DialogBody>
          <DialogTitle>Add Distribution Point</DialogTitle>
          <DialogContent className={styles.indent} style={{ marginLeft: 0 }}>
            {draft.problem && (
              <MessageBar intent="error" role="alert">
                <MessageBarBody>{draft.problem}</MessageBarBody>
              </MessageBar>
            )}
            <Field label="Name:" required {...fieldState('name', draft.name)}>
              <Input value={draft.name} onChange={(_e, data) => draft.set('name', data.value)} />
            </Field>
            <Field label="Description:">
              <Input
                value={draft.description}
                onChange={(_e, data) => draft.set('description', data.value)}
              />
            </Field>
            <RadioGroup
              aria-label="Content library"
              value={draft.kind}
              onChange={(_e, data) => draft.setKind(data.value as 'library' | 'remote')}
            >
              <Radio value="library" label="A content library folder on this machine" />
              <Radio value="remote" label="Another machine running patchbay serve" />
            </RadioGroup>
            {draft.kind === 'library' ? (
              <Field
                label="Content library folder:"
                required
                hint="An absolute folder; it is created when missing."
                {...fieldState('libraryPath', draft.libraryPath)}
              >
                <Input
                  value={draft.libraryPath}
                  onChange={(_e, data) => draft.set('libraryPath', data.value)}
                />
              </Field>
            ) : (
              <Field label="Server address:" required {...fieldState('url', draft.url)}>
                <Input
                  value={draft.url}
                  placeholder="http://dp01:8530/"
                  onChange={(_e, data) => draft.set('url', data.value)}
                />
              </Field>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={draft.isBusy} onClick={add}>
              Add
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
