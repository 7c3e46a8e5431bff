import type { Command } from 'commander';
import {
  clientSettingInfo,
  defaultClientSettings,
  formatSettingValue,
  type ClientSettingInfo,
  type ConfiguredClientSettings,
} from '../../../shared/compliance/client-settings';
import type { ClientSettingsObject } from '../../../shared/contract/client-settings';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { findCollection, findDevice, formatOf, withSite } from './command-helpers';
import { emitRows, printRows, type Column } from './output';
import { withSiteOptions, type SiteCommandOptions } from './site-options';

type Options = SiteCommandOptions & Record<string, string | string[] | undefined>;

const camel = (flag: string) =>
  flag.replace(/-([a-z])/g, (_match, letter: string) => letter.toUpperCase());

/** "yes", "90", "12 hours" / "12h": a flag's text as the setting's value, checked by the site. */
function parseSetting(setting: ClientSettingInfo, text: string): unknown {
  const example = defaultClientSettings[setting.key];
  const bad = (what: string) =>
    new SiteError('invalid-input', `--${setting.flag}: "${text}" is not ${what}.`);
  if (typeof example === 'boolean') {
    if (/^(yes|true)$/i.test(text)) return true;
    if (/^(no|false)$/i.test(text)) return false;
    throw bad('yes or no');
  }
  if (typeof example === 'number') {
    if (!/^\d+$/.test(text)) throw bad('a whole number');
    return Number(text);
  }
  if (typeof example === 'object') {
    const match = /^(\d+)\s*(h|hours?|d|days?)$/i.exec(text.trim());
    if (!match) throw bad('a period such as "12 hours" or "7 days"');
    return {
      every: Number(match[1]),
      unit: match[2]!.toLowerCase().startsWith('h') ? 'hours' : 'days',
    };
  }
  return text;
}

function settingFlags(command: Command): Command {
  for (const setting of clientSettingInfo)
    command.option(`--${setting.flag} <value>`, setting.label);
  return command;
}

function settingsFrom(options: Options): ConfiguredClientSettings {
  const settings: Record<string, unknown> = {};
  for (const setting of clientSettingInfo) {
    const text = options[camel(setting.flag)];
    if (typeof text === 'string') settings[setting.key] = parseSetting(setting, text);
  }
  return settings as ConfiguredClientSettings;
}

/** "restart-after-minutes=60; scan-days=1": what an object configures, in flag names. */
const configured = (object: ClientSettingsObject) =>
  clientSettingInfo
    .filter((setting) => object.settings[setting.key] !== undefined)
    .map((setting) => `${setting.flag}=${formatSettingValue(object.settings[setting.key])}`)
    .join('; ');

const listColumns: Column<ClientSettingsObject>[] = [
  { header: 'Name', value: (s) => s.name },
  { header: 'Priority', value: (s) => s.priority },
  { header: 'Type', value: (s) => s.type },
  { header: 'Deployments', value: (s) => s.deploymentCount },
  { header: 'Date Modified', value: (s) => s.modifiedAt },
  { header: 'Description', value: (s) => s.description },
  { header: 'Settings', value: (s) => (s.isDefault ? '(all)' : configured(s)) },
];

async function findClientSettings(site: Site, reference: string): Promise<ClientSettingsObject> {
  const all = await callSite(site, 'clientSettings.list', {});
  const found =
    all.find((s) => s.name.toLowerCase() === reference.toLowerCase()) ??
    (/^\d+$/.test(reference) ? all.find((s) => s.id === Number(reference)) : undefined);
  if (!found)
    throw new SiteError('not-found', `There are no client settings named "${reference}".`);
  return found;
}

function printWarnings(object: { warnings: string[] }) {
  for (const warning of object.warnings) console.log(`Warning: ${warning}`);
}

