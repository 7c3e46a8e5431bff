import { ruleErrorCodes } from '../../../shared/contract/automatic-deployment-rules';
import { cancelSiteAlerts, raiseSiteAlert } from '../alerts/raise-alert';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { StatusMessages } from '../status/status-messages';
import { errorCodeHex, storedErrorCode, type RuleRow } from './rule-rows';

/**
 * SMS_RULE_ENGINE status message ids. The reference documents none for the rule engine, so
 * these are Patchbay's own, in a range ConfigMgr's components in this product do not use.
 */
export const ruleMessageIds = { succeeded: 7702, failed: 7703 } as const;

export type RuleErrorName = Exclude<keyof typeof ruleErrorCodes, 'none'>;

const alertKey = (ruleId: number) => `rule-failure:${ruleId}`;

/**
 * A failed run, as the node and Monitoring show it: Last Error Code (hex) and Last Error Time on
 * the rule with the sentence, an Error status message, and the rule's failure alert if asked.
 * Written after the run's transaction rolled back, so it is all that remains of the run.
 */
export async function recordRuleFailure(
  deps: { site: SiteDatabase; clock: Clock; statusMessages: StatusMessages },
  rule: RuleRow,
  failure: { error: RuleErrorName; message: string; isAlertOnRuleFailure: boolean; jobId: number },
): Promise<number> {
  const code = ruleErrorCodes[failure.error];
  const now = deps.clock.now().toISOString();
  await deps.site.db
    .updateTable('automatic_deployment_rule')
    .set({
      last_run_at: now,
      last_error_code: storedErrorCode(code),
      last_error_at: now,
      last_error_message: failure.message,
    })
    .where('id', '=', rule.id)
    .execute();
  const sentence = `Rule "${rule.name}" (ID ${rule.id}) failed with error ${errorCodeHex(code)}: ${failure.message}`;
  await deps.statusMessages.raise({
    component: 'SMS_RULE_ENGINE',
    messageId: ruleMessageIds.failed,
    severity: 'Error',
    message: sentence,
    insertionStrings: [rule.name, String(rule.id), errorCodeHex(code), failure.message],
    jobId: failure.jobId,
  });
  if (failure.isAlertOnRuleFailure)
    await raiseSiteAlert(
      deps.site.db,
      {
        key: alertKey(rule.id),
        name: `Automatic deployment rule failure: ${rule.name}`,
        type: 'Automatic deployment rule failure',
        message: sentence,
      },
      now,
    );
  return code;
}

/** A successful run: the status message, and the rule's failure alert (if any) is cancelled. */
export async function recordRuleSuccess(
  deps: { site: SiteDatabase; clock: Clock; statusMessages: StatusMessages },
  rule: RuleRow,
  sentence: string,
  jobId: number,
): Promise<void> {
  await deps.statusMessages.raise({
    component: 'SMS_RULE_ENGINE',
    messageId: ruleMessageIds.succeeded,
    severity: 'Informational',
    message: sentence,
    insertionStrings: [rule.name, String(rule.id)],
    jobId,
  });
  await cancelSiteAlerts(deps.site.db, [alertKey(rule.id)], deps.clock.now().toISOString());
}
