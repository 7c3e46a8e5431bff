import { makeStyles } from '@fluentui/react-components';
import { useState } from 'react';
import { OkCancelDialog, ProblemBar } from '../shell/OkCancelDialog';
import type { ConsoleServices } from '../stores/console-services';
import { errorSentence } from '../properties/error-sentence';
import { fieldProblem, GroupFields } from './group-fields';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '12px' },
});

/**
 * Create Software Update Group (§5.2): Name (required) and Description for the updates selected
 * in All Software Updates. The dialog stays open with the site's sentence when the name is taken.
 */
export function CreateGroupDialog(props: {
  ciIds: readonly number[];
  services: ConsoleServices;
  close(): void;
}) {
  const styles = useStyles();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const count = props.ciIds.length;

  const create = async () => {
    if (!name.trim()) return setNameProblem('A software update group needs a name.');
    setBusy(true);
    setProblem(null);
    try {
      const group = await props.services.api.call('groups.create', {
        name,
        description,
        ciIds: [...props.ciIds],
      });
      props.services.notices.show(
        'success',
        `Created software update group ${group.name} with ${group.numberOfUpdates} ${group.numberOfUpdates === 1 ? 'update' : 'updates'}.`,
      );
      if (group.warning) props.services.notices.show('warning', group.warning);
      props.close();
    } catch (error) {
      const sentence = errorSentence(error);
      const onName = fieldProblem(sentence, 'name');
      setNameProblem(onName);
      if (!onName) setProblem(sentence);
    } finally {
      setBusy(false);
    }
  };

  return (
    <OkCancelDialog
      title="Create Software Update Group"
      surfaceStyle={{ maxWidth: '480px' }}
      contentClassName={styles.content}
      okLabel="Create"
      isBusy={isBusy}
      onOk={() => void create()}
      close={props.close}
    >
      <span>
        The group will contain the {count} selected software {count === 1 ? 'update' : 'updates'}.
      </span>
      <ProblemBar problem={problem} />
      <GroupFields
        name={name}
        description={description}
        nameProblem={nameProblem}
        onName={(value) => {
          setName(value);
          setNameProblem(null);
        }}
        onDescription={setDescription}
        onEnter={() => void create()}
      />
    </OkCancelDialog>
  );
}
