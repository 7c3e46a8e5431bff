import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Option,
  Textarea,
} from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { errorSentence } from '../properties/error-sentence';
import type { ConsoleServices } from '../stores/console-services';
import { siteReads } from '../stores/site-reads';
import { useSiteRead } from '../stores/use-live-value';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
  hint: { fontSize: '12px' },
});

/**
 * Create Device Collection (New-CMDeviceCollection): Name, Comment and the limiting collection,
 * All Systems unless the admin picks another. Rules are added on the collection's Properties.
 */
export const CreateCollectionDialog = observer(function CreateCollectionDialog(props: {
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const collections = useSiteRead(props.services, siteReads.collections(props.services));
  const [name, setName] = useState('');
  const [comment, setComment] = useState('');
  const [limitingId, setLimitingId] = useState<number | null>(null);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const choices = collections.value ?? [];
  const allSystems = choices.find((c) => c.collectionId === 'SMS00001');
  const limiting = choices.find((c) => c.id === limitingId) ?? allSystems;

  const create = async () => {
    if (!name.trim()) return setNameProblem('A device collection needs a name.');
    setBusy(true);
    setProblem(null);
    try {
      const created = await props.services.api.call('collections.create', {
        name,
        comment,
        limitingCollectionId: limiting?.id,
      });
      props.services.notices.show(
        'success',
        `Created device collection ${created.name} (${created.collectionId}), limited to ${limiting?.name ?? 'All Systems'}. Add its membership rules in Properties.`,
      );
      props.close();
    } catch (error) {
      const sentence = errorSentence(error);
      if (/name/i.test(sentence)) setNameProblem(sentence);
      else setProblem(sentence);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '520px' }}>
        <DialogBody>
          <DialogTitle>Create Device Collection</DialogTitle>
          <DialogContent className={styles.content}>
            {problem && (
              <MessageBar intent="error">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            <Field
              label="Name"
              required
              validationState={nameProblem ? 'error' : 'none'}
              validationMessage={nameProblem ?? undefined}
            >
              <Input
                value={name}
                maxLength={256}
                autoFocus
                onChange={(_event, data) => {
                  setName(data.value);
                  setNameProblem(null);
                }}
              />
            </Field>
            <Field label="Comment">
              <Textarea
                value={comment}
                maxLength={512}
                resize="vertical"
                onChange={(_event, data) => setComment(data.value)}
              />
            </Field>
            <Field
              label="Limiting collection"
              hint="Members can only come from this collection."
              className={styles.hint}
            >
              <Dropdown
                aria-label="Limiting collection"
                value={limiting?.name ?? ''}
                selectedOptions={limiting ? [String(limiting.id)] : []}
                onOptionSelect={(_event, data) => setLimitingId(Number(data.optionValue))}
              >
                {choices.map((c) => (
                  <Option key={c.id} value={String(c.id)} text={c.name}>
                    {c.name} ({c.memberCount.toLocaleString()})
                  </Option>
                ))}
              </Dropdown>
            </Field>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={isBusy} onClick={() => void create()}>
              Create
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
});
