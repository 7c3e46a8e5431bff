import type { Command } from 'commander';
import type { SoftwareUpdateRow } from '../../../shared/contract/software-updates';
import type {
  GroupListQuery,
  SoftwareUpdateGroup,
  SoftwareUpdateGroupResult,
} from '../../../shared/contract/update-groups';
import { SiteError } from '../../../shared/errors';
import { membersFlagged } from '../../site/groups/member-flags';
import { resolveUpdateReferences } from '../../site/groups/update-references';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { emitRows, parseFormat, printProperties, type Column, type OutputFormat } from './output';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

const updatesHelp = 'updates by article ID (KB5034441 or 5034441), update GUID or CI ID (ci:123)';
const sortColumns = ['name', 'dateCreated', 'dateModified', 'numberOfUpdates'] as const;

/** A bad option is the admin's input: exit code 2 like any other invalid input. */
function formatOf(value: string): OutputFormat {
  try {
    return parseFormat(value);
  } catch (error) {
    throw new SiteError('invalid-input', (error as Error).message);
  }
}

async function withSite(options: SiteCommandOptions, work: (site: Site) => Promise<void>) {
  const site = await openSiteFor(options, false);
  try {
    await work(site);
  } finally {
    await site.close();
  }
}

/** A group by its name (as the cmdlets' -Name, without regard to case) or by its ID. */
export async function findGroup(site: Site, nameOrId: string): Promise<SoftwareUpdateGroupResult> {
  const matches = await callSite(site, 'groups.list', {
    filter: { text: nameOrId },
    page: { size: 5000 },
  });
  const named = matches.rows.find((row) => row.name.toLowerCase() === nameOrId.toLowerCase());
  if (named) return callSite(site, 'groups.get', { id: named.id });
  if (/^\d+$/.test(nameOrId)) return callSite(site, 'groups.get', { id: Number(nameOrId) });
  throw new SiteError('not-found', `There is no software update group named "${nameOrId}".`);
}

function warn(warning: string | undefined): void {
  if (warning) console.error(`Warning: ${warning}`);
}

const updatesCount = (count: number) => (count === 1 ? '1 update' : `${count} updates`);

const groupColumns: Column<SoftwareUpdateGroup>[] = [
  { header: 'ID', value: (group) => group.id },
  { header: 'Name', value: (group) => group.name },
  { header: 'Description', value: (group) => group.description },
  { header: 'Icon', value: (group) => group.icon },
  { header: 'Number of Updates', value: (group) => group.numberOfUpdates },
  { header: 'Number of Expired', value: (group) => group.numberOfExpired },
  { header: 'Deployed', value: (group) => group.isDeployed },
  { header: 'Downloaded', value: (group) => group.isDownloaded },
  { header: 'Expired', value: (group) => group.containsExpired },
  { header: 'Superseded', value: (group) => group.containsSuperseded },
  { header: 'Content Missing', value: (group) => group.isContentMissing },
  { header: 'Collections Deployed', value: (group) => group.collectionsDeployed },
  { header: 'Percent Compliant', value: (group) => group.percentCompliant, kind: 'percent' },
  { header: 'Date Created', value: (group) => group.dateCreated, kind: 'date' },
  { header: 'Date Modified', value: (group) => group.dateModified },
  { header: 'Created By', value: (group) => group.createdBy },
];

const memberColumns: Column<SoftwareUpdateRow>[] = [
  { header: 'CI ID', value: (update) => update.ciId },
  { header: 'Article ID', value: (update) => update.articleId },
  { header: 'Title', value: (update) => update.title },
  { header: 'Classification', value: (update) => update.classification },
  { header: 'Expired', value: (update) => update.isExpired },
  { header: 'Superseded', value: (update) => update.isSuperseded },
  { header: 'Downloaded', value: (update) => update.isDownloaded },
];

/** Show Members: every page of the group's updates. */
async function membersOf(site: Site, groupId: number): Promise<SoftwareUpdateRow[]> {
  const rows: SoftwareUpdateRow[] = [];
  let after: string | undefined;
  do {
    const page = await callSite(site, 'updates.list', {
      filter: { groupId, criteria: [] },
      sort: { column: 'articleId', direction: 'asc' },
      page: { size: 5000, ...(after ? { after } : {}) },
    });
    rows.push(...page.rows);
    after = page.nextCursor ?? undefined;
  } while (after);
  return rows;
}