/** `patchbay client-settings`: Administration > Client Settings (New-/Set-/Get-CMClientSetting). */
export function registerClientSettings(program: Command): void {
  const command = program
    .command('client-settings')
    .description('Client settings and their deployments (New-/Set-/Get-CMClientSetting)');

  withSiteOptions(
    settingFlags(
      command
        .command('new')
        .description('Create custom client device settings (New-CMClientSetting -Type Device)')
        .argument('<name>', 'a name no other client settings have')
        .option('--description <text>', 'a description')
        .option('--priority <n>', 'the priority (1 is highest; default the next free one)'),
    ),
  ).action(async (name: string, options: Options) =>
    withSite(options, async (site) => {
      const priority = options['priority'];
      if (typeof priority === 'string' && !/^\d+$/.test(priority))
        throw new SiteError('invalid-input', `--priority: "${priority}" is not a whole number.`);
      const created = await callSite(site, 'clientSettings.create', {
        name,
        description: typeof options['description'] === 'string' ? options['description'] : '',
        settings: settingsFrom(options),
        ...(typeof priority === 'string' && { priority: Number(priority) }),
      });
      console.log(`Created client settings "${created.name}" at priority ${created.priority}.`);
      printWarnings(created);
    }),
  );

  withSiteOptions(
    settingFlags(
      command
        .command('set')
        .description('Change client settings (Set-CMClientSetting*)')
        .argument('<name>', 'the client settings (name or ID)')
        .option('--new-name <name>', 'a new name')
        .option('--description <text>', 'the description')
        .option('--priority <change>', 'increase, decrease or a priority number')
        .option('--unset <flags...>', 'settings to stop configuring (flag names, e.g. scan-days)'),
    ),
  ).action(async (reference: string, options: Options) =>
    withSite(options, async (site) => {
      const target = await findClientSettings(site, reference);
      const unset = (options['unset'] ?? []) as string[];
      const settings: Record<string, unknown> = { ...target.settings, ...settingsFrom(options) };
      for (const flag of unset) {
        const setting = clientSettingInfo.find((each) => each.flag === flag);
        if (!setting)
          throw new SiteError('invalid-input', `--unset: "${flag}" is not a client setting flag.`);
        if (target.isDefault)
          throw new SiteError(
            'refused',
            '--unset: the Default Client Settings configure every setting.',
          );
        delete settings[setting.key];
      }
      const priority = options['priority'];
      if (typeof priority === 'string') {
        const change = /^\d+$/.test(priority) ? Number(priority) : priority.toLowerCase();
        if (change !== 'increase' && change !== 'decrease' && typeof change !== 'number')
          throw new SiteError(
            'invalid-input',
            `--priority: "${priority}" is not increase, decrease or a number.`,
          );
        await callSite(site, 'clientSettings.setPriority', { id: target.id, change });
      }
      const isChanged =
        unset.length > 0 ||
        Object.keys(settingsFrom(options)).length > 0 ||
        typeof options['newName'] === 'string' ||
        typeof options['description'] === 'string';
      // Only a priority change: no Modify row in the audit log for settings that did not move.
      const changed = isChanged
        ? await callSite(site, 'clientSettings.update', {
            id: target.id,
            settings: settings as ConfiguredClientSettings,
            ...(typeof options['newName'] === 'string' && { name: options['newName'] }),
            ...(typeof options['description'] === 'string' && {
              description: options['description'],
            }),
          })
        : await callSite(site, 'clientSettings.get', { id: target.id });
      console.log(
        `Client settings "${changed.name}" (priority ${changed.priority}): ${configured(changed) || 'nothing configured'}.`,
      );
      printWarnings(changed);
    }),
  );

  withSiteOptions(
    command
      .command('list')
      .description('List client settings by priority (Get-CMClientSetting)')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: SiteCommandOptions & { format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      await emitRows(await callSite(site, 'clientSettings.list', {}), listColumns, {
        format,
        out: options.out,
      });
    });
  });

  for (const [verb, isDeploy] of [
    ['deploy', true],
    ['undeploy', false],
  ] as const)
    withSiteOptions(
      command
        .command(verb)
        .description(
          isDeploy
            ? 'Deploy client settings to collections (Start-CMClientSettingDeployment)'
            : 'Remove client settings deployments from collections',
        )
        .argument('<name>', 'the client settings (name or ID)')
        .requiredOption('--collection <collections...>', 'collections (name, CollectionID or ID)'),
    ).action(async (reference: string, options: SiteCommandOptions & { collection: string[] }) =>
      withSite(options, async (site) => {
        const target = await findClientSettings(site, reference);
        const collections = [];
        for (const each of options.collection) collections.push(await findCollection(site, each));
        const changed = await callSite(
          site,
          isDeploy ? 'clientSettings.deploy' : 'clientSettings.undeploy',
          {
            id: target.id,
            collectionIds: collections.map((c) => c.id),
          },
        );
        console.log(
          `Client settings "${changed.name}" ${isDeploy ? 'deployed to' : 'removed from'} ${collections.map((c) => c.name).join(', ')}; ${changed.deploymentCount} deployment(s).`,
        );
        printWarnings(changed);
      }),
    );

  withSiteOptions(
    command
      .command('resultant')
      .description("A device's Resultant Client Settings, with where each setting comes from")
      .requiredOption('--device <device>', 'the device (name or ID)')
      .option('--format <format>', 'table, csv or json', 'table'),
  ).action(async (options: SiteCommandOptions & { device: string; format: string }) => {
    const format = formatOf(options.format);
    await withSite(options, async (site) => {
      const device = await findDevice(site, options.device);
      const result = await callSite(site, 'clientSettings.resultant', { clientId: device.id });
      const rows = clientSettingInfo.map((setting) => ({
        setting,
        source: result.sources[setting.key]!,
      }));
      process.stdout.write(
        printRows(
          rows,
          [
            { header: 'Group', value: (r) => r.setting.group },
            { header: 'Setting', value: (r) => r.setting.flag },
            { header: 'Value', value: (r) => formatSettingValue(r.source.value) },
            { header: 'Client Settings', value: (r) => r.source.sourceName },
            { header: 'Priority', value: (r) => r.source.sourcePriority },
          ],
          format,
          (r) => ({
            key: r.setting.key,
            label: r.setting.label,
            group: r.setting.group,
            ...r.source,
          }),
        ),
      );
      if (format === 'table') printWarnings(result);
    });
  });
}
