import { describe, expect, it } from 'vitest';
import {
  evaluationsPerDay,
  RuleDeploymentSchedulePage,
  RuleEvaluationSchedulePage,
  ruleSettingsProblems,
} from './automatic-deployment-rules';
import { DeploymentSettingsPage, UserExperiencePage } from './deployment-settings';

function problemsOf(evaluationSchedule: unknown) {
  return ruleSettingsProblems({
    deploymentSettings: DeploymentSettingsPage.parse({}),
    deploymentSchedule: RuleDeploymentSchedulePage.parse({}),
    userExperience: UserExperiencePage.parse({}),
    evaluationSchedule: RuleEvaluationSchedulePage.parse(evaluationSchedule),
  });
}

const every = (count: number, unit: 'minutes' | 'hours' | 'days') => ({
  runType: 'schedule',
  schedule: {
    kind: 'custom',
    start: '2026-12-01T00:00',
    recurrence: { pattern: 'interval', every: count, unit },
  },
});

describe('how often a rule may be evaluated (§8.2, §14: at most three times a day)', () => {
  it('allows every 8 hours, daily, weekly and monthly schedules', () => {
    expect(problemsOf(every(8, 'hours'))).toEqual([]);
    expect(problemsOf(every(1, 'days'))).toEqual([]);
    expect(
      problemsOf({
        runType: 'schedule',
        schedule: {
          kind: 'custom',
          start: '2026-12-01T00:00',
          recurrence: {
            pattern: 'monthly-weekday',
            everyMonths: 1,
            week: 'Second',
            day: 'Tuesday',
            offsetDays: 7,
          },
        },
      }),
    ).toEqual([]);
  });

  it('refuses more than three evaluations a day with a sentence on the schedule field', () => {
    expect(problemsOf(every(7, 'hours'))).toEqual([
      {
        path: ['evaluationSchedule', 'schedule'],
        message:
          'this schedule evaluates the rule 4 times a day; a rule runs at most 3 times a day',
      },
    ]);
    expect(evaluationsPerDay(every(30, 'minutes').schedule as never)).toBe(48);
    expect(problemsOf(every(30, 'minutes'))[0]?.message).toMatch(/48 times a day/);
  });

  it('asks for a schedule when the rule runs on one, and needs none otherwise', () => {
    expect(problemsOf({ runType: 'schedule' })).toEqual([
      {
        path: ['evaluationSchedule', 'schedule'],
        message: 'choose when the rule runs (Customize)',
      },
    ]);
    expect(problemsOf({ runType: 'after-sync' })).toEqual([]);
    expect(problemsOf({ runType: 'manual' })).toEqual([]);
  });
});
