import {
  DeploymentStatusCategory,
  deploymentStatusCategoryLabels,
  type DeploymentSummaryCounters,
} from '../../shared/contract/deployments';
import { PieChart } from '../details/compliance-pie';

/** View Status colours: green compliant, amber in progress, red error, purple not met, grey unknown. */
export const categoryColours: Record<DeploymentStatusCategory, string> = {
  Compliant: '#107c10',
  InProgress: '#ffb900',
  Error: '#d13438',
  RequirementsNotMet: '#5c2e91',
  Unknown: '#a19f9d',
};

/** The counters of one deployment per category, in the order of View Status's tabs. */
export function countsOf(
  counters: DeploymentSummaryCounters,
): Record<DeploymentStatusCategory, number> {
  return {
    Compliant: counters.numberSuccess,
    InProgress: counters.numberInProgress,
    Error: counters.numberErrors,
    RequirementsNotMet: counters.numberOther,
    Unknown: counters.numberUnknown,
  };
}

/** The pie of the five categories (Monitoring > Deployments Summary, View Status). */
export function DeploymentPie({ counts }: { counts: Record<DeploymentStatusCategory, number> }) {
  return (
    <PieChart
      label="Deployment status"
      slices={DeploymentStatusCategory.options.map((category) => ({
        label: deploymentStatusCategoryLabels[category],
        colour: categoryColours[category],
        value: counts[category],
      }))}
    />
  );
}
