import { afterAll, describe, expect, it } from 'vitest';
import type {
  AutomaticDeploymentRule,
  RulePreview,
} from '../../src/shared/contract/automatic-deployment-rules';
import { nextOccurrence } from '../../src/shared/schedule/next-occurrence';
import { parseSchedulePhrase } from '../../src/shared/schedule/schedule-phrase';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { patchbay, patchbayJson, temporaryFolders } from '../support/cli';

describe('patchbay adr from the shell', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('creates a Patch Tuesday rule that runs at once, lists its times as JSON, previews, changes and runs it', async () => {
    const site = folders.folder('patchbay-cli-adr-');
    const records = [
      makeRecord('2024-01 Cumulative Update for Windows 11', { articleId: '5034123' }),
      makeRecord('2024-02 Cumulative Update for Windows 11', {
        articleId: '5034765',
        severity: 'Critical',
      }),
      makeRecord('Office fix', { classification: 'Updates' }),
    ];
    expect((await patchbay(site, 'catalog', 'import', bundleOf(records))).code).toBe(0);
    const newRule = (name: string, ...flags: string[]) =>
      patchbay(site, 'adr', 'new', name, '--collection', 'All Systems', ...flags);

    // Refusals: one sentence each, exit code 2 for the admin's input.
    const tooOften = await newRule(
      'Hourly',
      '--title',
      'Cumulative',
      '--schedule',
      'every 7 hours',
      '--no-package',
    );
    expect(tooOften.code).toBe(2);
    expect(tooOften.stderr).toBe(
      'patchbay: --schedule: this schedule evaluates the rule 4 times a day; a rule runs at most 3 times a day.\n',
    );
    const badSeverity = await newRule('Bad', '--severity', 'Urgent', '--no-package');
    expect(badSeverity.code).toBe(2);
    expect(badSeverity.stderr).toBe(
      'patchbay: --severity: "Urgent" is not Critical, Important, Moderate, Low or None.\n',
    );
    const noContent = await newRule('No content', '--title', 'Cumulative');
    expect(noContent.code).toBe(2);
    expect(noContent.stderr).toMatch(/^patchbay: --package: choose where the content goes/);
    const badOffset = await newRule(
      'Offset',
      '--title',
      'x',
      '--schedule',
      'monthly on the second Tuesday +8',
      '--no-package',
    );
    expect(badOffset.stderr).toBe(
      'patchbay: --schedule: "monthly on the second Tuesday +8": the offset is from 0 to 7 days.\n',
    );
    expect(await patchbayJson<AutomaticDeploymentRule[]>(site, 'adr', 'list')).toEqual([]);

    // The dry run of a rule being written, then the rule itself: it runs when it is created.
    const flags = [
      '--title',
      'Cumulative',
      '--superseded',
      'no',
      '--schedule',
      'monthly on the second Tuesday +1 at 02:00',
      '--deadline-after',
      '14d',
      '--no-package',
    ];
    const draft = await patchbayJson<RulePreview>(
      site,
      'adr',
      'new',
      'Patch Tuesday',
      '--collection',
      'All Systems',
      ...flags,
      '--preview',
    );
    expect(draft).toMatchObject({ updateCount: 2, exceedsLimit: false, contentBytes: 0 });
    const created = await newRule('Patch Tuesday', ...flags);
    expect(created.stderr).not.toContain('patchbay:');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created automatic deployment rule 1 "Patch Tuesday".');
    expect(created.stdout).toMatch(/Evaluate +Succeeded +2 software updates match the criteria\./);
    expect(created.stdout).toMatch(/Deploy +Succeeded/);

    const [rule] = await patchbayJson<AutomaticDeploymentRule[]>(site, 'adr', 'list');
    // The next run is the next "second Tuesday + 1 day, 02:00" of the machine's zone after now.
    const schedule = parseSchedulePhrase('monthly on the second Tuesday +1 at 02:00', '2026-01-01');
    const expected = nextOccurrence(schedule, new Date(), null)!.toISOString();
    expect(rule).toMatchObject({
      name: 'Patch Tuesday',
      lastErrorCode: 0,
      lastErrorCodeHex: '0x00000000',
      lastErrorTime: null,
      runType: 'schedule',
      nextRunTime: expected,
      deploymentCount: 1,
    });
    expect(rule!.lastRunTime).not.toBeNull();
    expect(rule!.groupName).toMatch(/^Patch Tuesday \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);

    const preview = await patchbayJson<RulePreview>(site, 'adr', 'preview', 'patch tuesday');
    expect(preview).toMatchObject({
      updateCount: 2,
      deviceCount: 0,
      contentBytes: 0,
      exceedsLimit: false,
      nextRunTime: expected,
      scheduledStart: expected,
    });
    // Deadline 14 days after the available time, which is the scheduled start (asap).
    expect(Date.parse(`${preview.deadlineTime}Z`) - Date.parse(`${preview.availableTime}Z`)).toBe(
      14 * 86_400_000,
    );
    const shown = await patchbay(site, 'adr', 'show', '1');
    expect(shown.stdout).toMatch(/Search criteria +Superseded: No AND Title: Cumulative/);
    expect(shown.stdout).toMatch(
      /Evaluation schedule +monthly on the second Tuesday \+1 from \S+ at 02:00/,
    );

    // The built-in template fills every page but the name and the collection.
    const fromTemplate = await newRule(
      'Monthly',
      '--template',
      'patch tuesday',
      '--no-package',
      '--no-run',
    );
    expect(fromTemplate.stdout).toBe('Created automatic deployment rule 2 "Monthly".\n');
    const templated = await patchbay(site, 'adr', 'show', 'Monthly');
    expect(templated.stdout).toMatch(/Template +Patch Tuesday/);
    expect(templated.stdout).toMatch(/Evaluation schedule +monthly on the second Tuesday from/);
    expect((await patchbay(site, 'adr', 'delete', 'Monthly')).code).toBe(0);

    const changed = await patchbay(site, 'adr', 'set', 'Patch Tuesday', '--run-type', 'manual');
    expect(changed.stdout).toBe('Automatic deployment rule 1 "Patch Tuesday" changed.\n');
    const [manual] = await patchbayJson<AutomaticDeploymentRule[]>(site, 'adr', 'list');
    expect(manual).toMatchObject({ nextRunTime: null, nextRunText: 'Run Now only' });

    const run = await patchbay(site, 'adr', 'run', 'Patch Tuesday');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/SoftwareUpdateGroup +Succeeded/);
    const added = await patchbay(
      site,
      'adr',
      'add-deployment',
      'Patch Tuesday',
      '--collection',
      'All Systems',
      '--purpose',
      'Available',
    );
    expect(added.stdout).toBe(
      'Added a deployment of "Patch Tuesday" to All Systems; the rule has 2 deployments.\n',
    );
    expect((await patchbay(site, 'adr', 'disable', '1')).stdout).toBe('Disabled 1 of 1 rules.\n');
    const [disabled] = await patchbayJson<AutomaticDeploymentRule[]>(site, 'adr', 'list');
    expect(disabled).toMatchObject({ isEnabled: false, deploymentCount: 2 });
    expect((await patchbay(site, 'adr', 'delete', 'Patch Tuesday')).stdout).toBe(
      'Deleted 1 rule.\n',
    );
    const gone = await patchbay(site, 'adr', 'show', 'Patch Tuesday');
    expect(gone.code).toBe(1);
    expect(gone.stderr).toBe(
      'patchbay: There is no automatic deployment rule named "Patch Tuesday".\n',
    );
  });

  it('exits non-zero when a run fails: more than 1,000 updates, with the Last Error Code and why', async () => {
    const site = folders.folder('patchbay-cli-adr-cap-');
    const many = Array.from({ length: 1001 }, (_, index) => makeRecord(`Definition ${index}`));
    expect((await patchbay(site, 'catalog', 'import', bundleOf(many))).code).toBe(0);
    const flags = [
      '--collection',
      'All Systems',
      '--title',
      'Definition',
      '--run-type',
      'manual',
      '--no-package',
    ];
    const created = await patchbay(site, 'adr', 'new', 'Definitions', ...flags, '--no-run');
    expect(created.stdout).toBe('Created automatic deployment rule 1 "Definitions".\n');
    const preview = await patchbayJson<RulePreview>(site, 'adr', 'preview', 'Definitions');
    expect(preview).toMatchObject({ updateCount: 1001, exceedsLimit: true, nextRunTime: null });

    const run = await patchbay(site, 'adr', 'run', 'Definitions');
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Evaluate +Failed/);
    expect(run.stderr).toContain(`patchbay: The rule run failed (0x87D20418): ${preview.problem}`);
    const [rule] = await patchbayJson<AutomaticDeploymentRule[]>(site, 'adr', 'list');
    expect(rule).toMatchObject({ lastErrorCodeHex: '0x87D20418', groupId: null });
    expect(rule!.lastErrorTime).not.toBeNull();
    expect(rule!.lastErrorCode).toBe(0x87d20418 | 0);
  });
});
