import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { ruleRunJobKind, RuleRunJobParams } from '../../src/main/site/rules/rule-run-job';
import { nextRunContext, nextRunOf } from '../../src/main/site/rules/rule-next-run';
import { readRuleScheduleState } from '../../src/main/site/rules/rule-schedule-state';
import type { z } from 'zod';
import type { CustomSchedule } from '../../src/shared/schedule/schedule';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { call } from '../support/compliance-site';
import { engines } from '../support/engines';
import { syncAndWait } from '../support/sync-helpers';
import { jobEnd, openTestSite, until } from '../support/test-site';

/** A rule made by the wizard's Finish (without its first run), varying only when it runs. */
async function addRule(
  site: Site,
  rule: {
    name: string;
    runType: 'after-sync' | 'schedule' | 'manual';
    schedule?: z.input<typeof CustomSchedule>;
    isEnabled?: boolean;
  },
): Promise<number> {
  const collection = await site.database.db
    .selectFrom('collection')
    .select('id')
    .where('collection_id', '=', 'SMS00001')
    .executeTakeFirstOrThrow();
  const { id } = await call(site, 'rules.create', {
    general: { name: rule.name, collectionId: collection.id },
    softwareUpdates: { criteria: [{ property: 'title', values: ['cumulative'] }] },
    evaluationSchedule: {
      runType: rule.runType,
      ...(rule.schedule && { schedule: rule.schedule }),
    },
    content: { deploymentPackage: { choice: 'none' }, languageSelection: { languages: ['en'] } },
    runAfterCreate: false,
  });
  if (rule.isEnabled === false)
    await call(site, 'rules.setEnabled', { ids: [id], isEnabled: false });
  return id;
}

async function ruleRuns(site: Site) {
  const rows = await site.database.db
    .selectFrom('job')
    .select(['id', 'params', 'state'])
    .where('kind', '=', ruleRunJobKind)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    state: row.state,
    ...RuleRunJobParams.parse(JSON.parse(row.params)),
  }));
}

const patchTuesdayPlusOne = {
  kind: 'custom' as const,
  start: '2026-01-01T02:00',
  isUtc: false,
  recurrence: {
    pattern: 'monthly-weekday' as const,
    everyMonths: 1,
    week: 'Second' as const,
    day: 'Tuesday' as const,
    offsetDays: 1,
  },
};

