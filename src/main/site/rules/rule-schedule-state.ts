import { CustomSchedule } from '../../../shared/schedule/schedule';
import { nextOccurrence } from '../../../shared/schedule/next-occurrence';
import type { SiteDatabase } from '../db/open-database';
import { readSetting } from '../sync/site-settings-store';

/**
 * What the scheduler remembers per scheduled rule, in a site setting (no table of its own): the
 * last occurrence it started (or passed over while the rule was disabled) and the schedule that
 * occurrence belonged to, so an occurrence never runs twice and a changed schedule counts from
 * when it was changed rather than from an old occurrence of the previous one.
 */
export interface RuleScheduleState {
  occurrence: string;
  schedule: string;
}

export const ruleScheduleStateKey = (ruleId: number) => `rules.schedule.${ruleId}`;

export interface ScheduledRuleRow {
  id: number;
  is_enabled: number;
  evaluation_run_type: string;
  evaluation_schedule: string | null;
  modified_at: string;
}

/** The Custom Schedule of a rule's Evaluation Schedule page, whichever shape it was stored in. */
export function ruleScheduleOf(stored: string | null): CustomSchedule | null {
  if (!stored) return null;
  const value = JSON.parse(stored) as unknown;
  const direct = CustomSchedule.safeParse(value);
  if (direct.success) return direct.data;
  const page = CustomSchedule.safeParse((value as { schedule?: unknown } | null)?.schedule);
  return page.success ? page.data : null;
}

export function readRuleScheduleState(
  site: SiteDatabase,
  ruleId: number,
): Promise<RuleScheduleState | null> {
  return readSetting<RuleScheduleState | null>(site.db, ruleScheduleStateKey(ruleId), null);
}

/** The instant the schedule counts from: its last occurrence, or when the schedule was set. */
export function scheduleBase(
  rule: ScheduledRuleRow,
  schedule: CustomSchedule,
  state: RuleScheduleState | null,
): Date {
  if (!state) return new Date(rule.modified_at);
  if (state.schedule === JSON.stringify(schedule)) return new Date(state.occurrence);
  const changed = new Date(rule.modified_at);
  const occurrence = new Date(state.occurrence);
  return changed > occurrence ? changed : occurrence;
}

/**
 * The latest occurrence due by `now` that has not run yet (null: none). After a long stop the
 * rule runs once, for the latest occurrence missed, not once per missed occurrence.
 */
export function dueOccurrence(
  schedule: CustomSchedule,
  base: Date,
  now: Date,
  timeZone: string,
): Date | null {
  let due = nextOccurrence(schedule, base, null, timeZone);
  if (!due || due > now) return null;
  for (let step = 0; step < 5000; step++) {
    const next = nextOccurrence(schedule, due, null, timeZone);
    if (!next || next > now) break;
    due = next;
  }
  return due;
}

/**
 * A deleted rule's memory goes with it (a later rule may get its id). Only rules really gone
 * forget: a rule that is still there would otherwise run an occurrence it already ran.
 */
export async function forgetRuleSchedules(site: SiteDatabase, ruleIds: number[]): Promise<void> {
  if (ruleIds.length === 0) return;
  const kept = await site.db
    .selectFrom('automatic_deployment_rule')
    .select('id')
    .where('id', 'in', ruleIds)
    .execute();
  const gone = ruleIds.filter((id) => !kept.some((row) => row.id === id));
  if (gone.length === 0) return;
  await site.db
    .deleteFrom('site_setting')
    .where('key', 'in', gone.map(ruleScheduleStateKey))
    .execute();
}