async function changeMembers(site: Site, group: string, add: string[], remove: string[]) {
  const target = await findGroup(site, group);
  const result = await callSite(site, 'groups.setMembership', {
    groupIds: [target.id],
    add: await resolveUpdateReferences(site.database, add),
    remove: await resolveUpdateReferences(site.database, remove),
  });
  const entry = result.groups[0]!;
  const parts = [
    ...(add.length > 0 ? [`added ${updatesCount(entry.added)}`] : []),
    ...(remove.length > 0 ? [`removed ${updatesCount(entry.removed)}`] : []),
  ];
  console.log(
    `Software update group "${entry.name}": ${parts.join(', ')}; it has ${updatesCount(entry.numberOfUpdates)}.`,
  );
  warn(entry.warning);
}

interface SetOptions extends SiteCommandOptions {
  newName?: string;
  description?: string;
  add?: string[];
  remove?: string[];
  clearExpired?: boolean;
  clearSuperseded?: boolean;
  clear?: boolean;
}

/**
 * `patchbay group`: Software Update Groups from the shell, one verb per ConfigMgr cmdlet
 * (New-/Get-/Set-/Remove-CMSoftwareUpdateGroup, Add-CMSoftwareUpdateToGroup,
 * Remove-CMSoftwareUpdateFromGroup), through the same API methods as the console.
 */
