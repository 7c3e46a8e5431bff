import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ruleErrorCodes } from '../../../src/shared/contract/automatic-deployment-rules';
import type { UpdateRecord } from '../../../src/main/site/catalog/update-record';
import type { Site } from '../../../src/main/site/site';
import { call } from '../../support/compliance-site';
import { openDeploymentSite } from '../../support/deployment-site';
import { engines } from '../../support/engines';
import { startPayloadServer } from '../../support/payload-server';
import { createAndRun, filesUnder, ruleOf, runNow, servedRecord } from '../../support/rule-site';

async function groupMembers(site: Site, groupId: number): Promise<number[]> {
  const rows = await site.database.db
    .selectFrom('software_update_group_member')
    .select('ci_id')
    .where('group_id', '=', groupId)
    .orderBy('ci_id')
    .execute();
  return rows.map((row) => row.ci_id);
}

async function deploymentUpdates(site: Site, deploymentId: number): Promise<number[]> {
  const rows = await site.database.db
    .selectFrom('deployment_update')
    .select('ci_id')
    .where('deployment_id', '=', deploymentId)
    .orderBy('ci_id')
    .execute();
  return rows.map((row) => row.ci_id);
}

async function counts(site: Site) {
  const db = site.database.db;
  const count = async (
    table: 'software_update_group' | 'deployment' | 'deployment_package_content',
  ) =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    groups: await count('software_update_group'),
    deployments: await count('deployment'),
    packageFiles: await count('deployment_package_content'),
  };
}

