import type { Command } from 'commander';
import type { RuleChange } from '../../../shared/contract/automatic-deployment-rules';
import { RuleListQuery } from '../../../shared/contract/automatic-deployment-rules';
import { SiteError } from '../../../shared/errors';
import { findRule, ruleColumns } from './adr-columns';
import { detailProperties, followRun, printPreview } from './adr-output';
import {
  criteriaFromFlags,
  evaluationFromFlags,
  inRuleOptionTerms,
  withCriteriaFlags,
  withScheduleFlags,
} from './adr-options';
import {
  deploymentPagesFrom,
  deploymentScheduleFrom,
  findRuleTemplate,
  ruleCreateFrom,
  todayOf,
  type RuleFlags,
} from './adr-request';
import { callSite } from './call-site';
import { findCollection, formatOf, withSite } from './command-helpers';
import { invalidOption } from './deployment-options';
import { printProperties, printRows } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface NewOptions extends SiteCommandOptions, RuleFlags {
  collection: string;
  template?: string;
  run: boolean;
  wait: boolean;
  preview?: boolean;
  format: string;
}

/** Flags every page-changing verb shares: General's choices and the deployment pages. */
function withRulePageFlags(command: Command): Command {
  return withScheduleFlags(withCriteriaFlags(command))
    .option('--rule-description <text>', "the rule's description (at most 256 characters)")
    .option('--purpose <purpose>', 'Required (default) or Available')
    .option('--user-notification <choice>', 'DisplayAll, DisplaySoftwareCenterOnly or HideAll')
    .option('--license-terms <setting>', 'approve-all (default) or only-without-license')
    .option('--alert-on-failure', 'Generate an alert when this rule fails');
}

const sentence = (error: unknown) => {
  throw inRuleOptionTerms(error);
};

async function newRule(name: string, options: NewOptions): Promise<void> {
  const format = formatOf(options.format);
  const site = await openSiteFor(options, options.wait && options.run && !options.preview);
  try {
    const template = options.template ? await findRuleTemplate(site, options.template) : null;
    const collection = await findCollection(site, options.collection);
    const request = await ruleCreateFrom(site, name, collection.id, options, template, options.run);
    if (options.preview) {
      const { runAfterCreate: _run, ...draft } = request;
      printPreview(await callSite(site, 'rules.preview', { draft }).catch(sentence), format);
      return;
    }
    const { id, jobId } = await callSite(site, 'rules.create', request).catch(sentence);
    console.log(`Created automatic deployment rule ${id} "${name}".`);
    if (jobId === null) return;
    console.log(`Rule run job ${jobId} started.`);
    if (options.wait) await followRun(site, jobId);
  } finally {
    await site.close();
  }
}

const sortColumns = RuleListQuery.shape.sort.unwrap().shape.column.options;

/**
 * `patchbay adr` (New-/Get-/Set-/Remove-/Invoke-CMSoftwareUpdateAutoDeploymentRule,
 * New-CMAutoDeploymentRuleDeployment): the Automatic Deployment Rules node from the shell.
 */
