import type { Command } from 'commander';
import {
  dateReleasedRanges,
  LicenseTermsSetting,
  parseComparison,
  ruleArchitectures,
  RuleRunType,
  type RulePropertyFilter,
  type RuleTimeOffset,
} from '../../../shared/contract/automatic-deployment-rules';
import { SeverityName } from '../../../shared/contract/software-updates';
import {
  parseSchedulePhrase,
  schedulePhraseExamples,
} from '../../../shared/schedule/schedule-phrase';
import type { CustomSchedule } from '../../../shared/schedule/schedule';
import { SiteError } from '../../../shared/errors';
import { invalidOption } from './deployment-options';

/** The property filter flags, named after the New-CMSoftwareUpdateAutoDeploymentRule parameters. */
export interface CriteriaFlags {
  product?: string[];
  updateClassification?: string[];
  severity?: string[];
  customSeverity?: string[];
  title?: string[];
  articleId?: string[];
  bulletinId?: string[];
  description?: string[];
  vendor?: string[];
  language?: string[];
  architecture?: string[];
  superseded?: string;
  deployed?: string;
  required?: string;
  contentSize?: string;
  dateReleasedOrRevised?: string;
}

/** The Evaluation Schedule and Deployment Schedule flags. */
export interface ScheduleFlags {
  runType?: string;
  schedule?: string;
  availableAfter?: string;
  deadlineAfter?: string;
  timeBasedOn?: string;
  softDeadline?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

const repeatable: [keyof CriteriaFlags, string, string][] = [
  ['product', '--product <name>', 'Product, e.g. "Windows 11" (repeat: ORed)'],
  ['updateClassification', '--update-classification <name>', 'e.g. "Security Updates"'],
  ['severity', '--severity <severity>', SeverityName.options.join(', ')],
  ['customSeverity', '--custom-severity <severity>', SeverityName.options.join(', ')],
  ['title', '--title <text>', 'title contains the text'],
  ['articleId', '--article-id <kb>', 'article ID, e.g. KB5034441'],
  ['bulletinId', '--bulletin-id <id>', 'bulletin ID, e.g. MS17-010'],
  [
    'description',
    '--description <text>',
    "the Description filter: description contains the text (the rule's own: --rule-description)",
  ],
  ['vendor', '--vendor <name>', 'e.g. Microsoft'],
  ['language', '--language <name>', 'e.g. English'],
  ['architecture', '--architecture <arch>', ruleArchitectures.join(', ')],
];

/** The Software Updates page flags; each may be repeated, and the values of one are ORed. */
export function withCriteriaFlags(command: Command): Command {
  for (const [, flag, help] of repeatable) command.option(flag, help, collect);
  return command
    .option('--superseded <yes|no>', 'Superseded')
    .option('--deployed <yes|no>', 'Deployed')
    .option('--required <comparison>', 'devices that require it, e.g. ">=1"')
    .option('--content-size <comparison>', 'Content Size (KB), e.g. "<=100000"')
    .option('--date-released-or-revised <range>', 'e.g. "Last 1 month", "Older than 30 days"');
}

/** The Evaluation Schedule and Deployment Schedule flags. */
export function withScheduleFlags(command: Command): Command {
  return command
    .option('--run-type <type>', 'after-sync, schedule or manual (Run Now only)')
    .option('--schedule <phrase>', `with --run-type schedule, e.g. "${schedulePhraseExamples[0]}"`)
    .option('--available-after <offset>', 'software available time after the run: asap, 0d, 4h, 1w')
    .option('--deadline-after <offset>', 'deadline after the available time: asap, 7d, none')
    .option('--time-based-on <clock>', 'LocalTime (client local time) or Utc')
    .option('--soft-deadline', 'delay enforcement by user preference up to the grace period');
}

function choice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  const found = choices.find((each) => each.toLowerCase() === value.trim().toLowerCase());
  if (!found)
    throw invalidOption(
      option,
      `"${value}" is not ${choices.slice(0, -1).join(', ')} or ${choices.at(-1)!}`,
    );
  return found;
}

function yesNo(option: string, value: string): boolean {
  return choice(option, value, ['yes', 'no']) === 'yes';
}

function comparison(option: string, value: string) {
  try {
    return parseComparison(value);
  } catch (error) {
    throw invalidOption(option, (error as Error).message);
  }
}

