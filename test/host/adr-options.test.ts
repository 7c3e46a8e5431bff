import { describe, expect, it } from 'vitest';
import {
  criteriaFromFlags,
  evaluationFromFlags,
  offsetOf,
} from '../../src/main/host/cli/adr-options';

describe('patchbay adr flags', () => {
  it('turn repeatable criteria flags into property filters, values ORed', () => {
    expect(
      criteriaFromFlags({
        product: ['Windows 11', 'Windows 10'],
        updateClassification: ['Security Updates'],
        severity: ['critical'],
        architecture: ['x64'],
        superseded: 'no',
        required: '>=1',
        contentSize: '<=100000',
        dateReleasedOrRevised: 'last 1 month',
      }),
    ).toEqual([
      { property: 'architecture', values: ['X64'] },
      { property: 'contentSize', operator: '<=', kilobytes: 100000 },
      { property: 'dateReleasedOrRevised', range: 'Last 1 month' },
      { property: 'product', values: ['Windows 11', 'Windows 10'] },
      { property: 'required', operator: '>=', value: 1 },
      { property: 'severity', values: ['Critical'] },
      { property: 'superseded', value: false },
      { property: 'updateClassification', values: ['Security Updates'] },
    ]);
  });

  it('refuse a bad value with one sentence naming the flag', () => {
    expect(() => criteriaFromFlags({ severity: ['Urgent'] })).toThrow(
      '--severity: "Urgent" is not Critical, Important, Moderate, Low or None.',
    );
    expect(() => criteriaFromFlags({ superseded: 'maybe' })).toThrow(
      '--superseded: "maybe" is not yes or no.',
    );
    expect(() => criteriaFromFlags({ required: 'lots' })).toThrow(
      '--required: "lots" is not a comparison; write it like >=1, <=100000 or =0.',
    );
  });

  it('read deployment offsets and the evaluation schedule', () => {
    expect(offsetOf('--available-after', '0d')).toEqual({ amount: 0, unit: 'Days' });
    expect(offsetOf('--deadline-after', '2 weeks')).toEqual({ amount: 2, unit: 'Weeks' });
    expect(offsetOf('--deadline-after', 'none')).toBeNull();
    expect(offsetOf('--available-after', 'asap')).toBe('asap');
    expect(() => offsetOf('--available-after', 'soon')).toThrow(/--available-after: "soon"/);
    expect(
      evaluationFromFlags({ schedule: 'monthly on the second Tuesday +7 at 02:00' }, '2026-12-06'),
    ).toMatchObject({
      runType: 'schedule',
      schedule: { recurrence: { week: 'Second', day: 'Tuesday', offsetDays: 7 } },
    });
    expect(evaluationFromFlags({ runType: 'manual' }, '2026-12-06')).toEqual({ runType: 'manual' });
    expect(() => evaluationFromFlags({ runType: 'schedule' }, '2026-12-06')).toThrow(
      '--schedule: a rule that runs on a schedule needs one.',
    );
    expect(() =>
      evaluationFromFlags({ runType: 'after-sync', schedule: 'daily at 02:00' }, '2026-12-06'),
    ).toThrow('--schedule: a schedule needs --run-type schedule, not after-sync.');
  });
});
