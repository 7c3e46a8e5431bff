import type { SupComponentSettings } from '../../../shared/contract/software-update-point';
import type { RuleRunType } from '../../../shared/contract/automatic-deployment-rules';
import { nextOccurrence } from '../../../shared/schedule/next-occurrence';
import { wallOf } from '../../../shared/schedule/time-zone';
import type { SiteDatabase } from '../db/open-database';
import { nextScheduledSync } from '../sync/sync-scheduler';
import { syncJobKind } from '../sync/sync-job';
import {
  dueOccurrence,
  readRuleScheduleState,
  ruleScheduleOf,
  scheduleBase,
  type ScheduledRuleRow,
} from './rule-schedule-state';

/** The Next Run Time column of the Automatic Deployment Rules node. */
export interface RuleNextRun {
  /** Null when no time is known: Run Now only, disabled, or no synchronization scheduled. */
  nextRunTime: string | null;
  nextRunText: string;
}

/** What every rule's next run depends on, read once for a whole list. */
export interface NextRunContext {
  now: Date;
  timeZone: string;
  /** The next scheduled synchronization (null: none), and whether one is queued or running. */
  nextSync: Date | null;
  isSyncActive: boolean;
}

export async function nextRunContext(
  site: SiteDatabase,
  supSettings: { get(): Promise<SupComponentSettings> },
  now: Date,
  timeZone: string,
): Promise<NextRunContext> {
  const { due } = await nextScheduledSync(site, await supSettings.get());
  const active = await site.db
    .selectFrom('job')
    .select('id')
    .where('kind', '=', syncJobKind)
    .where('state', 'in', ['queued', 'running'])
    .executeTakeFirst();
  return {
    now,
    timeZone,
    // A scheduled sync already due starts at the scheduler's next check: now, near enough.
    nextSync: due && due < now ? now : due,
    isSyncActive: active !== undefined,
  };
}

/** "2026-12-09 02:00" in the site's zone, or "2026-12-09 02:00 UTC" for a UTC schedule. */
export function runTimeText(instant: Date, timeZone: string, isUtc = false): string {
  const wall = new Date(isUtc ? instant.getTime() : wallOf(instant.getTime(), timeZone));
  return `${wall.toISOString().slice(0, 16).replace('T', ' ')}${isUtc ? ' UTC' : ''}`;
}

/**
 * When a rule runs next by itself: after-sync rules with the next scheduled synchronization,
 * scheduled rules at their next occurrence not yet run, "Do not run this rule automatically"
 * never (Run Now only). A disabled rule never runs by itself.
 */
export async function nextRunOf(
  site: SiteDatabase,
  rule: ScheduledRuleRow,
  context: NextRunContext,
): Promise<RuleNextRun> {
  if (rule.is_enabled !== 1) return { nextRunTime: null, nextRunText: 'Disabled' };
  switch (rule.evaluation_run_type as RuleRunType) {
    case 'after-sync':
      if (context.isSyncActive)
        return { nextRunTime: null, nextRunText: 'After the synchronization in progress' };
      if (!context.nextSync)
        return {
          nextRunTime: null,
          nextRunText: 'After the next synchronization (none is scheduled)',
        };
      return {
        nextRunTime: context.nextSync.toISOString(),
        nextRunText: `After the synchronization at ${runTimeText(context.nextSync, context.timeZone)}`,
      };
    case 'schedule': {
      const schedule = ruleScheduleOf(rule.evaluation_schedule);
      if (!schedule) return { nextRunTime: null, nextRunText: 'No schedule is set' };
      const base = scheduleBase(rule, schedule, await readRuleScheduleState(site, rule.id));
      // An occurrence already due but not yet started is the next run (the scheduler's next
      // check starts it); otherwise the first one after the last that ran.
      const next =
        dueOccurrence(schedule, base, context.now, context.timeZone) ??
        nextOccurrence(schedule, base, null, context.timeZone);
      if (!next) return { nextRunTime: null, nextRunText: 'The schedule has no later occurrence' };
      return {
        nextRunTime: next.toISOString(),
        nextRunText: runTimeText(next, context.timeZone, schedule.isUtc),
      };
    }
    default:
      return { nextRunTime: null, nextRunText: 'Run Now only' };
  }
}

/** Next runs of many rules (a page of the node), by rule id. */
export async function nextRunsOf(
  site: SiteDatabase,
  rules: ScheduledRuleRow[],
  context: NextRunContext,
): Promise<Map<number, RuleNextRun>> {
  const runs = new Map<number, RuleNextRun>();
  for (const rule of rules) runs.set(rule.id, await nextRunOf(site, rule, context));
  return runs;
}
