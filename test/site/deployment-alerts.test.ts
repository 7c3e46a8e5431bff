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
});