export function registerGroup(program: Command): void {
  const group = program
    .command('group')
    .description('Software update groups (New-/Get-/Set-/Remove-CMSoftwareUpdateGroup)');

  withSiteOptions(
    group
      .command('new')
      .description('Create a software update group (New-CMSoftwareUpdateGroup)')
      .argument('<name>', 'the group name, unique on the site')
      .option('--description <text>', 'the group description')
      .option('--update <updates...>', updatesHelp),
  ).action(
    async (
      name: string,
      options: SiteCommandOptions & { description?: string; update?: string[] },
    ) =>
      withSite(options, async (site) => {
        const created = await callSite(site, 'groups.create', {
          name,
          description: options.description ?? '',
          ciIds: await resolveUpdateReferences(site.database, options.update ?? []),
        });
        console.log(
          `Created software update group "${created.name}" (ID ${created.id}, ${created.ciUniqueId}) with ${updatesCount(created.numberOfUpdates)}.`,
        );
        warn(created.warning);
      }),
  );

  withSiteOptions(
    group
      .command('list')
      .description('List software update groups (Get-CMSoftwareUpdateGroup)')
      .option('--filter <text>', 'only groups whose name or description contains the text')
      .option('--sort <column>', `sort by ${sortColumns.join(', ')}`, 'name')
      .option('--descending', 'sort descending')
      .option('--limit <n>', 'how many', '500')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(
    async (
      options: SiteCommandOptions & {
        filter?: string;
        sort: string;
        descending?: boolean;
        limit: string;
        format: string;
      },
    ) => {
      const format = formatOf(options.format);
      const column = sortColumns.find((name) => name === options.sort);
      if (!column)
        throw new SiteError(
          'invalid-input',
          `--sort: "${options.sort}" is not one of ${sortColumns.join(', ')}.`,
        );
      const limit = Number(options.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 5000)
        throw new SiteError('invalid-input', `--limit: "${options.limit}" is not from 1 to 5000.`);
      const query: GroupListQuery = {
        filter: options.filter ? { text: options.filter } : {},
        sort: { column, direction: options.descending ? 'desc' : 'asc' },
        page: { size: limit },
      };
      await withSite(options, async (site) => {
        const page = await callSite(site, 'groups.list', query);
        await emitRows(page.rows, groupColumns, { format, out: options.out });
      });
    },
  );

  withSiteOptions(
    group
      .command('show')
      .description("Print one group's properties, or with --members its updates (Show Members)")
      .argument('<group>', 'the group name or ID')
      .option('--members', 'list the updates in the group')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(
    async (name: string, options: SiteCommandOptions & { members?: boolean; format: string }) => {
      const format = formatOf(options.format);
      await withSite(options, async (site) => {
        const found = await findGroup(site, name);
        if (options.members) {
          await emitRows(await membersOf(site, found.id), memberColumns, {
            format,
            out: options.out,
          });
          return;
        }
        if (format === 'json') {
          process.stdout.write(`${JSON.stringify(found, null, 2)}\n`);
          return;
        }
        const properties = groupColumns.map((column) => ({
          property: column.header,
          value: column.value(found),
        }));
        if (found.warning) properties.push({ property: 'Warning', value: found.warning });
        process.stdout.write(printProperties(properties, format));
      });
    },
  );

  withSiteOptions(
    group
      .command('add')
      .description('Add updates to a group (Add-CMSoftwareUpdateToGroup)')
      .argument('<group>', 'the group name or ID')
      .argument('<updates...>', updatesHelp),
  ).action(async (name: string, updates: string[], options: SiteCommandOptions) =>
    withSite(options, (site) => changeMembers(site, name, updates, [])),
  );

  withSiteOptions(
    group
      .command('remove')
      .description('Remove updates from a group (Remove-CMSoftwareUpdateFromGroup)')
      .argument('<group>', 'the group name or ID')
      .argument('<updates...>', updatesHelp),
  ).action(async (name: string, updates: string[], options: SiteCommandOptions) =>
    withSite(options, (site) => changeMembers(site, name, [], updates)),
  );

  withSiteOptions(
    group
      .command('set')
      .description('Change a group (Set-CMSoftwareUpdateGroup); only the options given change')
      .argument('<group>', 'the group name or ID')
      .option('--new-name <name>', 'rename the group')
      .option('--description <text>', 'replace the description')
      .option('--add <updates...>', `add ${updatesHelp}`)
      .option('--remove <updates...>', `remove ${updatesHelp}`)
      .option('--clear-expired', 'remove every expired update')
      .option('--clear-superseded', 'remove every superseded update')
      .option('--clear', 'remove every update'),
  ).action(async (name: string, options: SetOptions) => {
    const isMembership =
      options.add || options.remove || options.clearExpired || options.clearSuperseded;
    const isRename = options.newName !== undefined || options.description !== undefined;
    if (!isMembership && !isRename && !options.clear)
      throw new SiteError(
        'invalid-input',
        'Nothing to change: give at least one option (see --help).',
      );
    await withSite(options, async (site) => {
      const target = await findGroup(site, name);
      const remove = await resolveUpdateReferences(site.database, options.remove ?? []);
      if (options.clear)
        remove.push(...(await callSite(site, 'groups.memberIds', { id: target.id })));
      if (options.clearExpired)
        remove.push(...(await membersFlagged(site.database, target.id, 'expired')));
      if (options.clearSuperseded)
        remove.push(...(await membersFlagged(site.database, target.id, 'superseded')));
      const add = await resolveUpdateReferences(site.database, options.add ?? []);
      let result: { name: string; numberOfUpdates: number; warning?: string } = target;
      if (add.length > 0 || remove.length > 0) {
        // --clear with --add keeps the added updates: clearing happens first, as in the cmdlet.
        const changed = await callSite(site, 'groups.setMembership', {
          groupIds: [target.id],
          add,
          remove: remove.filter((id) => !add.includes(id)),
        });
        result = changed.groups[0] ?? result;
      }
      if (isRename) {
        result = await callSite(site, 'groups.update', {
          id: target.id,
          ...(options.newName !== undefined ? { name: options.newName } : {}),
          ...(options.description !== undefined ? { description: options.description } : {}),
        });
      }
      console.log(
        `Software update group "${result.name}" changed; it has ${updatesCount(result.numberOfUpdates)}.`,
      );
      warn(result.warning);
    });
  });

  withSiteOptions(
    group
      .command('delete')
      .description('Delete groups that have no deployment (Remove-CMSoftwareUpdateGroup)')
      .argument('<groups...>', 'group names or IDs'),
  ).action(async (names: string[], options: SiteCommandOptions) =>
    withSite(options, async (site) => {
      const ids: number[] = [];
      for (const name of names) ids.push((await findGroup(site, name)).id);
      const { deleted } = await callSite(site, 'groups.delete', { ids });
      console.log(
        `Deleted ${deleted === 1 ? '1 software update group' : `${deleted} software update groups`}.`,
      );
    }),
  );
}
