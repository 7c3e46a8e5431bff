import { afterEach, describe, expect, it } from 'vitest';
import { checkDeploymentAlerts } from '../../src/main/site/deployments/deployment-alerts';
import { call } from '../support/compliance-site';
import { deployTo, openStatusSite } from '../support/deployment-status-site';
import { engines } from '../support/engines';

const deadline = '2026-12-07T08:00';
const hoursAfterDeadline = (hours: number) => new Date(Date.UTC(2026, 11, 7, 8 + hours, 0));

describe.each(engines)('Deployment compliance alerts on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  it('raises one alert when compliance is below the threshold at deadline plus the offset, and cancels it when compliance recovers or the deployment is deleted', async () => {
    const opened = await openStatusSite(engine, 4);
    dispose = opened.dispose;
    const { site, mp, clients, collectionId, catalog, ciIdOf } = opened;
    const scheduling = { availableTime: '2026-11-30T08:00', deadlineTime: deadline };
    const deployment = await deployTo(site, collectionId, [ciIdOf(catalog[0]!)], {
      general: { name: 'Patch Tuesday', collectionId },
      scheduling,
      alerts: {
        isAlertOnLowCompliance: true,
        compliancePercentBelow: 50,
        offsetFromDeadline: 2,
        offsetUnit: 'Hours',
      },
    });
    // Another deployment without the alert setting never raises one.
    await deployTo(site, collectionId, [ciIdOf(catalog[0]!)], { scheduling });
    const install = (index: number, batchId: string) =>
      mp.postStateMessages(clients[index]!, {
        batchId,
        messages: [
          {
            topicType: 301,
            topicId: deployment.uniqueId,
            stateId: 4,
            time: hoursAfterDeadline(0).toISOString(),
          },
        ],
      });
    await install(0, 'install-ws1');

    // Before deadline + 2 hours nothing is raised, though compliance is 25%.
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(1))).toEqual({
      raised: 0,
      closed: 0,
    });
    expect(await call(site, 'alerts.list', {})).toEqual([]);

    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(3))).toEqual({
      raised: 1,
      closed: 0,
    });
    // Checked again while still low: the same alert, not a second occurrence.
    await checkDeploymentAlerts(site.database, hoursAfterDeadline(4));
    const [alert, ...others] = await call(site, 'alerts.list', { state: 'Active' });
    expect(others).toEqual([]);
    expect(alert).toMatchObject({
      name: 'Low compliance alert for deployment Patch Tuesday',
      type: 'Software update deployment compliance',
      severity: 'Critical',
      state: 'Active',
      occurrences: 1,
      message:
        'Compliance of deployment "Patch Tuesday" is 25% (1 of 4 clients), below the alert threshold of 50%.',
    });

    await install(1, 'install-ws2');
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(5))).toEqual({
      raised: 0,
      closed: 1,
    });
    expect((await call(site, 'alerts.list', {}))[0]).toMatchObject({ state: 'Canceled' });

    // A client leaves compliance (a newer failure): raised again, a second occurrence.
    await mp.postStateMessages(clients[1]!, {
      batchId: 'fail-ws2',
      messages: [
        {
          topicType: 301,
          topicId: deployment.uniqueId,
          stateId: 6,
          errorCode: 0x80070643,
          time: hoursAfterDeadline(5).toISOString(),
        },
      ],
    });
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(6))).toEqual({
      raised: 1,
      closed: 0,
    });
    expect((await call(site, 'alerts.list', {}))[0]).toMatchObject({
      state: 'Active',
      occurrences: 2,
    });

    await call(site, 'deployments.delete', { ids: [deployment.id] });
    // Deleting the deployment canceled its alert at once.
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(7))).toEqual({
      raised: 0,
      closed: 0,
    });
    expect(await call(site, 'alerts.list', { state: 'Active' })).toEqual([]);
  });

  it('judges a Client local time deadline as it falls at the westernmost targeted client, a UTC deadline at once', async () => {
    const opened = await openStatusSite(engine, 3);
    dispose = opened.dispose;
    const { site, mp, collectionId, catalog, ciIdOf } = opened;
    // A fourth client in New York (UTC-05:00): 08:00 there is 13:00 UTC.
    await mp.register({
      name: 'ws-nyc',
      domain: 'CONTOSO',
      osName: 'Windows 11',
      osBuild: '10.0.22631',
      products: ['Windows 11'],
      timeZoneOffsetMinutes: -300,
    });
    const alerts = {
      isAlertOnLowCompliance: true,
      compliancePercentBelow: 50,
      offsetFromDeadline: 2,
      offsetUnit: 'Hours' as const,
    };
    const deploy = (name: string, timeBasedOn: 'LocalTime' | 'Utc') =>
      deployTo(site, collectionId, [ciIdOf(catalog[0]!)], {
        general: { name, collectionId },
        scheduling: { timeBasedOn, availableTime: '2026-11-30T08:00', deadlineTime: deadline },
        alerts,
      });
    await deploy('Local ring', 'LocalTime');
    await deploy('UTC ring', 'Utc');
    const activeNames = async () =>
      (await call(site, 'alerts.list', { state: 'Active' })).map((alert) => alert.name).sort();

    // 10:00 UTC is deadline + 2 hours in UTC, but New York's deadline has not come yet.
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(2))).toEqual({
      raised: 1,
      closed: 0,
    });
    expect(await activeNames()).toEqual(['Low compliance alert for deployment UTC ring']);
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(6))).toMatchObject({
      raised: 0,
    });
    // 15:00 UTC is 08:00 in New York plus 2 hours: now every client has passed the deadline.
    expect(await checkDeploymentAlerts(site.database, hoursAfterDeadline(7))).toEqual({
      raised: 1,
      closed: 0,
    });
    expect(await activeNames()).toEqual([
      'Low compliance alert for deployment Local ring',
      'Low compliance alert for deployment UTC ring',
    ]);
  });
});