export function registerAdr(program: Command): void {
  const adr = program
    .command('adr')
    .description(
      'Automatic deployment rules (New-/Get-/Set-/Remove-/Invoke-CMSoftwareUpdateAutoDeploymentRule)',
    );

  withSiteOptions(
    withRulePageFlags(
      adr
        .command('new')
        .description(
          'Create an automatic deployment rule; it runs at once (New-CMSoftwareUpdateAutoDeploymentRule)',
        )
        .argument('<name>', 'the rule name')
        .requiredOption(
          '--collection <collection>',
          'the target collection (name, CollectionID or ID)',
        )
        .option('--template <template>', 'start from a template, e.g. "Patch Tuesday"'),
    )
      .option(
        '--add-to-existing-group',
        'each run empties and refills one group (default: a new group per run)',
      )
      .option('--no-enable-deployment', 'create the deployment disabled after each run')
      .option('--package <package>', 'download into an existing deployment package')
      .option('--no-package', 'no deployment package (content is not downloaded)')
      .option('--new-package <name>', 'download into a new deployment package (with --path)')
      .option('--path <folder>', 'the new package source folder')
      .option('--dp <dps...>', 'distribution points for the new package')
      .option('--location <folder>', 'download from this folder instead of the Internet')
      .option('--file-language <codes...>', 'update file languages (default: the SUP languages)')
      .option('--no-run', 'do not run the rule now')
      .option('--no-wait', 'start the first run and return')
      .option('--preview', 'print what the rule would select and make, without creating it')
      .option('--format <format>', 'with --preview: table, csv or json', 'table'),
  ).action((name: string, options: NewOptions) => newRule(name, options));

  withSiteOptions(
    adr
      .command('list')
      .description('List automatic deployment rules (Get-CMSoftwareUpdateAutoDeploymentRule)')
      .option('--filter <text>', 'name or description contains the text')
      .option('--sort <column>', `sort by ${sortColumns.join(', ')}`, 'name')
      .option('--descending', 'sort descending')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(
    async (
      options: SiteCommandOptions & {
        filter?: string;
        sort: string;
        descending?: boolean;
        format: string;
      },
    ) => {
      const format = formatOf(options.format);
      const column = sortColumns.find((name) => name === options.sort);
      if (!column)
        throw invalidOption('--sort', `"${options.sort}" is not one of ${sortColumns.join(', ')}`);
      await withSite(options, async (site) => {
        const page = await callSite(site, 'rules.list', {
          ...(options.filter && { filter: { text: options.filter } }),
          sort: { column, direction: options.descending ? 'desc' : 'asc' },
          page: { size: 5000 },
        });
        process.stdout.write(printRows(page.rows, ruleColumns, format));
      });
    },
  );

  withSiteOptions(
    adr
      .command('show')
      .description('Print one rule with its pages and deployments')
      .argument('<rule>', 'the rule name or ID')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (reference: string, options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const detail = await callSite(site, 'rules.get', {
        id: (await findRule(site, reference)).id,
      });
      process.stdout.write(
        format === 'json'
          ? `${JSON.stringify(detail, null, 2)}\n`
          : printProperties(detailProperties(detail), format),
      );
    });
  });

  withSiteOptions(
    withRulePageFlags(
      adr
        .command('set')
        .description(
          'Change a rule (Set-CMSoftwareUpdateAutoDeploymentRule); only the options given change',
        )
        .argument('<rule>', 'the rule name or ID')
        .option('--new-name <name>', 'rename the rule')
        .option('--collection <collection>', 'another target collection'),
    )
      .option('--add-to-existing-group', 'each run empties and refills one group')
      .option('--new-group', 'each run creates a new group')
      .option('--enable-deployment', 'enable the deployment after each run')
      .option('--no-enable-deployment', 'leave the deployment disabled after each run'),
  ).action(
    async (
      reference: string,
      options: SiteCommandOptions &
        RuleFlags & { newName?: string; collection?: string; newGroup?: boolean },
    ) =>
      withSite(options, async (site) => {
        const current = await callSite(site, 'rules.get', {
          id: (await findRule(site, reference)).id,
        });
        const change: RuleChange = { id: current.id };
        const general: NonNullable<RuleChange['general']> = {};
        if (options.newName !== undefined) general.name = options.newName;
        if (options.ruleDescription !== undefined) general.description = options.ruleDescription;
        if (options.collection !== undefined)
          general.collectionId = (await findCollection(site, options.collection)).id;
        if (options.addToExistingGroup && options.newGroup)
          throw invalidOption('--new-group', 'choose --new-group or --add-to-existing-group');
        if (options.addToExistingGroup) general.groupMode = 'existing-group';
        if (options.newGroup) general.groupMode = 'new-group';
        if (options.enableDeployment !== undefined)
          general.isDeploymentEnabledAfterRun = options.enableDeployment;
        if (Object.keys(general).length) change.general = general;
        const criteria = criteriaFromFlags(options);
        if (criteria.length) change.softwareUpdates = { criteria };
        const evaluation = evaluationFromFlags(options, todayOf(site));
        if (evaluation) change.evaluationSchedule = evaluation;
        const pages = deploymentPagesFrom(options);
        if (Object.keys(pages.deploymentSettings).length)
          change.deploymentSettings = {
            ...current.settings.deploymentSettings,
            ...pages.deploymentSettings,
          };
        if (Object.keys(pages.userExperience).length)
          change.userExperience = { ...current.settings.userExperience, ...pages.userExperience };
        const schedule = deploymentScheduleFrom(
          options,
          current.settings.deploymentSchedule,
          pages.isAvailable,
        );
        if (JSON.stringify(schedule) !== JSON.stringify(current.settings.deploymentSchedule))
          change.deploymentSchedule = { ...current.settings.deploymentSchedule, ...schedule };
        if (options.alertOnFailure)
          change.alerts = { ...current.settings.alerts, isAlertOnRuleFailure: true };
        if (Object.keys(change).length === 1)
          throw new SiteError(
            'invalid-input',
            'Nothing to change: give at least one option (see --help).',
          );
        const changed = await callSite(site, 'rules.update', change).catch(sentence);
        console.log(`Automatic deployment rule ${changed.id} "${changed.name}" changed.`);
      }),
  );

  for (const [verb, isEnabled] of [
    ['enable', true],
    ['disable', false],
  ] as const)
    withSiteOptions(
      adr
        .command(verb)
        .description(`${isEnabled ? 'Enable' : 'Disable'} rules`)
        .argument('<rules...>', 'rule names or IDs'),
    ).action(async (references: string[], options: SiteCommandOptions) =>
      withSite(options, async (site) => {
        const ids: number[] = [];
        for (const reference of references) ids.push((await findRule(site, reference)).id);
        const { changed } = await callSite(site, 'rules.setEnabled', { ids, isEnabled });
        console.log(`${isEnabled ? 'Enabled' : 'Disabled'} ${changed} of ${ids.length} rules.`);
      }),
    );

  withSiteOptions(
    adr
      .command('delete')
      .description(
        'Delete rules; the groups they made stay (Remove-CMSoftwareUpdateAutoDeploymentRule)',
      )
      .argument('<rules...>', 'rule names or IDs'),
  ).action(async (references: string[], options: SiteCommandOptions) =>
    withSite(options, async (site) => {
      const ids: number[] = [];
      for (const reference of references) ids.push((await findRule(site, reference)).id);
      const { deleted } = await callSite(site, 'rules.delete', { ids });
      console.log(`Deleted ${deleted === 1 ? '1 rule' : `${deleted} rules`}.`);
    }),
  );

  withSiteOptions(
    adr
      .command('run')
      .description(
        'Run Now (Invoke-CMSoftwareUpdateAutoDeploymentRule); exits non-zero when the run fails',
      )
      .argument('<rule>', 'the rule name or ID')
      .option('--no-wait', 'start the run and return'),
  ).action(async (reference: string, options: SiteCommandOptions & { wait: boolean }) => {
    const site = await openSiteFor(options, options.wait);
    try {
      const rule = await findRule(site, reference);
      const { jobId } = await callSite(site, 'rules.run', { id: rule.id });
      console.log(`Rule run job ${jobId} started for "${rule.name}".`);
      if (options.wait) await followRun(site, jobId);
    } finally {
      await site.close();
    }
  });

  withSiteOptions(
    adr
      .command('preview')
      .description(
        'What a run would select and make now: updates, devices, bytes, the 1,000 cap, times',
      )
      .argument('<rule>', 'the rule name or ID')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (reference: string, options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const rule = await findRule(site, reference);
      printPreview(await callSite(site, 'rules.preview', { id: rule.id }), format);
    });
  });

  withSiteOptions(
    withScheduleFlags(
      adr
        .command('add-deployment')
        .description(
          "Another deployment of the rule's group and package (New-CMAutoDeploymentRuleDeployment)",
        )
        .argument('<rule>', 'the rule name or ID')
        .requiredOption('--collection <collection>', 'the collection (name, CollectionID or ID)')
        .option('--purpose <purpose>', 'Required (default) or Available')
        .option('--user-notification <choice>', 'DisplayAll, DisplaySoftwareCenterOnly or HideAll'),
    ),
  ).action(
    async (reference: string, options: SiteCommandOptions & RuleFlags & { collection: string }) =>
      withSite(options, async (site) => {
        if (options.runType !== undefined || options.schedule !== undefined)
          throw invalidOption(
            '--run-type',
            'a deployment runs when its rule does; set that with adr set',
          );
        const rule = await findRule(site, reference);
        const collection = await findCollection(site, options.collection);
        const pages = deploymentPagesFrom(options);
        const { licenseTerms: _terms, ...deploymentSettings } = pages.deploymentSettings as {
          licenseTerms?: unknown;
        };
        const detail = await callSite(site, 'rules.addDeployment', {
          ruleId: rule.id,
          collectionId: collection.id,
          settings: {
            deploymentSettings,
            deploymentSchedule: deploymentScheduleFrom(options, {}, pages.isAvailable),
            userExperience: pages.userExperience,
          },
        }).catch(sentence);
        console.log(
          `Added a deployment of "${detail.name}" to ${collection.name}; the rule has ${detail.deployments.length} deployments.`,
        );
      }),
  );
}
