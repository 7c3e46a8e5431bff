import { afterEach, describe, expect, it } from 'vitest';
import { builtinRuleTemplateNames } from '../../../src/shared/contract/automatic-deployment-rules';
import { makeRecord } from '../../support/catalog-fixtures';
import { call } from '../../support/compliance-site';
import { openDeploymentSite } from '../../support/deployment-site';
import { engines } from '../../support/engines';
import { createAndRun, type RuleRequest } from '../../support/rule-site';

const noPackage = {
  deploymentPackage: { choice: 'none' as const },
  languageSelection: { languages: ['en'] },
};

describe.each(engines)('rule templates and the license terms setting on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  async function open(records = [makeRecord('alpha')]) {
    const opened = await openDeploymentSite(engine, { records });
    cleanup.push(opened.dispose);
    return opened;
  }

  it('lists the three built-in templates with ConfigMgr settings, then saved rule and deployment templates', async () => {
    const { site } = await open();
    const builtins = await call(site, 'ruleTemplates.list', {});
    expect(builtins.map((template) => template.name)).toEqual([...builtinRuleTemplateNames]);
    const [patchTuesday, office, definitions] = builtins;
    expect(patchTuesday!.settings).toMatchObject({
      general: { groupMode: 'new-group' },
      evaluationSchedule: {
        runType: 'schedule',
        schedule: { recurrence: { pattern: 'monthly-weekday', week: 'Second', day: 'Tuesday' } },
      },
      softwareUpdates: {
        criteria: expect.arrayContaining([{ property: 'superseded', value: false }]),
      },
    });
    expect(office!.settings.softwareUpdates?.criteria).toContainEqual({
      property: 'product',
      values: ['Office 365 Client'],
    });
    expect(definitions!.settings).toMatchObject({
      general: { groupMode: 'existing-group' },
      evaluationSchedule: { runType: 'after-sync' },
      deploymentSchedule: { availableTime: 'asap', deadlineTime: 'asap' },
      userExperience: { userNotification: 'HideAll' },
    });

    const saved = await call(site, 'ruleTemplates.create', {
      name: 'Servers monthly',
      settings: {
        softwareUpdates: { criteria: [{ property: 'severity', values: ['Critical'] }] },
        deploymentSettings: { purpose: 'Available' },
        deploymentSchedule: { deadlineTime: null },
      },
    });
    expect(saved).toMatchObject({ key: expect.stringMatching(/^rule:\d+$/), source: 'rule' });
    await expect(
      call(site, 'ruleTemplates.create', { name: 'patch tuesday', settings: {} }),
    ).rejects.toThrow(/already exists/);
    await call(site, 'deploymentTemplates.create', {
      name: 'Quiet servers',
      parts: ['userExperience'],
      settings: { userExperience: { isRestartSuppressedOnServers: true } },
    });
    const all = await call(site, 'ruleTemplates.list', {});
    expect(all.map((template) => [template.name, template.source])).toEqual([
      ['Patch Tuesday', 'builtin'],
      ['Office 365 Client Updates', 'builtin'],
      ['SCEP and Windows Defender Antivirus Updates', 'builtin'],
      ['Servers monthly', 'rule'],
      ['Quiet servers', 'deployment'],
    ]);
    expect(all[4]!.settings).toEqual({
      userExperience: expect.objectContaining({ isRestartSuppressedOnServers: true }),
    });
    await expect(
      call(site, 'ruleTemplates.delete', { keys: ['builtin:patch-tuesday'] }),
    ).rejects.toThrow(/cannot be deleted/);
    expect(await call(site, 'ruleTemplates.delete', { keys: [saved.key] })).toEqual({ deleted: 1 });
    expect(await call(site, 'ruleTemplates.list', {})).toHaveLength(4);
  });

  it('a rule made from the Patch Tuesday template is valid, keeps its template name and runs', async () => {
    const { site, allSystems } = await open([
      makeRecord('june', {
        dateReleased: '2026-11-10T00:00:00.000Z',
        dateRevised: '2026-11-10T00:00:00.000Z',
      }),
      makeRecord('january', { dateReleased: '2024-01-09T00:00:00.000Z' }),
    ]);
    const [patchTuesday] = await call(site, 'ruleTemplates.list', {});
    const { general, content: _content, ...pages } = patchTuesday!.settings;
    const request = {
      ...pages,
      general: {
        ...general,
        name: 'Patch Tuesday - Workstations',
        template: 'Patch Tuesday',
        collectionId: allSystems,
      },
      softwareUpdates: pages.softwareUpdates!,
      content: noPackage,
    } as RuleRequest;
    const preview = await call(site, 'rules.preview', { draft: request });
    const { id, result } = await createAndRun(site, request);
    expect(result.updateCount).toBe(preview.updateCount);
    const rule = await call(site, 'rules.get', { id });
    expect(rule).toMatchObject({
      template: 'Patch Tuesday',
      runType: 'schedule',
      // A scheduled rule always has a next occurrence (its weekday of the month).
      nextRunTime: expect.any(String),
    });
    expect(rule.settings.evaluationSchedule.schedule?.recurrence).toMatchObject({
      pattern: 'monthly-weekday',
    });
  });

  it('leaves updates with license terms out when the rule deploys only those without', async () => {
    const { site, allSystems, ciIdOf } = await open([
      makeRecord('plain'),
      makeRecord('licensed', { hasLicenseTerms: true, licenseTerms: 'You agree.' }),
    ]);
    const base = {
      softwareUpdates: { criteria: [{ property: 'vendor' as const, values: ['Microsoft'] }] },
      content: noPackage,
    };
    const strict = {
      ...base,
      general: { name: 'No EULAs', collectionId: allSystems },
      deploymentSettings: { licenseTerms: 'only-without-license' as const },
    };
    const preview = await call(site, 'rules.preview', { draft: strict });
    expect(preview).toMatchObject({ updateCount: 1, skippedForLicense: 1 });
    const { result } = await createAndRun(site, strict);
    expect(result.updateCount).toBe(1);
    const members = await site.database.db
      .selectFrom('software_update_group_member')
      .select('ci_id')
      .where('group_id', '=', result.groupId!)
      .execute();
    expect(members.map((row) => row.ci_id)).toEqual([ciIdOf(makeRecord('plain'))]);
    const { result: all } = await createAndRun(site, {
      ...base,
      general: { name: 'Approve all', collectionId: allSystems },
    });
    expect(all.updateCount).toBe(2);
  });
});
