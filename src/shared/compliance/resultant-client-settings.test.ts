import { describe, expect, it } from 'vitest';
import { defaultClientSettings } from './client-settings';
import { resolveClientSettings } from './resultant-client-settings';

const defaults = {
  id: 1,
  name: 'Default Client Settings',
  priority: 10_000,
  settings: defaultClientSettings,
};

describe('Resultant Client Settings', () => {
  it('takes each setting from the lowest priority number that configures it, whatever the order given', () => {
    const { settings, sources } = resolveClientSettings(defaults, [
      {
        id: 3,
        name: 'Second',
        priority: 2,
        settings: { scanScheduleDays: 2, restartReminderMinutes: 60 },
      },
      { id: 2, name: 'First', priority: 1, settings: { scanScheduleDays: 1 } },
    ]);
    expect(settings).toEqual({
      ...defaultClientSettings,
      scanScheduleDays: 1,
      restartReminderMinutes: 60,
    });
    expect(sources.scanScheduleDays.sourceName).toBe('First');
    expect(sources.restartReminderMinutes.sourceName).toBe('Second');
    expect(sources.deltaContentPort).toEqual({
      value: 8005,
      sourceId: 1,
      sourceName: 'Default Client Settings',
      sourcePriority: 10_000,
    });
  });

  it('fills settings a stored default lacks (added by a later version) with their documented defaults', () => {
    const { settings } = resolveClientSettings(
      { ...defaults, settings: { scanScheduleDays: 3 } },
      [],
    );
    expect(settings).toEqual({ ...defaultClientSettings, scanScheduleDays: 3 });
  });
});
