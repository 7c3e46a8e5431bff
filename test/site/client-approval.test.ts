import { afterEach, describe, expect, it } from 'vitest';
import { SiteError } from '../../src/shared/errors';
import { call, openComplianceSite } from '../support/compliance-site';
import { engines } from '../support/engines';

const device = {
  name: 'ws-101',
  hardwareId: '2:6F1ED002AB5595859014EBF0951522AA',
  domain: 'CONTOSO',
  osName: 'Windows 11',
  osBuild: '10.0.22631',
  products: ['Windows 11'],
};
const scan = (batchId: string) => ({
  batchId,
  messages: [{ topicType: 501 as const, stateId: 3, time: new Date().toISOString() }],
});
const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (thrown: unknown) => thrown as SiteError,
  );

describe.each(engines)('client approval on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('approves a loopback client at once: its batch counts', async () => {
    const opened = await openComplianceSite(engine);
    dispose = opened.dispose;
    const client = await opened.mp.register(device);
    expect((await opened.mp.postStateMessages(client, scan('batch-loop-01'))).isNew).toBe(true);
  });

  it('refuses an untrusted client until approved, and a blocked one even registering again', async () => {
    // No trusted network at all: even loopback registers as pending, as a remote client would.
    const opened = await openComplianceSite(engine, undefined, { trustedNetworks: [] });
    dispose = opened.dispose;
    const { site, mp } = opened;
    const client = await mp.register(device);
    const pending = await refusal(mp.postStateMessages(client, scan('batch-app-01')));
    expect(pending?.message).toBe(
      'Client WS-101 is not approved; an administrator must approve it before its state messages are accepted.',
    );
    const stored = () => site.database.db.selectFrom('state_message_batch').selectAll().execute();
    expect(await stored()).toEqual([]);
    // Registering again from an untrusted network does not approve it by itself.
    const again = await mp.register(device);
    expect(await refusal(mp.postStateMessages(again, scan('batch-app-01')))).toBeInstanceOf(
      SiteError,
    );

    expect(await call(site, 'clients.approve', { name: 'ws-101' })).toEqual({
      name: 'WS-101',
      approval: 'approved',
    });
    expect((await mp.postStateMessages(again, scan('batch-app-01'))).isNew).toBe(true);

    await call(site, 'clients.block', { name: 'WS-101' });
    const blocked = await refusal(mp.postStateMessages(again, scan('batch-app-02')));
    expect(blocked?.message).toBe(
      'Client WS-101 is blocked on this site; an administrator must unblock it first.',
    );
    expect(await refusal(mp.policy(again))).toBeInstanceOf(SiteError);
    // A reinstalled device (no SMS GUID, same hardware) is still the blocked one.
    const reinstalled = await refusal(mp.register(device));
    expect(reinstalled?.message).toBe(
      'Client WS-101 is blocked on this site; an administrator must unblock it first.',
    );

    expect(await call(site, 'clients.unblock', { name: 'WS-101' })).toEqual({
      name: 'WS-101',
      approval: 'pending',
    });
    const back = await mp.register(device);
    expect(await refusal(mp.postStateMessages(back, scan('batch-app-03')))).toBeInstanceOf(
      SiteError,
    );
    const unknown = await refusal(call(site, 'clients.approve', { name: 'ws-999' }));
    expect(unknown?.message).toBe('No client is named WS-999.');
  });
});
