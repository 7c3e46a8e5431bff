import {
  SoftwareUpdateClientSettings,
  type ClientSettingKey,
  type ConfiguredClientSettings,
} from './client-settings';

export interface SettingsSource {
  id: number;
  name: string;
  priority: number;
  settings: ConfiguredClientSettings;
}

export interface ResolvedSetting {
  value: unknown;
  sourceId: number;
  sourceName: string;
  sourcePriority: number;
}

/**
 * ConfigMgr's Resultant Client Settings: for each setting, the value of the highest-priority
 * (lowest number) custom object that configures it, among those deployed to a collection the
 * device is in; a setting none of them configures comes from the Default Client Settings.
 */
export function resolveClientSettings(
  defaults: SettingsSource,
  deployed: readonly SettingsSource[],
): { settings: SoftwareUpdateClientSettings; sources: Record<ClientSettingKey, ResolvedSetting> } {
  const byPriority = [...deployed].sort((a, b) => a.priority - b.priority);
  const base = SoftwareUpdateClientSettings.parse(defaults.settings);
  const values: Record<string, unknown> = {};
  const sources = {} as Record<ClientSettingKey, ResolvedSetting>;
  for (const key of Object.keys(base) as ClientSettingKey[]) {
    const source = byPriority.find((object) => object.settings[key] !== undefined) ?? defaults;
    values[key] = source === defaults ? base[key] : source.settings[key];
    sources[key] = {
      value: values[key],
      sourceId: source.id,
      sourceName: source.name,
      sourcePriority: source.priority,
    };
  }
  return { settings: SoftwareUpdateClientSettings.parse(values), sources };
}
