import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import type {
  AutomaticDeploymentRule,
  RuleDeployment,
} from '../../shared/contract/automatic-deployment-rules';
import type { Deployment } from '../../shared/contract/deployments';
import { openDeploymentProperties } from '../deployments/deployment-ribbon';
import type { ConsoleServices } from '../stores/console-services';
import { useSiteRead } from '../stores/use-live-value';
import { SelectTable } from '../wizards/select-table';
import { openRuleDeploymentProperties } from './rule-deployment-properties';
import { ruleReads } from './rule-reads';
import { scheduleText } from './rule-schedule-text';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: '6px', paddingTop: '6px' },
  bar: { display: 'flex', gap: '8px', alignItems: 'center' },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

/** A deployment of the rule, with the deployment its last run made (if any) beside it. */
interface Row {
  readonly key: string;
  readonly ruleDeployment: RuleDeployment;
  readonly deployment: Deployment | undefined;
}

/**
 * The Deployments tab of a rule (§8.3, §8.4): the rule's own deployment and every one Add
 * Deployment made, each with its collection, whether the deployment is enabled and its schedule
 * as offsets from the run. Properties opens the deployment the last run made; Edit changes an
 * added one's pages and Remove takes it away (the rule's own goes with the rule).
 */
export const RuleDeploymentsTab = observer(function RuleDeploymentsTab({
  rule,
  services,
}: {
  rule: AutomaticDeploymentRule;
  services: ConsoleServices;
}) {
  const styles = useStyles();
  const detail = useSiteRead(services, ruleReads.rule(services, rule.id));
  const made = useSiteRead(services, ruleReads.groupDeployments(services, rule.groupId));
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [problem, setProblem] = useState<string | null>(null);
  const byId = new Map((made.value?.rows ?? []).map((row) => [row.id, row]));
  const rows: Row[] = (detail.value?.deployments ?? []).map((ruleDeployment) => ({
    key: ruleDeployment.id === null ? 'rule' : String(ruleDeployment.id),
    ruleDeployment,
    deployment:
      ruleDeployment.deploymentId === null ? undefined : byId.get(ruleDeployment.deploymentId),
  }));
  const chosen = rows.find((row) => selected.has(row.key));

  const remove = async (row: Row) => {
    const { id } = row.ruleDeployment;
    if (id === null) return;
    const isYes = await services.dialogs.confirm({
      title: 'Confirm Delete',
      question: `Are you sure you want to remove the deployment of "${rule.name}" to ${row.ruleDeployment.collectionName}? Later runs no longer deploy to it; the deployments runs made already stay.`,
    });
    if (!isYes) return;
    try {
      await services.api.call('rules.removeDeployment', { ruleId: rule.id, id });
      setSelected(new Set());
      setProblem(null);
      void detail.reload();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  const readError = detail.error ?? made.error;
  return (
    <div className={styles.tab}>
      {(readError ?? problem) && (
        <span className={styles.problem} role="alert">
          {readError ? `The deployments could not be read: ${readError}` : problem}
        </span>
      )}
      <SelectTable<Row>
        label="Deployments"
        columns={[
          {
            header: 'Collection',
            width: '16%',
            cell: (row) => row.ruleDeployment.collectionName,
          },
          {
            header: 'Deployment Name',
            width: '24%',
            cell: (row) => {
              const name = row.deployment?.name ?? row.ruleDeployment.deploymentName;
              return <span title={name ?? undefined}>{name ?? 'Made at the next run'}</span>;
            },
          },
          {
            header: 'Purpose',
            width: '9%',
            cell: (row) => row.ruleDeployment.settings.deploymentSettings.purpose,
          },
          {
            header: 'Enabled',
            width: '8%',
            cell: (row) => (row.deployment ? (row.deployment.isEnabled ? 'Yes' : 'No') : ''),
          },
          {
            header: 'Schedule',
            cell: (row) => {
              const text = scheduleText(row.ruleDeployment.settings.deploymentSchedule);
              return <span title={text}>{text}</span>;
            },
          },
          {
            header: 'Compliance %',
            width: '10%',
            cell: (row) => row.deployment?.compliancePercent ?? '',
          },
        ]}
        rows={rows}
        rowKey={(row) => row.key}
        rowName={(row) => row.ruleDeployment.collectionName}
        selected={selected}
        onSelect={setSelected}
        height="150px"
        emptyText={detail.value ? 'The rule has no deployments.' : 'Reading the deployments…'}
      />
      <div className={styles.bar}>
        <Button
          size="small"
          disabled={!chosen?.deployment}
          title="Opens the Properties of the deployment the rule's last run made."
          onClick={() =>
            chosen?.deployment &&
            void openDeploymentProperties(services, chosen.deployment, () => void made.reload())
          }
        >
          Properties
        </Button>
        <Button
          size="small"
          disabled={!chosen || chosen.ruleDeployment.id === null || !detail.value}
          title="Changes the settings of a deployment Add Deployment made; the rule's own deployment is changed in the rule's Properties."
          onClick={() => {
            const id = chosen?.ruleDeployment.id;
            if (!chosen || id == null || !detail.value) return;
            void openRuleDeploymentProperties(services, detail.value, {
              ...chosen.ruleDeployment,
              id,
            }).then(() => detail.reload());
          }}
        >
          Edit
        </Button>
        <Button
          size="small"
          disabled={!chosen || chosen.ruleDeployment.id === null}
          title="Removes a deployment Add Deployment made; the rule's own deployment goes with the rule."
          onClick={() => chosen && void remove(chosen)}
        >
          Remove
        </Button>
      </div>
    </div>
  );
});
