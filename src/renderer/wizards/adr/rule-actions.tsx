import { FlowchartRegular } from '@fluentui/react-icons';
import type { RibbonAction } from '../../nodes/types';
import type { ConsoleServices } from '../../stores/console-services';
import { CreateRuleWizard } from './RuleWizard';

/** Opens the Create Automatic Deployment Rule Wizard; resolves once it is closed. */
export function openCreateRuleWizard(services: ConsoleServices): Promise<void> {
  return services.dialogs.show((close) => <CreateRuleWizard services={services} close={close} />);
}

/** Home > Create Automatic Deployment Rule, for any node's ribbon (the rules node's first). */
export function createRuleAction<Row>(): RibbonAction<Row> {
  return {
    id: 'createAutomaticDeploymentRule',
    label: 'Create Automatic Deployment Rule',
    icon: FlowchartRegular,
    description:
      'Creates a rule that selects software updates by their properties, adds them to a group and deploys them, after each synchronization or on a schedule.',
    run: ({ services }) => openCreateRuleWizard(services),
  };
}
