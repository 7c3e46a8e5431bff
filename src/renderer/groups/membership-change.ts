import type { GroupMembershipState } from '../../shared/contract/update-groups';

export interface GroupChoice {
  readonly groupId: number;
  readonly name: string;
  /** What the selected updates are in the group when the dialog opened. */
  readonly initial: GroupMembershipState;
  readonly current: GroupMembershipState;
}

/**
 * The next state of a checkbox click: checked and unchecked alternate; a group that held some
 * of the updates can also go back to mixed, which leaves it as it was.
 */
export function nextState(choice: GroupChoice): GroupMembershipState {
  if (choice.current === 'some') return 'all';
  if (choice.current === 'all') return 'none';
  return choice.initial === 'some' ? 'some' : 'all';
}

/**
 * What OK sends: newly checked groups gain the selection, newly unchecked ones lose it; null
 * when the admin changed nothing, so nothing is sent.
 */
export function membershipChange(
  choices: readonly GroupChoice[],
  ciIds: readonly number[],
): { groupIds: number[]; add: number[]; uncheckedGroupIds: number[] } | null {
  const groupIds = choices
    .filter((choice) => choice.current === 'all' && choice.initial !== 'all')
    .map((choice) => choice.groupId);
  const uncheckedGroupIds = choices
    .filter((choice) => choice.current === 'none' && choice.initial !== 'none')
    .map((choice) => choice.groupId);
  if (groupIds.length + uncheckedGroupIds.length === 0) return null;
  return { groupIds, add: [...ciIds], uncheckedGroupIds };
}