describe.each(engines)('when automatic deployment rules run, on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('runs every enabled after-sync rule once per successful synchronization', async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    const { site } = opened;
    await site.supSettings.set({
      syncSource: 'catalog-bundle',
      syncSourceLocation: bundleOf([makeRecord('cumulative-2024-01')]),
    });
    const afterSync = await addRule(site, { name: 'Patch Tuesday', runType: 'after-sync' });
    await addRule(site, { name: 'Paused', runType: 'after-sync', isEnabled: false });
    await addRule(site, { name: 'By hand', runType: 'manual' });

    const first = await syncAndWait(site);
    expect(first.state).toBe('succeeded');
    const [run] = await until(async () => {
      const runs = await ruleRuns(site);
      return runs.length > 0 && runs;
    });
    expect(run).toMatchObject({ ruleId: afterSync, trigger: 'after-sync' });
    expect(run!.scheduledStart).toBe(first.finishedAt);

    // The same synchronization seen again — its event delivered twice, a check by this process
    // and by a second one sharing the database — starts nothing more.
    // The run is a real rule-engine job; it ends before the next sync, which queues another.
    expect((await jobEnd(site, run!.id)).state).toBe('succeeded');
    site.events.publish({ type: 'job.changed', job: await site.jobs.get(first.id) });
    const second = await opened.reopen({ bundledCatalogFolder: null, runJobs: false });
    expect(await second.ruleScheduler.check()).toEqual({ afterSync: [], scheduled: [] });
    expect(await site.ruleScheduler.check()).toEqual({ afterSync: [], scheduled: [] });
    await site.ruleScheduler.idle();
    expect(await ruleRuns(site)).toHaveLength(1);

    // A failed synchronization runs no rule; the next successful one runs it again.
    await site.supSettings.set({ syncSourceLocation: 'http://127.0.0.1:9/catalog/manifest.json' });
    expect((await syncAndWait(site)).state).toBe('failed');
    await site.ruleScheduler.check();
    expect(await ruleRuns(site)).toHaveLength(1);
    await site.supSettings.set({
      syncSourceLocation: bundleOf([makeRecord('cumulative-2024-02')]),
    });
    const third = await syncAndWait(site);
    expect(third.state).toBe('succeeded');
    const runs = await until(async () => {
      const all = await ruleRuns(site);
      return all.length === 2 && all;
    });
    expect(runs.map((each) => each.ruleId)).toEqual([afterSync, afterSync]);
    expect(runs[1]!.scheduledStart).toBe(third.finishedAt);
    await site.ruleScheduler.check();
    await second.ruleScheduler.check();
    expect(await ruleRuns(site)).toHaveLength(2);
    // The runs are real rule-engine jobs: each ends (the rule's one update, no package).
    expect((await jobEnd(site, runs[1]!.id)).state).toBe('succeeded');
  });

  it('catches up a synchronization whose process stopped before its rules started', async () => {
    const opened = await openTestSite(engine, { bundledCatalogFolder: null });
    dispose = opened.dispose;
    const { site } = opened;
    await site.supSettings.set({
      syncSource: 'catalog-bundle',
      syncSourceLocation: bundleOf([makeRecord('cumulative-2024-01')]),
    });
    // This process stops listening, as if it had stopped right after the sync succeeded.
    site.ruleScheduler.stop();
    const rule = await addRule(site, { name: 'Patch Tuesday', runType: 'after-sync' });
    expect((await syncAndWait(site)).state).toBe('succeeded');
    expect(await ruleRuns(site)).toHaveLength(0);
    const other = await opened.reopen({ bundledCatalogFolder: null, runJobs: false });
    expect(await other.ruleScheduler.check()).toEqual({ afterSync: [rule], scheduled: [] });
    expect(await other.ruleScheduler.check()).toEqual({ afterSync: [], scheduled: [] });
    expect(await ruleRuns(site)).toHaveLength(1);
    const [caughtUp] = await ruleRuns(site);
    expect((await jobEnd(site, caughtUp!.id)).state).toBe('succeeded');
  });

  it('runs a scheduled rule once at each occurrence, read in the site time zone', async () => {
    let now = new Date('2026-11-01T00:00:00.000Z');
    const clock = { now: () => now };
    const options = {
      clock,
      runJobs: false,
      bundledCatalogFolder: null,
      timeZone: 'Europe/Berlin',
    };
    const opened = await openTestSite(engine, options);
    dispose = opened.dispose;
    const { site } = opened;
    const second = await opened.reopen(options);
    const rule = await addRule(site, {
      name: 'Patch Wednesday',
      runType: 'schedule',
      schedule: patchTuesdayPlusOne,
    });
    const paused = await addRule(site, {
      name: 'Paused',
      runType: 'schedule',
      schedule: patchTuesdayPlusOne,
      isEnabled: false,
    });
    const row = () =>
      site.database.db
        .selectFrom('automatic_deployment_rule')
        .selectAll()
        .where('id', '=', rule)
        .executeTakeFirstOrThrow();
    const nextRun = async () =>
      nextRunOf(
        site.database,
        await row(),
        await nextRunContext(site.database, site.supSettings, now, 'Europe/Berlin'),
      );
    // Second Tuesday of November 2026 is the 10th; +1 = Wednesday the 11th, 02:00 CET.
    expect(await nextRun()).toEqual({
      nextRunTime: '2026-11-11T01:00:00.000Z',
      nextRunText: '2026-11-11 02:00',
    });

    now = new Date('2026-11-11T00:59:59.000Z');
    expect(await site.ruleScheduler.check()).toEqual({ afterSync: [], scheduled: [] });
    now = new Date('2026-11-11T01:00:30.000Z');
    const checks = await Promise.all([site.ruleScheduler.check(), second.ruleScheduler.check()]);
    expect(checks.flatMap((check) => check.scheduled)).toEqual([rule]);
    const runs = await ruleRuns(site);
    expect(runs).toMatchObject([
      { ruleId: rule, trigger: 'schedule', scheduledStart: '2026-11-11T01:00:00.000Z' },
    ]);
    now = new Date('2026-11-11T09:00:00.000Z');
    expect(await site.ruleScheduler.check()).toEqual({ afterSync: [], scheduled: [] });
    expect(await nextRun()).toEqual({
      nextRunTime: '2026-12-09T01:00:00.000Z',
      nextRunText: '2026-12-09 02:00',
    });

    // The next month's occurrence runs again; the disabled rule never did, and enabling it does
    // not make up the occurrences it missed.
    await site.jobs.requestCancel(runs[0]!.id);
    now = new Date('2026-12-09T01:05:00.000Z');
    expect((await second.ruleScheduler.check()).scheduled).toEqual([rule]);
    await call(site, 'rules.setEnabled', { ids: [paused], isEnabled: true });
    expect((await site.ruleScheduler.check()).scheduled).toEqual([]);
    expect((await ruleRuns(site)).map((each) => [each.ruleId, each.scheduledStart])).toEqual([
      [rule, '2026-11-11T01:00:00.000Z'],
      [rule, '2026-12-09T01:00:00.000Z'],
    ]);

    // A deleted rule's memory of its occurrences goes with it.
    expect(await readRuleScheduleState(site.database, rule)).not.toBeNull();
    for (const each of await ruleRuns(site)) await site.jobs.requestCancel(each.id);
    await call(site, 'rules.delete', { ids: [rule] });
    expect(await readRuleScheduleState(site.database, rule)).toBeNull();
    expect(await readRuleScheduleState(site.database, paused)).not.toBeNull();
  });

  it('gives the scheduled run its occurrence as the scheduled start, however late it starts', async () => {
    let now = new Date('2026-11-01T00:00:00.000Z');
    const opened = await openTestSite(engine, {
      clock: { now: () => now },
      bundledCatalogFolder: null,
      timeZone: 'America/New_York',
    });
    dispose = opened.dispose;
    const { site } = opened;
    await site.supSettings.set({
      syncSource: 'catalog-bundle',
      syncSourceLocation: bundleOf([makeRecord('cumulative-2024-01')]),
    });
    expect((await syncAndWait(site)).state).toBe('succeeded');
    const rule = await addRule(site, {
      name: 'Patch Wednesday',
      runType: 'schedule',
      schedule: patchTuesdayPlusOne,
    });
    // 02:00 in New York on Wednesday 11 November 2026 is 07:00 UTC (EST); the site was busy
    // and checks 40 minutes late.
    now = new Date('2026-11-11T07:40:00.000Z');
    expect((await site.ruleScheduler.check()).scheduled).toEqual([rule]);
    const [run] = await ruleRuns(site);
    const job = await jobEnd(site, run!.id);
    expect(job.state).toBe('succeeded');
    expect(job.result).toMatchObject({
      ruleId: rule,
      outcome: 'Succeeded',
      scheduledStart: '2026-11-11T07:00:00.000Z',
    });
    expect(await call(site, 'rules.get', { id: rule })).toMatchObject({
      lastErrorCode: 0,
      nextRunTime: '2026-12-09T07:00:00.000Z',
      nextRunText: '2026-12-09 02:00',
    });
  });

  it('shows the next run: the next scheduled sync for after-sync rules, none for Run Now only', async () => {
    const now = new Date('2026-11-10T08:00:00.000Z');
    const opened = await openTestSite(engine, {
      clock: { now: () => now },
      runJobs: false,
      bundledCatalogFolder: null,
    });
    dispose = opened.dispose;
    const { site } = opened;
    await site.supSettings.set({
      isScheduleEnabled: true,
      schedule: { kind: 'simple', every: 1, unit: 'days' },
    });
    const ids = {
      afterSync: await addRule(site, { name: 'After sync', runType: 'after-sync' }),
      manual: await addRule(site, { name: 'By hand', runType: 'manual' }),
      disabled: await addRule(site, { name: 'Paused', runType: 'after-sync', isEnabled: false }),
    };
    const rows = await site.database.db
      .selectFrom('automatic_deployment_rule')
      .selectAll()
      .execute();
    const context = await nextRunContext(site.database, site.supSettings, now, 'UTC');
    const next = async (id: number) =>
      nextRunOf(
        site.database,
        rows.find((row) => row.id === id)!,
        context,
      );
    expect(await next(ids.afterSync)).toEqual({
      nextRunTime: '2026-11-11T08:00:00.000Z',
      nextRunText: 'After the synchronization at 2026-11-11 08:00',
    });
    expect(await next(ids.manual)).toEqual({ nextRunTime: null, nextRunText: 'Run Now only' });
    expect(await next(ids.disabled)).toEqual({ nextRunTime: null, nextRunText: 'Disabled' });

    await site.supSettings.set({ isScheduleEnabled: false });
    const unscheduled = await nextRunContext(site.database, site.supSettings, now, 'UTC');
    expect(
      await nextRunOf(
        site.database,
        rows.find((row) => row.id === ids.afterSync)!,
        unscheduled,
      ),
    ).toEqual({
      nextRunTime: null,
      nextRunText: 'After the next synchronization (none is scheduled)',
    });
  });
});