/** The property filters the flags give, in the console's order; empty when none is given. */
export function criteriaFromFlags(given: CriteriaFlags): RulePropertyFilter[] {
  const list = (values: string[] | undefined) => values ?? [];
  const flags = {
    ...given,
    product: list(given.product),
    updateClassification: list(given.updateClassification),
    severity: list(given.severity),
    customSeverity: list(given.customSeverity),
    title: list(given.title),
    articleId: list(given.articleId),
    bulletinId: list(given.bulletinId),
    description: list(given.description),
    vendor: list(given.vendor),
    language: list(given.language),
    architecture: list(given.architecture),
  };
  const filters: RulePropertyFilter[] = [];
  const values = (list: string[]) => list.map((value) => value.trim());
  if (flags.architecture.length)
    filters.push({
      property: 'architecture',
      values: flags.architecture.map((a) => choice('--architecture', a, ruleArchitectures)),
    });
  if (flags.articleId.length)
    filters.push({ property: 'articleId', values: values(flags.articleId) });
  if (flags.bulletinId.length)
    filters.push({ property: 'bulletinId', values: values(flags.bulletinId) });
  if (flags.contentSize !== undefined) {
    const { operator, value } = comparison('--content-size', flags.contentSize);
    filters.push({ property: 'contentSize', operator, kilobytes: value });
  }
  if (flags.customSeverity.length)
    filters.push({
      property: 'customSeverity',
      values: flags.customSeverity.map((s) => choice('--custom-severity', s, SeverityName.options)),
    });
  if (flags.dateReleasedOrRevised !== undefined)
    filters.push({
      property: 'dateReleasedOrRevised',
      range: choice('--date-released-or-revised', flags.dateReleasedOrRevised, dateReleasedRanges),
    });
  if (flags.deployed !== undefined)
    filters.push({ property: 'deployed', value: yesNo('--deployed', flags.deployed) });
  if (flags.description.length)
    filters.push({ property: 'description', values: values(flags.description) });
  if (flags.language.length) filters.push({ property: 'language', values: values(flags.language) });
  if (flags.product.length) filters.push({ property: 'product', values: values(flags.product) });
  if (flags.required !== undefined) {
    const { operator, value } = comparison('--required', flags.required);
    filters.push({ property: 'required', operator, value });
  }
  if (flags.severity.length)
    filters.push({
      property: 'severity',
      values: flags.severity.map((s) => choice('--severity', s, SeverityName.options)),
    });
  if (flags.superseded !== undefined)
    filters.push({ property: 'superseded', value: yesNo('--superseded', flags.superseded) });
  if (flags.title.length) filters.push({ property: 'title', values: values(flags.title) });
  if (flags.updateClassification.length)
    filters.push({ property: 'updateClassification', values: values(flags.updateClassification) });
  if (flags.vendor.length) filters.push({ property: 'vendor', values: values(flags.vendor) });
  return filters;
}

const offsetUnits = { h: 'Hours', d: 'Days', w: 'Weeks', m: 'Months' } as const;

/** "asap", "0d", "4h", "2 weeks", "1 month" (and "none" for a deadline). */
export function offsetOf(option: string, value: string): RuleTimeOffset | 'asap' | null {
  const text = value.trim().toLowerCase();
  if (text === 'asap') return 'asap';
  if (text === 'none' && option === '--deadline-after') return null;
  const match = /^(\d+)\s*(h|hours?|d|days?|w|weeks?|m|months?)$/.exec(text);
  if (!match)
    throw invalidOption(
      option,
      `"${value}" is not asap or an offset such as 0d, 4h, 7d, 2w or 1m${option === '--deadline-after' ? ' (or none)' : ''}`,
    );
  const amount = Number(match[1]);
  if (amount > 999) throw invalidOption(option, `"${value}" is more than 999`);
  return { amount, unit: offsetUnits[match[2]![0] as keyof typeof offsetUnits] };
}

/** `--run-type` and `--schedule` as the Evaluation Schedule page (undefined: neither given). */
export function evaluationFromFlags(
  flags: ScheduleFlags,
  today: string,
): { runType: RuleRunType; schedule?: CustomSchedule } | undefined {
  let schedule: CustomSchedule | undefined;
  if (flags.schedule !== undefined)
    try {
      schedule = parseSchedulePhrase(flags.schedule, today);
    } catch (error) {
      throw invalidOption('--schedule', (error as Error).message);
    }
  if (flags.runType === undefined) return schedule ? { runType: 'schedule', schedule } : undefined;
  const runType = choice('--run-type', flags.runType, RuleRunType.options);
  if (schedule && runType !== 'schedule')
    throw invalidOption('--schedule', `a schedule needs --run-type schedule, not ${runType}`);
  if (runType === 'schedule' && !schedule)
    throw invalidOption('--schedule', 'a rule that runs on a schedule needs one');
  return { runType, ...(schedule && { schedule }) };
}

export function licenseTermsOf(value: string): LicenseTermsSetting {
  return choice('--license-terms', value, LicenseTermsSetting.options);
}

/** The site names fields by page ("evaluationSchedule.schedule"); the CLI names the option. */
const optionOfField: Record<string, string> = {
  'general.name': '',
  'general.description': '--rule-description',
  'general.collectionId': '--collection',
  'softwareUpdates.criteria': 'the property filters (--product, --title, …)',
  'evaluationSchedule.schedule': '--schedule',
  'evaluationSchedule.runType': '--run-type',
  'deploymentSchedule.availableTime': '--available-after',
  'deploymentSchedule.deadlineTime': '--deadline-after',
  'deploymentSettings.purpose': '--purpose',
  'deploymentSettings.isWakeOnLan': '--wake-on-lan',
  'deploymentSettings.isPreDownload': '--pre-download',
  'userExperience.userNotification': '--user-notification',
  'content.deploymentPackage': '--package / --new-package / --no-package',
  collectionId: '--collection',
};

/** Rewrites a site sentence that starts with a field path to start with its option. */
export function inRuleOptionTerms(error: unknown): unknown {
  if (!(error instanceof SiteError)) return error;
  const match = /^([\w.]+): /.exec(error.message);
  const key = match && Object.keys(optionOfField).find((field) => match[1]!.startsWith(field));
  if (!key) return error;
  const rest = error.message.slice(match[0].length);
  // The name is the command's argument, not an option: its sentence stands alone.
  const text = optionOfField[key]
    ? `${optionOfField[key]}: ${rest}`
    : `${rest.charAt(0).toUpperCase()}${rest.slice(1)}`;
  return new SiteError(error.code, text, error.details);
}
