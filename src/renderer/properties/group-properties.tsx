import { DialogContent, makeStyles, Tab, TabList } from '@fluentui/react-components';
import { useState } from 'react';
import type { SoftwareUpdateGroup } from '../../shared/contract/update-groups';
import { fieldProblem, GroupFields } from '../groups/group-fields';
import type { PropertiesProps } from '../nodes/types';
import { errorSentence } from './error-sentence';
import { PropertiesActions, SelectOneContent } from './properties-actions';
import { ProblemBar } from '../shell/OkCancelDialog';

const useStyles = makeStyles({
  content: {
    height: 'min(320px, 50vh)',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    paddingTop: '8px',
  },
});

/**
 * Software update group Properties, General tab (§5.4): Name and Description. Security scopes
 * are not offered: Patchbay has no role-based administration to scope a group to.
 */
export function SoftwareUpdateGroupProperties({
  rows,
  services,
  close,
}: PropertiesProps<SoftwareUpdateGroup>) {
  const styles = useStyles();
  const group = rows[0]!;
  const [saved, setSaved] = useState({ name: group.name, description: group.description });
  const [name, setName] = useState(saved.name);
  const [description, setDescription] = useState(saved.description);
  const [nameProblem, setNameProblem] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);
  const isDirty = name !== saved.name || description !== saved.description;

  const apply = async (): Promise<boolean> => {
    if (!isDirty) return true;
    if (!name.trim()) {
      setNameProblem('A software update group needs a name.');
      return false;
    }
    setBusy(true);
    setProblem(null);
    try {
      const result = await services.api.call('groups.update', {
        id: group.id,
        ...(name !== saved.name ? { name } : {}),
        ...(description !== saved.description ? { description } : {}),
      });
      setSaved({ name, description });
      if (result.warning) services.notices.show('warning', result.warning);
      return true;
    } catch (error) {
      const sentence = errorSentence(error);
      const onName = fieldProblem(sentence, 'name');
      setNameProblem(onName);
      if (!onName) setProblem(sentence);
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (rows.length > 1) {
    return (
      <SelectOneContent className={styles.content} close={close}>
        Select one software update group to see or change its name and description.
      </SelectOneContent>
    );
  }

  return (
    <>
      <DialogContent className={styles.content}>
        <TabList size="small" selectedValue="general">
          <Tab value="general">General</Tab>
        </TabList>
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
        />
      </DialogContent>
      <PropertiesActions
        isBusy={isBusy}
        canApply={isDirty && !isBusy}
        apply={apply}
        close={close}
      />
    </>
  );
}