describe.each(engines)('the rule engine on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });

  /** A site whose catalog files the loopback server serves; `corrupt` names fail their hash. */
  async function open(names: string[], corrupt: string[] = [], more: UpdateRecord[] = []) {
    const payloads = new Map<string, Buffer>();
    const server = await startPayloadServer(payloads);
    cleanup.push(() => server.close());
    const records = names.map((name) =>
      servedRecord(name, payloads, server.urlOf, { isCorrupt: corrupt.includes(name) }),
    );
    const opened = await openDeploymentSite(engine, { records: [...records, ...more] });
    cleanup.push(opened.dispose);
    return { ...opened, records, server };
  }

  it('runs a rule when it is created: a dated group, the content in its package, an enabled deployment, all from the preview it showed', async () => {
    const { site, allSystems, ciIdOf, records } = await open(['alpha', 'bravo', 'charlie']);
    const request = ruleOf('Monthly pilot', allSystems, [
      { property: 'title', values: ['alpha', 'bravo'] },
    ]);
    const preview = await call(site, 'rules.preview', {
      draft: {
        ...request,
        content: {
          deploymentPackage: { choice: 'none' },
          languageSelection: { languages: ['en'] },
        },
      },
    });
    expect(preview).toMatchObject({
      updateCount: 2,
      exceedsLimit: false,
      problem: null,
      criteriaText: 'Title: alpha OR bravo',
    });
    const { id, job, result } = await createAndRun(site, request);
    expect(job.error).toBeNull();
    expect(result.outcome).toBe('Succeeded');
    expect(result.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['Evaluate', 'Succeeded'],
      ['Download', 'Succeeded'],
      ['SoftwareUpdateGroup', 'Succeeded'],
      ['Deploy', 'Succeeded'],
    ]);
    const expected = [ciIdOf(records[0]!), ciIdOf(records[1]!)].sort((a, b) => a - b);
    expect(preview.updates.map((update) => update.ciId)).toEqual(expected);
    expect(result.groupName).toMatch(/^Monthly pilot \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await groupMembers(site, result.groupId!)).toEqual(expected);
    const [deploymentId] = result.deploymentIds;
    const deployment = await call(site, 'deployments.get', { id: deploymentId! });
    expect(deployment).toMatchObject({
      isEnabled: true,
      purpose: 'Required',
      collectionName: 'All Systems',
      numberOfUpdates: 2,
      packageId: result.packageId,
    });
    // Available at the scheduled start; the deadline is seven days after it (the page's default).
    const available = Date.parse(`${deployment.startTime}Z`);
    expect(Date.parse(`${deployment.enforcementDeadline}Z`) - available).toBe(7 * 86_400_000);
    const files = await site.database.db
      .selectFrom('deployment_package_content')
      .select('ci_id')
      .where('package_id', '=', result.packageId!)
      .execute();
    expect(files.map((file) => file.ci_id).sort((a, b) => a - b)).toEqual(expected);
    const rule = await call(site, 'rules.get', { id });
    expect(rule).toMatchObject({
      lastErrorCode: 0,
      lastErrorCodeHex: '0x00000000',
      lastErrorTime: null,
      groupId: result.groupId,
      deploymentCount: 1,
      runningJobId: null,
    });
    expect(rule.lastRunTime).not.toBeNull();
    expect(rule.deployments[0]).toMatchObject({ id: null, deploymentId });
    const log = readFileSync(join(site.folders.logs, 'RuleEngine.log'), 'utf8');
    expect(log).toContain('Rule resulted in a total of 2 updates');
    // The SMS server format ConfigMgr's site components write (spec §12.1), which CMTrace reads.
    expect(log).toMatch(
      /We need to create a new UpdateGroup: .*\$\$<SMS_RULE_ENGINE><\d{2}-\d{2}-\d{4} /,
    );
    // The saved rule's preview is the same evaluation the run just made.
    const saved = await call(site, 'rules.preview', { id });
    expect(saved.updates.map((update) => update.ciId)).toEqual(expected);
    expect(saved.distributeBytes).toBe(0);
  });

  it('empties and refills the same group and refreshes the same deployment in existing-group mode', async () => {
    const { site, allSystems, ciIdOf, records } = await open(['alpha', 'bravo', 'charlie']);
    const { id, result: first } = await createAndRun(
      site,
      ruleOf('Definitions', allSystems, [{ property: 'title', values: ['alpha'] }], {
        general: { name: 'Definitions', collectionId: allSystems, groupMode: 'existing-group' },
      }),
    );
    expect(first.outcome).toBe('Succeeded');
    expect(await groupMembers(site, first.groupId!)).toEqual([ciIdOf(records[0]!)]);
    await call(site, 'rules.update', {
      id,
      softwareUpdates: { criteria: [{ property: 'title', values: ['bravo', 'charlie'] }] },
    });
    const { result: second } = await runNow(site, id);
    expect(second.outcome).toBe('Succeeded');
    expect(second.groupId).toBe(first.groupId);
    expect(second.deploymentIds).toEqual(first.deploymentIds);
    const now = [ciIdOf(records[1]!), ciIdOf(records[2]!)].sort((a, b) => a - b);
    expect(await groupMembers(site, second.groupId!)).toEqual(now);
    expect(await deploymentUpdates(site, second.deploymentIds[0]!)).toEqual(now);
    expect((await counts(site)).groups).toBe(1);
    // New-group mode makes another group and deployment on each run.
    await call(site, 'rules.update', {
      id,
      general: { groupMode: 'new-group' },
    });
    const { result: third } = await runNow(site, id);
    expect(third.groupId).not.toBe(first.groupId);
    expect(third.deploymentIds[0]).not.toBe(first.deploymentIds[0]);
    expect(await counts(site)).toMatchObject({ groups: 2, deployments: 2 });
  });

  it('fails above 1,000 updates with a Last Error Code, a status message and an alert, and makes nothing', async () => {
    const many = Array.from({ length: 1001 }, (_, index) => ({
      ...servedRecordless(`bulk${index}`),
    }));
    const { site, allSystems } = await open([], [], many);
    const before = await counts(site);
    const request = ruleOf('Everything', allSystems, [{ property: 'title', values: ['bulk'] }], {
      alerts: { isAlertOnRuleFailure: true },
    });
    const preview = await call(site, 'rules.preview', {
      draft: { ...request, content: noPackage },
    });
    expect(preview).toMatchObject({ updateCount: 1001, exceedsLimit: true });
    expect(preview.updates).toHaveLength(1000);
    const { id, job, result } = await createAndRun(site, request);
    expect(job.state).toBe('failed');
    expect(result).toMatchObject({
      outcome: 'Failed',
      errorCode: ruleErrorCodes.tooManyUpdates,
      errorCodeHex: '0x87D20418',
      groupId: null,
      deploymentIds: [],
    });
    expect(result.message).toBe(preview.problem);
    expect(await counts(site)).toEqual(before);
    const pkg = await call(site, 'packages.get', { id: result.packageId! });
    expect(pkg.sourceVersion).toBe(1);
    const rule = await call(site, 'rules.get', { id });
    expect(rule.lastErrorCodeHex).toBe('0x87D20418');
    expect(rule.lastErrorTime).not.toBeNull();
    expect(rule.lastErrorMessage).toContain('at most 1,000');
    const messages = await call(site, 'statusMessages.list', { filter: { messageIds: [7703] } });
    expect(messages.rows[0]).toMatchObject({ component: 'SMS_RULE_ENGINE', severity: 'Error' });
    expect(messages.rows[0]!.message).toContain('0x87D20418');
    const alerts = await site.database.db
      .selectFrom('alert')
      .select(['name', 'state', 'message'])
      .where('alert_key', '=', `rule-failure:${id}`)
      .execute();
    expect(alerts).toEqual([
      expect.objectContaining({
        state: 'Active',
        name: 'Automatic deployment rule failure: Everything',
      }),
    ]);
  });

  it('rolls the whole run back when a file fails its hash check midway: no group, no package change, no deployment', async () => {
    const { site, allSystems } = await open(['alpha', 'bravo', 'charlie', 'delta'], ['charlie']);
    const request = ruleOf('Doomed', allSystems, [{ property: 'vendor', values: ['Microsoft'] }]);
    const source = (request.content.deploymentPackage as { package: { sourcePath: string } })
      .package.sourcePath;
    const before = await counts(site);
    const { id, job, result } = await createAndRun(site, request);
    expect(job.state).toBe('failed');
    expect(result.errorCode).toBe(ruleErrorCodes.contentDownloadFailed);
    expect(result.steps.map((step) => [step.step, step.outcome])).toEqual([
      ['Evaluate', 'Succeeded'],
      ['Download', 'Failed'],
      ['SoftwareUpdateGroup', 'Skipped'],
      ['Deploy', 'Skipped'],
    ]);
    expect(result.message).toContain('charlie');
    // Some files arrived before the bad one; none of them stayed.
    expect(result.download!.updates.some((update) => update.outcome === 'Downloaded')).toBe(true);
    expect(await counts(site)).toEqual(before);
    expect(filesUnder(source)).toEqual([]);
    const pkg = await call(site, 'packages.get', { id: result.packageId! });
    expect(pkg.sourceVersion).toBe(1);
    const rule = await call(site, 'rules.get', { id });
    expect(rule).toMatchObject({ lastErrorCodeHex: '0x87D20417', groupId: null });
  });

  it('adds deployments that share the group and package, each with its own collection and settings', async () => {
    const { site, allSystems } = await open(['alpha', 'bravo']);
    const pilot = await call(site, 'collections.create', { name: 'Pilot' });
    const { id } = await call(
      site,
      'rules.create',
      ruleOf('Two rings', allSystems, [{ property: 'title', values: ['alpha'] }], {
        runAfterCreate: false,
        deploymentSchedule: {
          availableTime: { amount: 2, unit: 'Days' },
          deadlineTime: { amount: 1, unit: 'Weeks' },
        },
      }),
    );
    const detail = await call(site, 'rules.addDeployment', {
      ruleId: id,
      collectionId: pilot.id,
      settings: {
        deploymentSettings: { purpose: 'Available' },
        deploymentSchedule: { availableTime: 'asap', deadlineTime: null },
        userExperience: { userNotification: 'DisplaySoftwareCenterOnly' },
      },
    });
    expect(detail.deployments.map((each) => each.collectionName)).toEqual(['All Systems', 'Pilot']);
    await expect(
      call(site, 'rules.addDeployment', {
        ruleId: id,
        collectionId: pilot.id,
        settings: {},
      }),
    ).rejects.toThrow(/already deploys to this collection/);
    const { result } = await runNow(site, id);
    expect(result.outcome).toBe('Succeeded');
    expect(result.deploymentIds).toHaveLength(2);
    const [own, added] = await Promise.all(
      result.deploymentIds.map((deploymentId) =>
        call(site, 'deployments.get', { id: deploymentId }),
      ),
    );
    expect(own).toMatchObject({ purpose: 'Required', collectionName: 'All Systems' });
    expect(added).toMatchObject({
      purpose: 'Available',
      collectionName: 'Pilot',
      enforcementDeadline: null,
    });
    expect(own!.packageId).toBe(added!.packageId);
    // Offsets count from the scheduled start: available 2 days after, deadline a week after that.
    const start = new Date(result.scheduledStart);
    const availableOwn = Date.parse(`${own!.startTime}Z`);
    const availableAdded = Date.parse(`${added!.startTime}Z`);
    expect(availableOwn - availableAdded).toBe(2 * 86_400_000);
    expect(Date.parse(`${own!.enforcementDeadline}Z`) - availableOwn).toBe(7 * 86_400_000);
    expect(Math.abs(availableAdded - wallClockMs(start))).toBeLessThan(1000);
    const rule = await call(site, 'rules.get', { id });
    expect(rule.deploymentCount).toBe(2);
    expect(rule.deployments.map((each) => each.deploymentId)).toEqual(result.deploymentIds);
    const removed = await call(site, 'rules.removeDeployment', {
      ruleId: id,
      id: detail.deployments[1]!.id!,
    });
    expect(removed.deploymentCount).toBe(1);
  });
});

const noPackage = {
  deploymentPackage: { choice: 'none' as const },
  languageSelection: { languages: ['en'] },
};

/** A metadata record with no file to fetch (the cap test never downloads). */
function servedRecordless(name: string): UpdateRecord {
  return servedRecord(name, new Map(), () => 'http://127.0.0.1:9/none', {
    overrides: { contentFiles: [] },
  });
}

/** The site-local wall clock of an instant, read back as if UTC (how wall clocks are stored). */
function wallClockMs(at: Date): number {
  return Date.UTC(
    at.getFullYear(),
    at.getMonth(),
    at.getDate(),
    at.getHours(),
    at.getMinutes(),
    at.getSeconds(),
  );
}
