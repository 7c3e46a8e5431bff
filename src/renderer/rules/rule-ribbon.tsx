import {
  AddSquareMultipleRegular,
  CheckmarkCircleRegular,
  DismissCircleRegular,
  PlayRegular,
  TaskListSquareLtrRegular,
} from '@fluentui/react-icons';
import type { AutomaticDeploymentRule } from '../../shared/contract/automatic-deployment-rules';
import { deleteAction } from '../nodes/delete-action';
import type { RibbonAction, RibbonGroup } from '../nodes/types';
import { AddDeploymentWizard } from './add-deployment/AddDeploymentWizard';

type Rule = AutomaticDeploymentRule;

/** Software Update Groups, where Show Software Update Group goes. */
const groupsNodeId = 'library.softwareUpdates.groups';

/**
 * Run Now (Invoke-CMSoftwareUpdateAutoDeploymentRule): one rule-engine job per rule, followed in
 * the Jobs panel as Synchronize and Download are. A rule already running is not queued twice.
 */
export const runNowAction: RibbonAction<Rule> = {
  id: 'runRuleNow',
  label: 'Run Now',
  icon: PlayRegular,
  description:
    'Evaluates the selected rules now: matching updates are downloaded, put in a software update group and deployed.',
  isEnabled: ({ selection }) =>
    selection.length > 0 && selection.some((rule) => rule.runningJobId === null),
  run: async ({ selection, services, list }) => {
    const rules = selection.filter((rule) => rule.runningJobId === null);
    try {
      const jobIds: number[] = [];
      for (const rule of rules) {
        const { jobId } = await services.api.call('rules.run', { id: rule.id });
        jobIds.push(jobId);
        void services.jobs.track(jobId);
      }
      services.notices.show(
        'info',
        rules.length === 1
          ? `Run Now started job ${jobIds[0]} for the rule "${rules[0]!.name}".`
          : `Run Now started jobs ${jobIds.join(', ')} for ${rules.length} rules.`,
      );
      services.revealJobs();
      list.refreshSoon();
    } catch (error) {
      services.notices.showError('The rule could not run', error);
    }
  },
};

/** Enable / Disable: a disabled rule is never evaluated automatically; its deployments stay. */
function setEnabledAction(isEnabled: boolean): RibbonAction<Rule> {
  const verb = isEnabled ? 'Enable' : 'Disable';
  return {
    id: isEnabled ? 'enableRule' : 'disableRule',
    label: verb,
    icon: isEnabled ? CheckmarkCircleRegular : DismissCircleRegular,
    description: isEnabled
      ? 'Enables the selected rules: they run again when their evaluation schedule says.'
      : 'Disables the selected rules: they no longer run automatically. Their deployments stay as they are.',
    isEnabled: ({ selection }) => selection.some((rule) => rule.isEnabled !== isEnabled),
    run: async ({ selection, services, list }) => {
      try {
        const { changed } = await services.api.call('rules.setEnabled', {
          ids: selection.map((rule) => rule.id),
          isEnabled,
        });
        services.notices.show(
          'success',
          `${isEnabled ? 'Enabled' : 'Disabled'} ${changed} ${changed === 1 ? 'automatic deployment rule' : 'automatic deployment rules'}.`,
        );
        list.refresh();
      } catch (error) {
        services.notices.showError(`The rules were not ${verb.toLowerCase()}d`, error);
      }
    },
  };
}

/** Add Deployment (§8.4): another collection for the rule's group and package. */
export const addDeploymentAction: RibbonAction<Rule> = {
  id: 'addRuleDeployment',
  label: 'Add Deployment',
  icon: AddSquareMultipleRegular,
  description:
    'Adds a deployment to the selected rule: another collection gets the same software update group and package, with its own schedule, user experience and alerts.',
  isEnabled: ({ selection }) => selection.length === 1,
  run: ({ selection, services, list }) => {
    const rule = selection[0]!;
    return services.dialogs.show((close) => (
      <AddDeploymentWizard
        rule={rule}
        services={services}
        close={() => {
          close();
          list.refresh();
        }}
      />
    ));
  },
};

export const deleteRuleAction = deleteAction<Rule>({
  id: 'deleteRule',
  description:
    'Deletes the selected automatic deployment rules. The software update groups and deployments they made stay.',
  noun: { one: 'automatic deployment rule', many: 'automatic deployment rules' },
  consequence: {
    one: 'The software update groups and deployments it made stay.',
    many: 'The software update groups and deployments they made stay.',
  },
  remove: async (services, ids) => (await services.api.call('rules.delete', { ids })).deleted,
});

/** Opens Software Update Groups on the group the rule's last successful run made or refreshed. */
export const showGroupAction: RibbonAction<Rule> = {
  id: 'showRuleGroup',
  label: 'Show Software Update Group',
  icon: TaskListSquareLtrRegular,
  description:
    'Opens Software Update Groups on the group the selected rule made or refreshed at its last successful run.',
  isEnabled: ({ selection }) => selection.length === 1 && selection[0]!.groupId !== null,
  run: ({ selection, services }) => {
    const rule = selection[0]!;
    if (rule.groupId === null) return;
    services.openNode(groupsNodeId, {
      label: `Software update group of ${rule.name}`,
      groupId: rule.groupId,
    });
  },
};

/**
 * The Home tab of Automatic Deployment Rules (§8.3), in the console's order, led by Create
 * Automatic Deployment Rule (the wizard's own button); Properties is the shell's own (the node's
 * `properties`).
 */
export function ruleRibbon(create: RibbonAction<Rule>): RibbonGroup<Rule>[] {
  return [
    {
      label: 'Automatic Deployment Rule',
      actions: [
        create,
        runNowAction,
        setEnabledAction(true),
        setEnabledAction(false),
        addDeploymentAction,
        deleteRuleAction,
      ],
    },
    { label: 'Software Update Group', actions: [showGroupAction] },
  ];
}
