import type { Command } from 'commander';
import {
  DeploymentStatusCategory,
  deploymentStatusCategoryLabels,
  type Deployment,
} from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { formatOf, withSite } from './command-helpers';
import { printRows } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

/** A deployment by name (any case) or AssignmentID. */
async function deploymentNamed(site: Site, reference: string): Promise<Deployment> {
  const page = await callSite(site, 'deployments.list', {
    filter: { text: reference },
    page: { size: 1000 },
  });
  const named = page.rows.find((row) => row.name.toLowerCase() === reference.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(reference)) return callSite(site, 'deployments.get', { id: Number(reference) });
  throw new SiteError('not-found', `There is no deployment named "${reference}".`);
}

function categoryOption(value: string | undefined): DeploymentStatusCategory | undefined {
  if (value === undefined) return undefined;
  const parsed = DeploymentStatusCategory.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new SiteError(
    'invalid-input',
    `--category: "${value}" is not one of ${DeploymentStatusCategory.options.join(', ')}.`,
  );
}

interface StatusOptions extends SiteCommandOptions {
  category?: string;
  format: string;
}

/**
 * `patchbay deployment status` (View Status, and the SMS_DeploymentSummary counters scripts read
 * with Get-CMSoftwareUpdateDeploymentStatus): the five categories with their sub-states, and with
 * --category the Asset Details of that category.
 */
async function showStatus(reference: string, options: StatusOptions): Promise<void> {
  const format = formatOf(options.format);
  const category = categoryOption(options.category);
  await withSite(options, async (site) => {
    const { id } = await deploymentNamed(site, reference);
    const status = await callSite(site, 'deployments.status', { id });
    const assets = category
      ? await callSite(site, 'deployments.assets', { id, category })
      : undefined;
    const { deployment } = status;
    if (format === 'json') {
      const counters = {
        numberTargeted: deployment.numberTargeted,
        numberSuccess: deployment.numberSuccess,
        numberInProgress: deployment.numberInProgress,
        numberErrors: deployment.numberErrors,
        numberOther: deployment.numberOther,
        numberUnknown: deployment.numberUnknown,
        summarizationTime: deployment.summarizationTime,
      };
      const json = {
        id,
        name: deployment.name,
        assignmentUniqueId: deployment.assignmentUniqueId,
        compliancePercent: deployment.compliancePercent,
        ...counters,
        categories: status.categories,
        ...(assets && { category, assets: assets.rows, total: assets.total }),
        ...(assets?.cappedMessage && { cappedMessage: assets.cappedMessage }),
      };
      process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
      return;
    }
    if (assets) {
      process.stdout.write(
        printRows(
          assets.rows,
          [
            { header: 'Device', value: (row) => row.deviceName },
            { header: 'Status Time', value: (row) => row.statusTime },
            { header: 'Sub-state', value: (row) => row.subStateLabel },
            { header: 'Error Code', value: (row) => row.errorCodeHex },
            { header: 'Error Description', value: (row) => row.errorDescription },
            { header: 'Last Message', value: (row) => row.lastMessageKey },
          ],
          format,
        ),
      );
      if (assets.cappedMessage && format === 'table') console.log(assets.cappedMessage);
      return;
    }
    const rows = status.categories.flatMap((each) => [
      { category: deploymentStatusCategoryLabels[each.category], subState: '', count: each.count },
      ...each.subStates.map((sub) => ({ category: '', subState: sub.label, count: sub.count })),
    ]);
    if (format === 'table')
      console.log(
        `${deployment.name}: ${deployment.compliancePercent}% compliant, ${deployment.numberTargeted} targeted (live at ${deployment.summarizationTime})`,
      );
    process.stdout.write(
      printRows(
        rows,
        [
          { header: 'Category', value: (row) => row.category },
          { header: 'Sub-state', value: (row) => row.subState },
          { header: 'Assets', value: (row) => row.count },
        ],
        format,
      ),
    );
  });
}

/**
 * Adds `status` to the `deployment` command group. The group's other verbs (new, list, show…)
 * are registered by deployment-command.ts; whichever registers first creates the group, so call
 * this after it.
 */
export function registerDeploymentStatus(program: Command): void {
  const group =
    program.commands.find((command) => command.name() === 'deployment') ??
    program.command('deployment').description('Software update deployments');
  withSiteOptions(
    group
      .command('status <deployment>')
      .description('View Status of a deployment by name or ID: categories, sub-states, assets')
      .option(
        '--category <category>',
        'the Asset Details of Compliant, InProgress, Error, RequirementsNotMet or Unknown',
      )
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action((reference: string, options: StatusOptions) => showStatus(reference, options));
}
