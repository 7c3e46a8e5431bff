import { afterEach, describe, expect, it } from 'vitest';
import { SiteError } from '../../src/shared/errors';
import { openComplianceSite } from '../support/compliance-site';
import { engines } from '../support/engines';

const device = {
  name: 'ws-017',
  hardwareId: '2:6F1ED002AB5595859014EBF0951522D9',
  domain: 'CONTOSO',
  osName: 'Windows 11',
  osBuild: '10.0.22631',
  products: ['Windows 11'],
};

describe.each(engines)('a device registering again on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('is recognised by its hardware id: one record, a new key, the old key refused', async () => {
    const opened = await openComplianceSite(engine);
    dispose = opened.dispose;
    const { site, mp } = opened;
    const first = await mp.register(device);
    // Reinstalled: it has lost its SMS GUID and sends only what the hardware says.
    const second = await mp.register({ ...device, osBuild: '10.0.26100' });
    expect(second.clientId).toBe(first.clientId);
    expect(second.smsGuid).toBe(first.smsGuid);
    expect(second.clientKey).not.toBe(first.clientKey);
    const rows = await site.database.db
      .selectFrom('client')
      .select(['id', 'os_build', 'hardware_id'])
      .execute();
    expect(rows).toEqual([
      { id: first.clientId, os_build: '10.0.26100', hardware_id: device.hardwareId },
    ]);
    await expect(mp.policy(first)).rejects.toBeInstanceOf(SiteError);
    expect((await mp.policy(second)).siteCode).toBe('PS1');

    // Another device, and one without a hardware id, are records of their own.
    const other = await mp.register({ ...device, name: 'ws-018', hardwareId: '2:0000000000AB' });
    const legacy = await mp.register({ ...device, name: 'ws-019', hardwareId: undefined });
    expect(new Set([first.clientId, other.clientId, legacy.clientId]).size).toBe(3);
  });

  it('refuses a hardware id that is not one, with a sentence', async () => {
    const opened = await openComplianceSite(engine);
    dispose = opened.dispose;
    const error = await opened.mp.register({ ...device, hardwareId: 'bad id\n' }).then(
      () => null,
      (thrown: unknown) => thrown as SiteError,
    );
    expect(error?.message).toContain('hardwareId: 8 to 100 letters, digits or : . _ -');
  });
});
