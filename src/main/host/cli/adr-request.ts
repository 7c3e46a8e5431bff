import type {
  RuleCreate,
  RuleDeploymentSchedulePage,
  RuleTemplate,
} from '../../../shared/contract/automatic-deployment-rules';
import type { DeploymentContent } from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import { findDistributionPoints, findPackage } from './content-cli-helpers';
import {
  criteriaFromFlags,
  evaluationFromFlags,
  licenseTermsOf,
  offsetOf,
  type CriteriaFlags,
  type ScheduleFlags,
} from './adr-options';
import { invalidOption, settingsFromFlags } from './deployment-options';

/** Every flag of `adr new` / `adr set` that shapes a page of the wizard. */
export interface RuleFlags extends CriteriaFlags, ScheduleFlags {
  ruleDescription?: string;
  addToExistingGroup?: boolean;
  enableDeployment?: boolean;
  purpose?: string;
  userNotification?: string;
  licenseTerms?: string;
  alertOnFailure?: boolean;
  package?: string | false;
  newPackage?: string;
  path?: string;
  dp?: string[];
  location?: string;
  fileLanguage?: string[];
}

/** A template by name (any case) or key ("builtin:patch-tuesday"). */
export async function findRuleTemplate(site: Site, reference: string): Promise<RuleTemplate> {
  const templates = await callSite(site, 'ruleTemplates.list', {});
  const wanted = reference.toLowerCase();
  const found = templates.find((t) => t.name.toLowerCase() === wanted || t.key === reference);
  if (!found)
    throw new SiteError(
      'not-found',
      `There is no rule template "${reference}"; templates: ${templates.map((t) => t.name).join(', ')}.`,
    );
  return found;
}

