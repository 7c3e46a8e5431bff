import { sql } from 'kysely';
import { z } from 'zod';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { defineJob } from '../jobs/job-handler';
import type { StatusMessages } from '../status/status-messages';
import { writeSetting } from '../sync/site-settings-store';
import type { ComplianceNotifier } from './compliance-notifier';
import { recomputeGroups } from './group-compliance';
import { addCount, applyCounterDeltas, type CounterDelta, type Db } from './update-counters';

export const summarizationJobKind = 'compliance.summarize';
export const lastSummarizationKey = 'compliance.lastSummarization';

/**
 * Status message ids of the summarizer. ConfigMgr logs summarization in SMS_STATE_SYSTEM's
 * statesys.log without documented ids, so these are ours [INF].
 */
const messageIds = { started: 7900, completed: 7901 } as const;

export interface SummarizationResult {
  updates: number;
  groups: number;
  /** Counters that differed from the live ones: 0 when every batch was counted right. */
  correctedUpdates: number;
  correctedGroups: number;
  /** Where the time went: recounting updates, then groups. */
  updatesMs: number;
  groupsMs: number;
}

type Snapshot = Map<number, string>;

async function snapshot(db: Db): Promise<{ updates: Snapshot; groups: Snapshot }> {
  const updates = await db
    .selectFrom('update_compliance_summary')
    .select(['ci_id', 'num_required', 'num_installed', 'num_not_required', 'num_unknown'])
    .execute();
  const groups = await db
    .selectFrom('group_compliance_summary')
    .select(['group_id', 'num_compliant', 'num_non_compliant'])
    .execute();
  return {
    updates: new Map(
      updates.map((r) => [
        r.ci_id,
        `${r.num_required}/${r.num_installed}/${r.num_not_required}/${r.num_unknown}`,
      ]),
    ),
    groups: new Map(groups.map((r) => [r.group_id, `${r.num_compliant}/${r.num_non_compliant}`])),
  };
}

function differences(before: Snapshot, after: Snapshot): number {
  let count = 0;
  for (const [key, value] of after) if ((before.get(key) ?? '0/0/0/0') !== value) count += 1;
  return count;
}

/**
 * Run Summarization (§4.3): recomputes every update's and every group's counters from the
 * per-client states, in one transaction, and says how many differed from the live counters.
 */
export async function summarizeCompliance(
  site: SiteDatabase,
  clock: Clock,
): Promise<SummarizationResult> {
  const now = clock.now().toISOString();
  const result = await site.db.transaction().execute(async (trx) => {
    const before = await snapshot(trx);
    const started = performance.now();
    await sql`
      INSERT INTO update_compliance_summary (ci_id)
      SELECT ci_id FROM software_update
      WHERE ci_id NOT IN (SELECT ci_id FROM update_compliance_summary)`.execute(trx);
    await sql`
      UPDATE update_compliance_summary
      SET num_required = 0, num_installed = 0, num_not_required = 0, num_unknown = 0,
          num_compliant = 0, summarized_at = ${now}`.execute(trx);
    // COUNT(*) per (update, state) walks the (ci_id, state) index alone; the four counters of
    // each update are then written from the few hundred totals.
    const totals = await sql<{ ci_id: number; state: number; count: number }>`
      SELECT ci_id, state, COUNT(*) AS count FROM client_update_state GROUP BY ci_id, state`.execute(
      trx,
    );
    const deltas = new Map<number, CounterDelta>();
    for (const row of totals.rows) addCount(deltas, row.ci_id, row.state, Number(row.count));
    await applyCounterDeltas(trx, deltas.values(), false);
    const updatesMs = performance.now() - started;
    await recomputeGroups(trx, 'all', now);
    const groupsMs = performance.now() - started - updatesMs;
    const after = await snapshot(trx);
    await writeSetting(trx, lastSummarizationKey, now, now);
    return {
      updates: after.updates.size,
      groups: after.groups.size,
      correctedUpdates: differences(before.updates, after.updates),
      correctedGroups: differences(before.groups, after.groups),
      updatesMs: Math.round(updatesMs),
      groupsMs: Math.round(groupsMs),
    };
  });
  return result;
}

export function summarizationJob(deps: {
  site: SiteDatabase;
  clock: Clock;
  statusMessages: StatusMessages;
  notifier: ComplianceNotifier;
  /** Deployments' part of a summarization (derived compliance, alerts). */
  afterSummarize?: () => Promise<unknown>;
}) {
  return defineJob({
    kind: summarizationJobKind,
    params: z.object({ trigger: z.enum(['manual', 'schedule']).default('manual') }),
    maxAttempts: 2,
    isResumable: false,
    async run(context) {
      await deps.statusMessages.raise({
        component: 'SMS_STATE_SYSTEM',
        messageId: messageIds.started,
        severity: 'Informational',
        message: `Software update summarization started (${context.params.trigger}).`,
        jobId: context.jobId,
      });
      context.progress(0.1, 'Counting the detection states of every client');
      const started = Date.now();
      const result = await summarizeCompliance(deps.site, deps.clock);
      await deps.afterSummarize?.();
      const seconds = ((Date.now() - started) / 1000).toFixed(2);
      const text =
        `Summarized ${result.updates} updates and ${result.groups} software update groups in ${seconds} s; ` +
        `${result.correctedUpdates} update and ${result.correctedGroups} group counters differed from the live ones.`;
      await context.log(text);
      // The job's last sentence says what it did, not the step it was on.
      context.progress(1, text);
      await deps.statusMessages.raise({
        component: 'SMS_STATE_SYSTEM',
        messageId: messageIds.completed,
        severity:
          result.correctedUpdates + result.correctedGroups > 0 ? 'Warning' : 'Informational',
        message: text,
        jobId: context.jobId,
      });
      deps.notifier.changed();
      return result;
    },
  });
}
