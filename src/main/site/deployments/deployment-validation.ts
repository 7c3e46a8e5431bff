import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  normalizeWallClock,
  deploymentSettingsProblems,
  type DeploymentCreate,
  type DeploymentSettings,
  type FieldProblem,
} from '../../../shared/contract/deployments';
import type { Clock } from '../clock';
import type { SiteSchema } from '../db/schema-types';
import { fieldError } from './field-error';
import { deploymentNameProblem } from './deployment-names';
import { resolveSelection, selectionProblem, type ResolvedSelection } from './deployment-selection';
import { defaultDeploymentName, siteNow, weekAfter } from './deployment-time';

export type ParsedCreate = z.output<typeof DeploymentCreate>;

/** A create request every rule has passed, with its defaults filled in. */
export interface ValidDeployment {
  name: string;
  description: string;
  selection: ResolvedSelection;
  collection: { id: number; name: string };
  settings: DeploymentSettings;
}

/** "As soon as possible" on the clock the deployment is evaluated on (§7.3). */
export function nowFor(settings: DeploymentSettings, clock: Clock): { wallClock: string } {
  const now = siteNow(clock);
  return { wallClock: settings.scheduling.timeBasedOn === 'Utc' ? now.utc : now.local };
}

/**
 * A Required deployment whose deadline was left out gets the default of §7.3: the available
 * time plus seven days (an ASAP available time is fixed to now with it, so the two stay seven
 * days apart). An explicit null stays null, so the rule "needs a deadline" still speaks.
 */
export function withDefaultDeadline(
  settings: DeploymentSettings,
  clock: Clock,
): DeploymentSettings {
  const { scheduling } = settings;
  if (settings.deploymentSettings.purpose !== 'Required' || scheduling.deadlineTime !== undefined)
    return settings;
  const available = normalizeWallClock(
    scheduling.availableTime === 'asap'
      ? nowFor(settings, clock).wallClock
      : scheduling.availableTime,
  );
  return {
    ...settings,
    scheduling: { ...scheduling, availableTime: available, deadlineTime: weekAfter(available) },
  };
}

export async function collectionProblem(
  db: Kysely<SiteSchema>,
  collectionId: number,
): Promise<{ collection: { id: number; name: string } | null; problem: FieldProblem | null }> {
  const collection = await db
    .selectFrom('collection')
    .select(['id', 'name'])
    .where('id', '=', collectionId)
    .executeTakeFirst();
  return collection
    ? { collection, problem: null }
    : {
        collection: null,
        problem: {
          path: ['general', 'collectionId'],
          message: `device collection ${collectionId} does not exist`,
        },
      };
}

/**
 * Every rule of §7 before anything is written or queued, so the wizard and the CLI hear the
 * sentence at once: the selection (exists, ≤ 1,000, nothing expired), the collection, the name
 * (default, unique, ≤ 256) and the rules between fields.
 */
export async function validateCreate(
  db: Kysely<SiteSchema>,
  input: ParsedCreate,
  clock: Clock,
): Promise<ValidDeployment> {
  const selection = await resolveSelection(db, input.selection);
  const problem = selectionProblem(selection);
  if (problem) throw fieldError('refused', [problem]);
  const { collection, problem: missing } = await collectionProblem(db, input.general.collectionId);
  if (!collection) throw fieldError('not-found', [missing!]);
  const name = input.general.name || defaultDeploymentName(clock.now());
  const nameProblem = await deploymentNameProblem(db, name, null);
  if (nameProblem)
    throw fieldError(nameProblem.code, [
      { path: ['general', 'name'], message: nameProblem.message },
    ]);
  const settings = withDefaultDeadline(
    {
      deploymentSettings: input.deploymentSettings,
      scheduling: input.scheduling,
      userExperience: input.userExperience,
      alerts: input.alerts,
      downloadSettings: input.downloadSettings,
    },
    clock,
  );
  const problems = deploymentSettingsProblems(settings, nowFor(settings, clock));
  if (problems.length > 0) throw fieldError('invalid-input', problems);
  return { name, description: input.general.description, selection, collection, settings };
}