/** The site's local date, the day a schedule phrase without "from" starts on. */
export function todayOf(site: Site): string {
  const now = site.clock.now();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

/** Deployment Schedule flags over a page (or the defaults). */
export function deploymentScheduleFrom(
  flags: ScheduleFlags,
  base: Partial<RuleDeploymentSchedulePage> = {},
  isAvailable = false,
): Partial<RuleDeploymentSchedulePage> {
  const page: Partial<RuleDeploymentSchedulePage> = { ...base };
  if (flags.availableAfter !== undefined) {
    const available = offsetOf('--available-after', flags.availableAfter);
    if (available === null) throw invalidOption('--available-after', 'give asap or an offset');
    page.availableTime = available;
  }
  if (flags.deadlineAfter !== undefined)
    page.deadlineTime = offsetOf('--deadline-after', flags.deadlineAfter);
  else if (isAvailable) page.deadlineTime = null;
  if (flags.timeBasedOn !== undefined)
    page.timeBasedOn = settingsFromFlags({ timeBasedOn: flags.timeBasedOn }).scheduling!
      .timeBasedOn as RuleDeploymentSchedulePage['timeBasedOn'];
  if (flags.softDeadline) page.isSoftDeadline = true;
  return page;
}

/** The setting pages the deployment flags give (Deployment Settings, User Experience). */
export function deploymentPagesFrom(flags: RuleFlags) {
  const pages = settingsFromFlags({
    ...(flags.purpose !== undefined && { purpose: flags.purpose }),
    ...(flags.userNotification !== undefined && { userNotification: flags.userNotification }),
  });
  return {
    deploymentSettings: {
      ...pages.deploymentSettings,
      ...(flags.licenseTerms !== undefined && { licenseTerms: licenseTermsOf(flags.licenseTerms) }),
    },
    userExperience: { ...pages.userExperience },
    isAvailable: pages.deploymentSettings?.purpose === 'Available',
  };
}

/** The Deployment Package … Language Selection pages from --package / --new-package / --no-package. */
export async function contentFrom(
  site: Site,
  flags: RuleFlags,
  template: Partial<DeploymentContent> | undefined,
): Promise<DeploymentContent> {
  const choices = [flags.package === false, typeof flags.package === 'string', !!flags.newPackage];
  if (choices.filter(Boolean).length > 1)
    throw invalidOption('--package', 'choose one of --package, --new-package and --no-package');
  if (flags.newPackage && !flags.path)
    throw invalidOption('--path', 'a new deployment package needs its package source folder');
  let deploymentPackage: DeploymentContent['deploymentPackage'] | undefined =
    template?.deploymentPackage;
  if (flags.package === false) deploymentPackage = { choice: 'none' };
  else if (typeof flags.package === 'string')
    deploymentPackage = {
      choice: 'existing',
      packageId: (await findPackage(site, flags.package)).id,
    };
  else if (flags.newPackage)
    deploymentPackage = {
      choice: 'new',
      package: { name: flags.newPackage, sourcePath: flags.path! },
    };
  if (!deploymentPackage)
    throw invalidOption(
      '--package',
      'choose where the content goes: --new-package <name> --path <folder>, --package <package> or --no-package',
    );
  const languages =
    flags.fileLanguage ??
    template?.languageSelection?.languages ??
    (await callSite(site, 'sup.languages', {}))
      .filter((l) => l.isUpdateFileEnabled)
      .map((l) => l.code);
  const dps = flags.dp ? await findDistributionPoints(site, flags.dp) : null;
  return {
    ...template,
    deploymentPackage,
    ...(dps && {
      distributionPoints: {
        distributionPointIds: dps.map((dp) => dp.id),
        distributionPointGroupIds: [],
      },
    }),
    ...(flags.location !== undefined && {
      location: { source: 'network', path: flags.location },
    }),
    languageSelection: { languages },
  };
}

/** The whole Create Automatic Deployment Rule Wizard from the flags, over a template. */
export async function ruleCreateFrom(
  site: Site,
  name: string,
  collectionId: number,
  flags: RuleFlags,
  template: RuleTemplate | null,
  runAfterCreate: boolean,
): Promise<RuleCreate> {
  const fromTemplate = template?.settings ?? {};
  const criteria = criteriaFromFlags(flags);
  // Flags narrow a template as the wizard's page does: a flag replaces the template's filter of
  // the same property and adds the others (`--template "Patch Tuesday" --vendor X`).
  const given = new Set(criteria.map((filter) => filter.property));
  const kept = (fromTemplate.softwareUpdates?.criteria ?? []).filter(
    (filter) => !given.has(filter.property),
  );
  const merged = [...kept, ...criteria];
  const softwareUpdates = merged.length
    ? { ...fromTemplate.softwareUpdates, criteria: merged }
    : fromTemplate.softwareUpdates;
  if (!softwareUpdates)
    throw new SiteError(
      'invalid-input',
      'Give at least one property filter (--product, --update-classification, --title, …) or a --template.',
    );
  const deployment = deploymentPagesFrom(flags);
  const evaluation = evaluationFromFlags(flags, todayOf(site));
  return {
    general: {
      name,
      description: flags.ruleDescription ?? '',
      template: template?.name ?? '',
      collectionId,
      groupMode: flags.addToExistingGroup
        ? 'existing-group'
        : (fromTemplate.general?.groupMode ?? 'new-group'),
      isDeploymentEnabledAfterRun:
        flags.enableDeployment ?? fromTemplate.general?.isDeploymentEnabledAfterRun ?? true,
    },
    deploymentSettings: {
      ...fromTemplate.deploymentSettings,
      ...deployment.deploymentSettings,
    },
    softwareUpdates,
    ...((evaluation ?? fromTemplate.evaluationSchedule) && {
      evaluationSchedule: evaluation ?? fromTemplate.evaluationSchedule,
    }),
    deploymentSchedule: deploymentScheduleFrom(
      flags,
      fromTemplate.deploymentSchedule as Partial<RuleDeploymentSchedulePage> | undefined,
      deployment.isAvailable,
    ),
    userExperience: { ...fromTemplate.userExperience, ...deployment.userExperience },
    alerts: {
      ...fromTemplate.alerts,
      ...(flags.alertOnFailure !== undefined && { isAlertOnRuleFailure: flags.alertOnFailure }),
    },
    ...(fromTemplate.downloadSettings && { downloadSettings: fromTemplate.downloadSettings }),
    content: await contentFrom(site, flags, fromTemplate.content),
    runAfterCreate,
  };
}
