import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { errorSentence } from '../properties/error-sentence';
import type { ConsoleServices } from '../stores/console-services';
import { membershipChange, nextState, type GroupChoice } from './membership-change';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: '8px' },
  list: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '96px',
    maxHeight: '260px',
    overflowY: 'auto',
    padding: '4px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  empty: { color: tokens.colorNeutralForeground3, padding: '8px' },
});

const checkedOf = { all: true, some: 'mixed', none: false } as const;

/**
 * Edit Membership (§5.3): every group with a checkbox, checked when it holds all the selected
 * updates and mixed when it holds some. OK adds the selection to newly checked groups and takes
 * it out of newly unchecked ones, in one change on the site.
 */
export function EditMembershipDialog(props: {
  ciIds: readonly number[];
  services: ConsoleServices;
  /** Called after the site applied a change, e.g. to re-read a Show Members list. */
  onChanged(): void;
  close(): void;
}) {
  const styles = useStyles();
  const { services, ciIds } = props;
  const [choices, setChoices] = useState<GroupChoice[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [isBusy, setBusy] = useState(false);

  useEffect(() => {
    services.api.call('groups.membershipOf', { ciIds: [...ciIds] }).then(
      (groups) =>
        setChoices(
          groups.map((group) => ({
            groupId: group.groupId,
            name: group.name,
            initial: group.state,
            current: group.state,
          })),
        ),
      (error: unknown) => setProblem(errorSentence(error)),
    );
  }, [services, ciIds]);

  const ok = async () => {
    const change = choices && membershipChange(choices, ciIds);
    if (!change) return props.close();
    setBusy(true);
    setProblem(null);
    try {
      const result = await services.api.call('groups.setMembership', change);
      const names = result.groups.map((group) => group.name).join(', ');
      services.notices.show('success', `Changed the membership of ${names}.`);
      for (const group of result.groups) {
        if (group.warning) services.notices.show('warning', `${group.name}: ${group.warning}`);
      }
      props.onChanged();
      props.close();
    } catch (error) {
      setProblem(errorSentence(error));
    } finally {
      setBusy(false);
    }
  };

  const count = ciIds.length;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && props.close()}>
      <DialogSurface style={{ maxWidth: '480px' }}>
        <DialogBody>
          <DialogTitle>Edit Membership</DialogTitle>
          <DialogContent className={styles.content}>
            <span>
              Choose the software update groups for the {count} selected{' '}
              {count === 1 ? 'update' : 'updates'}. A mixed box means only some of them are in that
              group.
            </span>
            {problem && (
              <MessageBar intent="error">
                <MessageBarBody>{problem}</MessageBarBody>
              </MessageBar>
            )}
            <div className={styles.list} role="group" aria-label="Software update groups">
              {choices === null && !problem && <Spinner size="tiny" label="Reading the groups…" />}
              {choices?.length === 0 && (
                <span className={styles.empty}>
                  There are no software update groups yet. Use Create Software Update Group.
                </span>
              )}
              {choices?.map((choice) => (
                <Checkbox
                  key={choice.groupId}
                  label={choice.name}
                  checked={checkedOf[choice.current]}
                  onChange={() =>
                    setChoices((all) =>
                      (all ?? []).map((item) =>
                        item.groupId === choice.groupId
                          ? { ...item, current: nextState(item) }
                          : item,
                      ),
                    )
                  }
                />
              ))}
            </div>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={isBusy || choices === null}
              onClick={() => void ok()}
            >
              OK
            </Button>
            <Button onClick={props.close}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
