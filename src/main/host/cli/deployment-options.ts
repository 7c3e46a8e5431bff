import type { Command } from 'commander';
import {
  AlertOffsetUnit,
  DeploymentPurpose,
  TimeBasedOn,
  UserNotification,
  WallClockTime,
  type DeploymentSettingsInput,
} from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';

/** The setting flags shared by `deployment new`, `deployment set` and `deployment template new`. */
export interface SettingFlags {
  purpose?: string;
  available?: string;
  deadline?: string;
  timeBasedOn?: string;
  verbosity?: string;
  userNotification?: string;
  installOutsideMw?: boolean;
  restartOutsideMw?: boolean;
  suppressRestart?: string;
  softDeadline?: boolean;
  wakeOnLan?: boolean;
  preDownload?: boolean;
  reevaluateAfterRestart?: boolean;
  alertBelow?: string;
  alertOffset?: string;
  alertUnit?: string;
}

/** The flags of the wizard's setting pages, in page order (§7.2–§7.5). */
export function withSettingFlags(command: Command, isChange = false): Command {
  if (!isChange) command.option('--purpose <purpose>', 'Required (default) or Available');
  return command
    .option('--available <time>', 'software available time: asap or 2026-12-08T02:00')
    .option(
      '--deadline <time>',
      'installation deadline: asap or 2026-12-15T02:00 (default: available + 7 days)',
    )
    .option('--time-based-on <clock>', 'LocalTime (client local time) or Utc')
    .option('--verbosity <level>', 'state message detail: 10 all, 5 success and error, 1 errors')
    .option('--user-notification <choice>', 'DisplayAll, DisplaySoftwareCenterOnly or HideAll')
    .option('--install-outside-mw', 'at deadline, install outside maintenance windows')
    .option('--restart-outside-mw', 'at deadline, restart outside maintenance windows')
    .option('--suppress-restart <devices>', 'servers, workstations or servers,workstations')
    .option('--soft-deadline', 'delay enforcement by user preference up to the grace period')
    .option('--wake-on-lan', 'wake clients at deadline (Required only)')
    .option('--pre-download', 'pre-download content (Available only)')
    .option('--reevaluate-after-restart', 'run a deployment evaluation after a restart')
    .option('--alert-below <percent>', 'alert when compliance is below this percent (1–99)')
    .option('--alert-offset <n>', 'alert this long after the deadline (with --alert-unit)')
    .option('--alert-unit <unit>', 'Hours, Days, Weeks or Months');
}

export function invalidOption(option: string, message: string): SiteError {
  return new SiteError('invalid-input', `${option}: ${message}.`);
}

function choice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  const found = choices.find((each) => each.toLowerCase() === value.toLowerCase());
  if (!found)
    throw invalidOption(
      option,
      `"${value}" is not ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)!}`,
    );
  return found;
}

function time(option: string, value: string): string {
  if (value.toLowerCase() === 'asap') return 'asap';
  const parsed = WallClockTime.safeParse(value.replace(' ', 'T'));
  if (!parsed.success)
    throw invalidOption(option, `"${value}" is not asap or a time such as 2026-12-08T02:00`);
  return parsed.data;
}

function whole(option: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw invalidOption(option, `"${value}" is not a whole number from ${min} to ${max}`);
  return number;
}

/** The setting pages the flags give; a page no flag touches is left out. */
export function settingsFromFlags(flags: SettingFlags): DeploymentSettingsInput {
  const settings: Record<string, Record<string, unknown>> = {};
  const set = (page: string, field: string, value: unknown) => {
    if (value !== undefined) (settings[page] ??= {})[field] = value;
  };
  const on = (value: boolean | undefined) => (value ? true : undefined);
  set(
    'deploymentSettings',
    'purpose',
    flags.purpose && choice('--purpose', flags.purpose, DeploymentPurpose.options),
  );
  set(
    'deploymentSettings',
    'verbosity',
    flags.verbosity && Number(choice('--verbosity', flags.verbosity, ['10', '5', '1'])),
  );
  set('deploymentSettings', 'isWakeOnLan', on(flags.wakeOnLan));
  set('deploymentSettings', 'isPreDownload', on(flags.preDownload));
  set(
    'scheduling',
    'timeBasedOn',
    flags.timeBasedOn && choice('--time-based-on', flags.timeBasedOn, TimeBasedOn.options),
  );
  set('scheduling', 'availableTime', flags.available && time('--available', flags.available));
  set('scheduling', 'deadlineTime', flags.deadline && time('--deadline', flags.deadline));
  set('scheduling', 'isSoftDeadline', on(flags.softDeadline));
  set(
    'userExperience',
    'userNotification',
    flags.userNotification &&
      choice('--user-notification', flags.userNotification, UserNotification.options),
  );
  set('userExperience', 'isInstallOutsideMaintenanceWindow', on(flags.installOutsideMw));
  set('userExperience', 'isRestartOutsideMaintenanceWindow', on(flags.restartOutsideMw));
  set('userExperience', 'isReevaluatedAfterRestart', on(flags.reevaluateAfterRestart));
  if (flags.suppressRestart !== undefined) {
    const devices = flags.suppressRestart
      .split(',')
      .map((each) => choice('--suppress-restart', each.trim(), ['servers', 'workstations']));
    set('userExperience', 'isRestartSuppressedOnServers', devices.includes('servers'));
    set('userExperience', 'isRestartSuppressedOnWorkstations', devices.includes('workstations'));
  }
  const alerting =
    flags.alertBelow !== undefined ||
    flags.alertOffset !== undefined ||
    flags.alertUnit !== undefined;
  if (alerting) {
    set('alerts', 'isAlertOnLowCompliance', true);
    set(
      'alerts',
      'compliancePercentBelow',
      flags.alertBelow && whole('--alert-below', flags.alertBelow, 1, 99),
    );
    set(
      'alerts',
      'offsetFromDeadline',
      flags.alertOffset && whole('--alert-offset', flags.alertOffset, 1, 999),
    );
    set(
      'alerts',
      'offsetUnit',
      flags.alertUnit && choice('--alert-unit', flags.alertUnit, AlertOffsetUnit.options),
    );
  }
  // An Available deployment has no deadline: none is filled in for it.
  if (settings.deploymentSettings?.purpose === 'Available' && flags.deadline === undefined)
    set('scheduling', 'deadlineTime', null);
  return settings as DeploymentSettingsInput;
}

/** The site names fields by page ("scheduling.deadlineTime"); the CLI names the option. */
const optionOfField: Record<string, string> = {
  'general.name': '--name',
  name: '--name',
  'general.description': '--description',
  'general.collectionId': '--collection',
  'selection.groupId': '--group',
  'selection.ciIds': '--update',
  'deploymentSettings.purpose': '--purpose',
  'deploymentSettings.isWakeOnLan': '--wake-on-lan',
  'deploymentSettings.isPreDownload': '--pre-download',
  'scheduling.availableTime': '--available',
  'scheduling.deadlineTime': '--deadline',
  'userExperience.userNotification': '--user-notification',
};

/** Rewrites a site sentence that starts with a field path to start with its option. */
export function inOptionTerms(error: unknown): unknown {
  if (!(error instanceof SiteError)) return error;
  const match = /^([\w.]+): /.exec(error.message);
  const option = match && optionOfField[match[1]!];
  return option
    ? new SiteError(error.code, `${option}: ${error.message.slice(match[0].length)}`, error.details)
    : error;
}
