import type { Command } from 'commander';
import {
  queryProperties,
  type CollectionRuleInput,
  type DeviceCollection,
} from '../../../shared/contract/collections';
import type { Device } from '../../../shared/contract/clients';
import { SiteError } from '../../../shared/errors';
import { callSite } from './call-site';
import { findCollection, findDevice, formatOf, withSite } from './command-helpers';
import { emitRows, type Column } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

const collectionColumns: Column<DeviceCollection>[] = [
  { header: 'ID', value: (c) => c.id },
  { header: 'Collection ID', value: (c) => c.collectionId },
  { header: 'Name', value: (c) => c.name },
  { header: 'Limiting Collection', value: (c) => c.limitingCollectionId },
  { header: 'Member Count', value: (c) => c.memberCount },
  { header: 'Built-in', value: (c) => c.isBuiltIn },
  { header: 'Full Update (days)', value: (c) => c.refreshEveryDays ?? 'Manual' },
  { header: 'Last Update', value: (c) => c.lastRefreshedAt },
  { header: 'Comment', value: (c) => c.comment },
];

const deviceColumns: Column<Device>[] = [
  { header: 'ID', value: (d) => d.id },
  { header: 'Name', value: (d) => d.name },
  { header: 'Domain', value: (d) => d.domain },
  { header: 'Operating System', value: (d) => d.osName },
  { header: 'Last Scan', value: (d) => d.lastScanAt },
  { header: 'Last State Message', value: (d) => d.lastStateMessageAt },
];

const operators = ['equals', 'notEquals', 'contains', 'startsWith'] as const;

/** "osName contains Windows 11" -> one condition of a query rule. */
function parseCondition(text: string) {
  const match = /^(\S+)\s+(\S+)\s+(.+)$/.exec(text.trim());
  const property = queryProperties.find((name) => name === match?.[1]);
  const operator = operators.find((name) => name === match?.[2]);
  if (!match || !property || !operator)
    throw new SiteError(
      'invalid-input',
      `--query: "${text}" is not "<property> <operator> <value>" with a property of ${queryProperties.join(', ')} and an operator of ${operators.join(', ')}.`,
    );
  return { property, operator, value: match[3]! };
}

interface SetOptions extends SiteCommandOptions {
  newName?: string;
  comment?: string;
  limitingCollection?: string;
  refreshDays?: string;
}

interface RuleOptions extends SiteCommandOptions {
  direct?: string[];
  include?: string;
  exclude?: string;
  query?: string[];
  name?: string;
}

/**
 * `patchbay collection`: Device Collections from the shell (New-/Get-CMDeviceCollection,
 * Add-CMDeviceCollection*MembershipRule, Get-CMCollectionMember, Invoke-CMCollectionUpdate,
 * Set-CMCollection).
 */
