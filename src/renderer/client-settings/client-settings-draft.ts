import {
  ConfiguredClientSettings,
  clientSettingInfo,
  restartConflicts,
  type ClientSettingGroup,
  type ClientSettingKey,
  type SoftwareUpdateClientSettings,
} from '../../shared/compliance/client-settings';

/** What the Create and Properties dialogs edit: General and the settings configured. */
export interface ClientSettingsDraft {
  readonly name: string;
  readonly description: string;
  readonly settings: ConfiguredClientSettings;
}

const keysOf = (group: ClientSettingGroup) =>
  clientSettingInfo.filter((setting) => setting.group === group).map((setting) => setting.key);

/** A group's checkbox on General: every, some or none of its settings configured. */
export function groupState(draft: ClientSettingsDraft, group: ClientSettingGroup) {
  const keys = keysOf(group);
  const configured = keys.filter((key) => draft.settings[key] !== undefined).length;
  return configured === 0 ? 'none' : configured === keys.length ? 'all' : 'some';
}

/**
 * Checking a group configures all of its settings, starting from what the device would get
 * without this object (the Default Client Settings); clearing it lets them all fall through.
 */
export function withGroup(
  draft: ClientSettingsDraft,
  group: ClientSettingGroup,
  isConfigured: boolean,
  defaults: SoftwareUpdateClientSettings,
): ClientSettingsDraft {
  const settings: Record<string, unknown> = { ...draft.settings };
  for (const key of keysOf(group))
    if (!isConfigured) delete settings[key];
    else settings[key] ??= defaults[key];
  return { ...draft, settings: settings as ConfiguredClientSettings };
}

export function withSetting(
  draft: ClientSettingsDraft,
  key: ClientSettingKey,
  value: unknown,
): ClientSettingsDraft {
  const settings: Record<string, unknown> = { ...draft.settings };
  if (value === undefined) delete settings[key];
  else settings[key] = value;
  return { ...draft, settings: settings as ConfiguredClientSettings };
}

/** Sentences beside the fields, from the same schema and rules the site checks. */
export function draftProblems(draft: ClientSettingsDraft): Partial<Record<string, string>> {
  const problems: Partial<Record<string, string>> = {};
  if (!draft.name.trim()) problems['name'] = 'Client settings need a name.';
  const parsed = ConfiguredClientSettings.safeParse(draft.settings);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      problems[key] ??= issue.message;
    }
  else
    for (const conflict of restartConflicts(parsed.data)) {
      const [key, sentence] = conflict.split(': ');
      problems[key!] = sentence;
    }
  return problems;
}

/** The site's sentence "settings.scanScheduleDays: …" as a problem beside that field. */
export function siteProblemOf(sentence: string): { field: string | null; sentence: string } {
  const match = /^(?:settings\.)?(\w+)(?:\.\w+)*: (.*)$/.exec(sentence);
  const field = match?.[1] ?? null;
  const isKnown = field === 'name' || clientSettingInfo.some((setting) => setting.key === field);
  return isKnown ? { field, sentence: match![2]! } : { field: null, sentence };
}
