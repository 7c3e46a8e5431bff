import type { Command } from 'commander';
import {
  SeverityName,
  type SeverityName as Severity,
  updateSortColumns,
  type SoftwareUpdateRow,
  type UpdateCriterion,
} from '../../../shared/contract/software-updates';
import { callSite } from './call-site';
import { formatOf, withSite } from './command-helpers';
import { invalidOption } from './deployment-options';
import { findGroup } from './group-command';
import { emitRows, type Column } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

/** The Add Criteria properties (§3.4) by the names the console shows. */
const listProperties = {
  'article id': 'articleId',
  'bulletin id': 'bulletinId',
  title: 'title',
  vendor: 'vendor',
  'cve id': 'cve',
  classification: 'classification',
  product: 'product',
  severity: 'severity',
  'custom severity': 'customSeverity',
} as const;
const flagProperties = {
  expired: 'expired',
  superseded: 'superseded',
  deployed: 'deployed',
  downloaded: 'downloaded',
} as const;

function yesNo(option: string, value: string): boolean {
  if (/^(yes|true)$/i.test(value)) return true;
  if (/^(no|false)$/i.test(value)) return false;
  throw invalidOption(option, `"${value}" is not yes or no`);
}

/** "Bulletin ID=MS17-010", "Severity=Critical;Important", "Deployed=No", "Required>=1". */
function criterionOf(text: string): UpdateCriterion {
  const required = /^\s*required\s*(>=|<=|=)\s*(\d+)\s*$/i.exec(text);
  if (required) {
    const condition = { '>=': 'atLeast', '<=': 'atMost', '=': 'equals' } as const;
    return {
      property: 'required',
      condition: condition[required[1] as '>='],
      value: Number(required[2]),
    };
  }
  const [name = '', ...rest] = text.split('=');
  const key = name.trim().toLowerCase();
  const value = rest.join('=').trim();
  if (key in flagProperties)
    return {
      property: flagProperties[key as keyof typeof flagProperties],
      value: yesNo('--criteria', value),
    };
  if (!(key in listProperties) || !value)
    throw invalidOption(
      '--criteria',
      `"${text}" is not "Property=value" with a property of ${[...Object.keys(listProperties), ...Object.keys(flagProperties), 'required'].join(', ')}`,
    );
  const property = listProperties[key as keyof typeof listProperties];
  const values = value
    .split(';')
    .map((each) => each.trim())
    .filter(Boolean);
  if (property === 'severity' || property === 'customSeverity') {
    const severities = values.map((each) =>
      SeverityName.options.find((s) => s.toLowerCase() === each.toLowerCase()),
    );
    const bad = values.find((_, index) => !severities[index]);
    if (bad !== undefined)
      throw invalidOption('--criteria', `"${bad}" is not ${SeverityName.options.join(', ')}`);
    return { property, values: severities as Severity[] };
  }
  return { property, values };
}

const columns: Column<SoftwareUpdateRow>[] = [
  { header: 'CI ID', value: (u) => u.ciId },
  { header: 'Article ID', value: (u) => u.articleId },
  { header: 'Bulletin ID', value: (u) => u.bulletinId },
  { header: 'Title', value: (u) => u.title },
  { header: 'Classification', value: (u) => u.classification },
  { header: 'Required', value: (u) => u.required },
  { header: 'Installed', value: (u) => u.installed },
  { header: 'Percent Compliant', value: (u) => u.percentCompliant, kind: 'percent' },
  { header: 'Deployed', value: (u) => u.isDeployed },
  { header: 'Downloaded', value: (u) => u.isDownloaded },
  { header: 'Expired', value: (u) => u.isExpired },
  { header: 'Superseded', value: (u) => u.isSuperseded },
  { header: 'Severity', value: (u) => u.severity },
  { header: 'Date Released', value: (u) => u.dateReleased, kind: 'date' },
];

interface ListOptions extends SiteCommandOptions {
  text?: string;
  criteria?: string[];
  deployed?: string;
  downloaded?: string;
  expired?: string;
  superseded?: string;
  group?: string;
  sort: string;
  descending?: boolean;
  limit: string;
  format: string;
}

/** `patchbay updates list` (Get-CMSoftwareUpdate): All Software Updates with its search. */
export function registerUpdates(program: Command): void {
  const updates = program.command('updates').description('Software updates (Get-CMSoftwareUpdate)');
  withSiteOptions(
    updates
      .command('list')
      .description('List software updates with the console search text and criteria')
      .option('--text <text>', 'title, article ID or bulletin ID contains the text')
      .option(
        '--criteria <criteria...>',
        '"Bulletin ID=MS17-010", "Severity=Critical;Important", "Required>=1"',
      )
      .option('--deployed <yes|no>', 'only deployed (or not deployed) updates')
      .option('--downloaded <yes|no>', 'only downloaded (or not downloaded) updates')
      .option('--expired <yes|no>', 'only expired (or not expired) updates')
      .option('--superseded <yes|no>', 'only superseded (or not superseded) updates')
      .option('--group <group>', "the group's updates (Show Members)")
      .option('--sort <column>', `sort by ${updateSortColumns.join(', ')}`, 'title')
      .option('--descending', 'sort descending')
      .option('--limit <n>', 'how many', '500')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: ListOptions) => {
    const format = formatOf(options.format);
    const column = updateSortColumns.find((name) => name === options.sort);
    if (!column)
      throw invalidOption(
        '--sort',
        `"${options.sort}" is not one of ${updateSortColumns.join(', ')}`,
      );
    const limit = Number(options.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
      throw invalidOption('--limit', `"${options.limit}" is not from 1 to 5000`);
    const criteria = (options.criteria ?? []).map(criterionOf);
    for (const flag of Object.values(flagProperties)) {
      const value = options[flag];
      if (value !== undefined) criteria.push({ property: flag, value: yesNo(`--${flag}`, value) });
    }
    await withSite(options, async (site) => {
      const page = await callSite(site, 'updates.list', {
        filter: {
          ...(options.text && { text: options.text }),
          criteria,
          ...(options.group && { groupId: (await findGroup(site, options.group)).id }),
        },
        sort: { column, direction: options.descending ? 'desc' : 'asc' },
        page: { size: limit },
      });
      await emitRows(page.rows, columns, { format, out: options.out });
    });
  });
}
