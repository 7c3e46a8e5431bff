import { sql } from 'kysely';
import {
  RuleTemplateSettings,
  type RuleTemplate,
} from '../../../shared/contract/automatic-deployment-rules';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import { listTemplates } from '../deployments/deployment-templates';
import { fieldError } from '../deployments/field-error';

/**
 * The built-in templates of the General page (§8.2, §8.5), with ConfigMgr's settings for each:
 * Patch Tuesday deploys the month's security and critical updates on the second Tuesday into a
 * new group; Microsoft 365 Apps updates the same way after each sync; definition updates go
 * into one group refreshed after every sync, deployed at once without notifications, so
 * hundreds of groups never pile up.
 */
export const builtinRuleTemplates: RuleTemplate[] = [
  {
    key: 'builtin:patch-tuesday',
    name: 'Patch Tuesday',
    source: 'builtin',
    description:
      'Security and critical updates of the last month that are not superseded, evaluated on the second Tuesday of every month into a new software update group.',
    settings: RuleTemplateSettings.parse({
      general: { groupMode: 'new-group', isDeploymentEnabledAfterRun: true },
      deploymentSettings: { purpose: 'Required', verbosity: 5, licenseTerms: 'approve-all' },
      softwareUpdates: {
        criteria: [
          { property: 'dateReleasedOrRevised', range: 'Last 1 month' },
          { property: 'updateClassification', values: ['Security Updates', 'Critical Updates'] },
          { property: 'superseded', value: false },
        ],
      },
      evaluationSchedule: {
        runType: 'schedule',
        schedule: {
          kind: 'custom',
          start: '2026-01-13T23:00',
          isUtc: false,
          recurrence: {
            pattern: 'monthly-weekday',
            everyMonths: 1,
            week: 'Second',
            day: 'Tuesday',
            offsetDays: 0,
          },
        },
      },
      deploymentSchedule: {
        timeBasedOn: 'LocalTime',
        availableTime: 'asap',
        deadlineTime: { amount: 7, unit: 'Days' },
      },
    }),
  },
  {
    key: 'builtin:office-365-client-updates',
    name: 'Office 365 Client Updates',
    source: 'builtin',
    description:
      'Microsoft 365 Apps (Office 365 Client) updates that are not superseded, evaluated after every synchronization into a new software update group.',
    settings: RuleTemplateSettings.parse({
      general: { groupMode: 'new-group', isDeploymentEnabledAfterRun: true },
      deploymentSettings: { purpose: 'Required', verbosity: 5 },
      softwareUpdates: {
        criteria: [
          { property: 'product', values: ['Office 365 Client'] },
          { property: 'superseded', value: false },
        ],
      },
      evaluationSchedule: { runType: 'after-sync' },
      deploymentSchedule: {
        availableTime: 'asap',
        deadlineTime: { amount: 7, unit: 'Days' },
      },
    }),
  },
  {
    key: 'builtin:scep-and-windows-defender',
    name: 'SCEP and Windows Defender Antivirus Updates',
    source: 'builtin',
    description:
      'Definition updates of Endpoint Protection and Microsoft Defender Antivirus, added to one existing group after every synchronization and deployed at once without notifications.',
    settings: RuleTemplateSettings.parse({
      general: { groupMode: 'existing-group', isDeploymentEnabledAfterRun: true },
      deploymentSettings: { purpose: 'Required', verbosity: 1 },
      softwareUpdates: {
        criteria: [
          {
            property: 'product',
            values: [
              'Forefront Endpoint Protection 2010',
              'System Center Endpoint Protection',
              'Microsoft Defender Antivirus',
              'Windows Defender',
            ],
          },
          { property: 'updateClassification', values: ['Definition Updates'] },
          { property: 'superseded', value: false },
        ],
      },
      evaluationSchedule: { runType: 'after-sync' },
      deploymentSchedule: { availableTime: 'asap', deadlineTime: 'asap' },
      userExperience: { userNotification: 'HideAll' },
      alerts: { isAlertOnLowCompliance: false, isAlertOnRuleFailure: false },
    }),
  },
];

type Row = { id: number; name: string; settings: string; created_at: string; created_by: string };

function toTemplate(row: Row): RuleTemplate {
  return {
    key: `rule:${row.id}`,
    name: row.name,
    source: 'rule',
    description: `Saved by ${row.created_by} on ${row.created_at.slice(0, 10)}.`,
    settings: RuleTemplateSettings.parse(JSON.parse(row.settings)),
  };
}

/**
 * The General page's Template list: built-in first, then rule templates saved from a Summary
 * page, then the Deploy wizard's deployment templates (their setting pages; their fixed times
 * cannot become a rule's offsets, so a rule takes its own Deployment Schedule).
 */
export async function listRuleTemplates(site: SiteDatabase): Promise<RuleTemplate[]> {
  const saved = await site.read.selectFrom('rule_template').selectAll().orderBy('name').execute();
  const deployment = await listTemplates(site);
  return [
    ...builtinRuleTemplates,
    ...saved.map(toTemplate),
    ...deployment.map((template): RuleTemplate => ({
      key: `deployment:${template.id}`,
      name: template.name,
      source: 'deployment',
      description: `Deployment template (${template.parts.join(', ')}).`,
      settings: RuleTemplateSettings.parse({
        ...(template.parts.includes('deploymentSettings') && {
          deploymentSettings: template.settings.deploymentSettings,
        }),
        ...(template.parts.includes('userExperience') && {
          userExperience: template.settings.userExperience,
        }),
        ...(template.parts.includes('alerts') && { alerts: template.settings.alerts }),
        ...(template.parts.includes('downloadSettings') && {
          downloadSettings: template.settings.downloadSettings,
        }),
      }),
    })),
  ];
}

/** Save As Template on the rule wizard's Summary page; names unique without regard to case. */
export async function createRuleTemplate(
  site: SiteDatabase,
  clock: Clock,
  input: { name: string; settings: RuleTemplateSettings },
  user: string,
): Promise<RuleTemplate> {
  const settings = RuleTemplateSettings.parse(input.settings);
  const clash =
    builtinRuleTemplates.find((each) => each.name.toLowerCase() === input.name.toLowerCase()) ??
    (await site.db
      .selectFrom('rule_template')
      .select('name')
      .where(sql<boolean>`lower(name) = ${input.name.toLowerCase()}`)
      .executeTakeFirst());
  if (clash)
    throw fieldError('conflict', [
      { path: ['name'], message: `a template named "${clash.name}" already exists` },
    ]);
  const row = await site.db
    .insertInto('rule_template')
    .values({
      name: input.name,
      settings: JSON.stringify(settings),
      created_at: clock.now().toISOString(),
      created_by: user,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toTemplate(row);
}

/** Deletes saved rule templates by key; built-in and deployment templates are refused. */
export async function deleteRuleTemplates(site: SiteDatabase, keys: string[]): Promise<number> {
  const ids: number[] = [];
  for (const key of keys) {
    const match = /^rule:(\d+)$/.exec(key);
    if (!match)
      throw new SiteError(
        'refused',
        key.startsWith('builtin:')
          ? `The built-in template "${key}" cannot be deleted.`
          : `"${key}" is not a saved rule template; delete deployment templates from the Deploy wizard.`,
      );
    ids.push(Number(match[1]));
  }
  const result = await site.db
    .deleteFrom('rule_template')
    .where('id', 'in', ids)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
