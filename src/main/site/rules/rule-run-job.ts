import { z } from 'zod';
import type { Job } from '../../../shared/contract';
import type { SiteDatabase } from '../db/open-database';
import type { JobQueue } from '../jobs/job-queue';
import { toJob } from '../jobs/job-row';

/** SMS_RULE_ENGINE's evaluation of one rule: evaluate -> download -> group -> deploy. */
export const ruleRunJobKind = 'rules.run';

/** What starts a run; "created" is the wizard's Finish (the rule runs at once, §8.2). */
export const RuleRunTrigger = z.enum(['after-sync', 'schedule', 'manual', 'created']);
export type RuleRunTrigger = z.infer<typeof RuleRunTrigger>;

export const RuleRunJobParams = z.object({
  ruleId: z.number().int().positive(),
  trigger: RuleRunTrigger,
  /** Available time and deadline count from here (§8.2), not from when the job got a worker. */
  scheduledStart: z.string().datetime({ offset: true }),
});
export type RuleRunJobParams = z.infer<typeof RuleRunJobParams>;

export interface RuleRunEnqueueDependencies {
  site: SiteDatabase;
  jobs: JobQueue;
  /** Wakes the job runner so a Run Now starts now rather than at the next poll. */
  poke?: () => void;
}

/**
 * Queues one evaluation of a rule. A rule already queued or running is not queued twice: the
 * after-sync trigger, a schedule and Run Now landing together make one run, as in ConfigMgr.
 */
export async function enqueueRuleRun(
  deps: RuleRunEnqueueDependencies,
  params: RuleRunJobParams,
  createdBy = 'SYSTEM',
): Promise<Job> {
  const parsed = RuleRunJobParams.parse(params);
  const active = await findActiveRuleRun(deps.site, parsed.ruleId);
  if (active) return active;
  const job = await deps.jobs.enqueue({
    kind: ruleRunJobKind,
    title: `Run automatic deployment rule ${parsed.ruleId} (${parsed.trigger})`,
    params: parsed,
    createdBy,
    // A run is all or nothing: a failed one is reported, not retried behind the admin's back.
    maxAttempts: 1,
  });
  deps.poke?.();
  return job;
}

/** The queued or running evaluation of a rule, if any (the node's runningJobId). */
export async function findActiveRuleRun(site: SiteDatabase, ruleId: number): Promise<Job | null> {
  const rows = await site.db
    .selectFrom('job')
    .selectAll()
    .where('kind', '=', ruleRunJobKind)
    .where('state', 'in', ['queued', 'running'])
    .orderBy('id')
    .execute();
  const row = rows.find((candidate) => ruleIdOf(candidate.params) === ruleId);
  return row ? toJob(row) : null;
}

function ruleIdOf(params: unknown): number | null {
  const value: unknown = typeof params === 'string' ? JSON.parse(params) : params;
  const parsed = RuleRunJobParams.safeParse(value);
  return parsed.success ? parsed.data.ruleId : null;
}