export function registerCollection(program: Command): void {
  const collection = program
    .command('collection')
    .description('Device collections (New-/Get-CMDeviceCollection, membership rules)');

  withSiteOptions(
    collection
      .command('new')
      .description('Create a device collection (New-CMDeviceCollection)')
      .argument('<name>', 'the collection name, unique on the site')
      .option('--limiting <collection>', 'limiting collection (name or ID)', 'All Systems')
      .option('--comment <text>', 'a comment'),
  ).action(
    async (name: string, options: SiteCommandOptions & { limiting: string; comment?: string }) =>
      withSite(options, async (site) => {
        const limiting = await findCollection(site, options.limiting);
        const created = await callSite(site, 'collections.create', {
          name,
          comment: options.comment ?? '',
          limitingCollectionId: limiting.id,
        });
        console.log(
          `Created device collection "${created.name}" (${created.collectionId}), limited to ${limiting.name}.`,
        );
      }),
  );

  withSiteOptions(
    collection
      .command('list')
      .description('List device collections (Get-CMDeviceCollection)')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      await emitRows(await callSite(site, 'collections.list', {}), collectionColumns, {
        format,
        out: options.out,
      });
    });
  });

  withSiteOptions(
    collection
      .command('add-rule')
      .description('Add a membership rule: direct, include, exclude or query')
      .argument('<collection>', 'the collection (name, CollectionID or ID)')
      .option('--direct <devices...>', 'devices by name or ID (direct rules)')
      .option('--include <collection>', 'include the members of a collection')
      .option('--exclude <collection>', 'exclude the members of a collection')
      .option(
        '--query <conditions...>',
        'query conditions, e.g. "osName contains Windows 11" (all must hold)',
      )
      .option('--name <name>', 'the query rule name', 'Query'),
  ).action(async (reference: string, options: RuleOptions) =>
    withSite(options, async (site) => {
      const target = await findCollection(site, reference);
      const rules: CollectionRuleInput[] = [];
      for (const device of options.direct ?? [])
        rules.push({ kind: 'direct', clientId: (await findDevice(site, device)).id });
      if (options.include)
        rules.push({
          kind: 'include',
          collectionId: (await findCollection(site, options.include)).id,
        });
      if (options.exclude)
        rules.push({
          kind: 'exclude',
          collectionId: (await findCollection(site, options.exclude)).id,
        });
      if (options.query)
        rules.push({
          kind: 'query',
          name: options.name ?? 'Query',
          query: { conditions: options.query.map(parseCondition) },
        });
      if (rules.length === 0)
        throw new SiteError(
          'invalid-input',
          'Name a rule: --direct, --include, --exclude or --query.',
        );
      let result = target;
      for (const rule of rules)
        result = await callSite(site, 'collections.addRule', { id: target.id, rule });
      console.log(
        `Device collection "${result.name}": added ${rules.length === 1 ? '1 rule' : `${rules.length} rules`}; it has ${result.memberCount} member(s).`,
      );
    }),
  );

  withSiteOptions(
    collection
      .command('members')
      .description('List the devices in a collection (Get-CMCollectionMember)')
      .argument('<collection>', 'the collection (name, CollectionID or ID)')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (reference: string, options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const target = await findCollection(site, reference);
      const rows: Device[] = [];
      let after: string | undefined;
      do {
        const page = await callSite(site, 'devices.list', {
          filter: { collectionId: target.id },
          page: { size: 5000, ...(after ? { after } : {}) },
        });
        rows.push(...page.rows);
        after = page.nextCursor ?? undefined;
      } while (after);
      await emitRows(rows, deviceColumns, { format, out: options.out });
    });
  });

  withSiteOptions(
    collection
      .command('update')
      .description('Update Membership now: a full evaluation (Invoke-CMCollectionUpdate)')
      .argument('<collection>', 'the collection (name, CollectionID or ID)'),
  ).action(async (reference: string, options: SiteCommandOptions) =>
    withSite(options, async (site) => {
      const target = await findCollection(site, reference);
      const result = await callSite(site, 'collections.updateMembership', { id: target.id });
      console.log(
        `Updated the membership of "${result.collection.name}": ${result.added} added, ${result.removed} removed; it has ${result.collection.memberCount} member(s).`,
      );
    }),
  );

  withSiteOptions(
    collection
      .command('set')
      .description('Change name, comment, limiting collection or schedule (Set-CMCollection)')
      .argument('<collection>', 'the collection (name, CollectionID or ID)')
      .option('--new-name <name>', 'a new name, unique on the site')
      .option('--comment <text>', 'the comment')
      .option('--limiting-collection <collection>', 'the limiting collection (name or ID)')
      .option('--refresh-days <days>', 'full update every N days (1-31), or "manual"'),
  ).action(async (reference: string, options: SetOptions) =>
    withSite(options, async (site) => {
      const target = await findCollection(site, reference);
      const refresh = options.refreshDays;
      if (refresh !== undefined && refresh !== 'manual' && !/^\d+$/.test(refresh))
        throw new SiteError(
          'invalid-input',
          `--refresh-days: "${refresh}" is not a number of days or "manual".`,
        );
      const limiting = options.limitingCollection
        ? await findCollection(site, options.limitingCollection)
        : undefined;
      const changed = await callSite(site, 'collections.update', {
        id: target.id,
        ...(options.newName !== undefined && { name: options.newName }),
        ...(options.comment !== undefined && { comment: options.comment }),
        ...(limiting && { limitingCollectionId: limiting.id }),
        ...(refresh !== undefined && {
          refreshEveryDays: refresh === 'manual' ? null : Number(refresh),
        }),
      });
      console.log(
        `Device collection "${changed.name}" (${changed.collectionId}): limited to ${changed.limitingCollectionId}, full update ${changed.refreshEveryDays === null ? 'on demand only' : `every ${changed.refreshEveryDays} day(s)`}; it has ${changed.memberCount} member(s).`,
      );
    }),
  );
}
