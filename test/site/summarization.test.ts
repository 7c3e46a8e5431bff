import { afterEach, describe, expect, it } from 'vitest';
import type { Site } from '../../src/main/site/site';
import { SiteError } from '../../src/shared/errors';
import { call, openComplianceSite, summarizeAndWait } from '../support/compliance-site';
import { engines } from '../support/engines';
import { makeRecord } from '../support/catalog-fixtures';

/** A seeded generator, so a failure replays the same traffic. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function counters(site: Site, ciIds: number[], groupIds: number[]) {
  return {
    updates: await Promise.all(ciIds.map((ciId) => call(site, 'compliance.update', { ciId }))),
    groups: await Promise.all(
      groupIds.map((groupId) => call(site, 'compliance.group', { groupId })),
    ),
  };
}

describe.each(engines)('Run Summarization on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('gives exactly the live counters after random traffic, membership changes included', async () => {
    const records = Array.from({ length: 12 }, (_, index) => makeRecord(`update-${index}`));
    const opened = await openComplianceSite(engine, records);
    dispose = opened.dispose;
    const { site, mp, ciIdOf } = opened;
    const next = random(engine === 'sqlite' ? 6 : 7);
    const ciIds = records.map(ciIdOf);
    const pilot = await call(site, 'groups.create', { name: 'Pilot', ciIds: ciIds.slice(0, 3) });
    const broad = await call(site, 'groups.create', { name: 'Broad', ciIds: ciIds.slice(2, 9) });
    const clients = [];
    for (let index = 0; index < 15; index += 1)
      clients.push(await mp.register({ name: `pc-${index}`, osName: 'Windows 11' }));
    const start = Date.UTC(2026, 10, 1);
    for (let step = 0; step < 80; step += 1) {
      const client = clients[Math.floor(next() * clients.length)]!;
      const time = new Date(start + step * 60_000).toISOString();
      const picked = records.filter(() => next() < 0.4);
      if (picked.length === 0) continue;
      await mp.postStateMessages(client, {
        batchId: `batch-${engine}-${step}`,
        messages: picked.map((record) => ({
          topicType: 500 as const,
          updateId: record.updateId,
          stateId: Math.floor(next() * 4),
          time,
        })),
      });
    }
    // After the traffic, so only the membership change itself can move the group's counters.
    await call(site, 'groups.setMembership', { groupIds: [pilot.id], add: [ciIds[10]!] });
    const live = await counters(site, ciIds, [pilot.id, broad.id]);
    expect(live.updates.some((update) => update.required > 0)).toBe(true);
    expect(live.groups.some((group) => group.compliant + group.nonCompliant > 0)).toBe(true);

    const result = await summarizeAndWait(site);
    expect(result).toMatchObject({ correctedUpdates: 0, correctedGroups: 0 });
    const summarized = await counters(site, ciIds, [pilot.id, broad.id]);
    expect(summarized.groups).toEqual(live.groups);
    expect(summarized.updates.map(({ lastSummarizedAt: _, ...rest }) => rest)).toEqual(
      live.updates.map(({ lastSummarizedAt: _, ...rest }) => rest),
    );
    expect(summarized.updates[0]!.lastSummarizedAt).not.toBeNull();
  });

  it('corrects counters that drifted from the per-client states, and says how many', async () => {
    const opened = await openComplianceSite(engine);
    dispose = opened.dispose;
    const { site, mp, catalog, ciIdOf } = opened;
    const client = await mp.register({ name: 'pc-1', osName: 'Windows 11' });
    await mp.postStateMessages(client, {
      batchId: 'batch-drift-1',
      messages: [
        {
          topicType: 500,
          updateId: catalog[0]!.updateId,
          stateId: 2,
          time: new Date().toISOString(),
        },
      ],
    });
    await site.database.db
      .updateTable('update_compliance_summary')
      .set({ num_required: 40 })
      .where('ci_id', '=', ciIdOf(catalog[0]!))
      .execute();
    const result = await summarizeAndWait(site);
    expect(result.correctedUpdates).toBe(1);
    // The finished job's status line says what it did, not the step it was on.
    const [job] = (
      await call(site, 'jobs.list', { filter: { kind: 'compliance.summarize' }, page: { size: 1 } })
    ).rows;
    expect(job?.progressText).toMatch(/^Summarized \d+ updates and \d+ software update groups/);
    expect(job?.progressText).toContain('1 update and 0 group counters differed');
    expect((await call(site, 'compliance.update', { ciId: ciIdOf(catalog[0]!) })).required).toBe(1);
  });

  it('keeps a summarization schedule within Minutes 10–59, Hours 1–23, Days 1–31', async () => {
    const opened = await openComplianceSite(engine, [makeRecord('only')]);
    dispose = opened.dispose;
    const { site } = opened;
    expect((await call(site, 'compliance.getSchedule', {})).schedule).toEqual({
      unit: 'hours',
      every: 1,
    });
    const refused = await call(site, 'compliance.setSchedule', { unit: 'minutes', every: 5 }).catch(
      (error: unknown) => error as SiteError,
    );
    expect(refused).toBeInstanceOf(SiteError);
    expect((refused as SiteError).message).toMatch(/^every: Too small: expected number to be >=10/);
    const saved = await call(site, 'compliance.setSchedule', { unit: 'days', every: 31 });
    expect(saved.schedule).toEqual({ unit: 'days', every: 31 });
  });
});
