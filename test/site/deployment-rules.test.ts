import { afterEach, describe, expect, it } from 'vitest';
import { makeRecord } from '../support/catalog-fixtures';
import { call } from '../support/compliance-site';
import { deploy, deploymentOf, openDeploymentSite } from '../support/deployment-site';
import { engines } from '../support/engines';

describe.each(engines)('Deployment rules on %s', (engine) => {
  let cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.reverse()) await step();
    cleanup = [];
  });
  async function open(options: Parameters<typeof openDeploymentSite>[1] = {}) {
    const opened = await openDeploymentSite(engine, options);
    cleanup.push(opened.dispose);
    return opened;
  }

  it('refuses every invalid field before a job is queued, in a sentence naming the field', async () => {
    const { site, catalogIds, allSystems } = await open();
    const jobsBefore = (await call(site, 'jobs.list', {})).total;
    const refused = (request: Parameters<typeof deploymentOf>[2], ciIds = catalogIds) =>
      call(site, 'deployments.create', deploymentOf(ciIds, allSystems, request));
    await expect(
      refused({ general: { name: 'x'.repeat(257), collectionId: allSystems } }),
    ).rejects.toMatchObject({
      code: 'invalid-input',
      message: expect.stringMatching(/^general\.name: /),
    });
    await expect(
      refused({
        deploymentSettings: { purpose: 'Available' },
        scheduling: { deadlineTime: '2027-01-01T00:00' },
      }),
    ).rejects.toMatchObject({
      message: 'scheduling.deadlineTime: an Available deployment has no installation deadline.',
    });
    await expect(
      refused({
        deploymentSettings: { purpose: 'Available' },
        scheduling: { deadlineTime: null },
        userExperience: { userNotification: 'HideAll' },
      }),
    ).rejects.toMatchObject({
      message:
        'userExperience.userNotification: an Available deployment must be shown in Software Center.',
    });
    await expect(
      refused({
        scheduling: { availableTime: '2027-01-10T00:00', deadlineTime: '2027-01-09T00:00' },
      }),
    ).rejects.toMatchObject({
      message:
        'scheduling.deadlineTime: the installation deadline cannot be before the software available time.',
    });
    await expect(
      call(site, 'deployments.create', deploymentOf(catalogIds, 999_999)),
    ).rejects.toMatchObject({
      code: 'not-found',
      message: 'general.collectionId: device collection 999999 does not exist.',
    });
    await expect(
      call(
        site,
        'deployments.create',
        deploymentOf(
          Array.from({ length: 1001 }, (_, i) => i + 1),
          allSystems,
        ),
      ),
    ).rejects.toMatchObject({ message: expect.stringMatching(/^selection\.ciIds: .*1,000/) });
    await site.database.db
      .updateTable('software_update')
      .set({ is_expired: 1 })
      .where('ci_id', '=', catalogIds[1]!)
      .execute();
    await expect(refused({})).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(
        /^selection\.ciIds: ".*" is expired; expired software updates cannot be deployed\.$/,
      ),
    });
    expect(
      (await call(site, 'deployments.preview', { selection: { ciIds: catalogIds } })).problem,
    ).toMatch(/is expired/);
    // Nothing was queued and nothing was written.
    expect((await call(site, 'jobs.list', {})).total).toBe(jobsBefore);
    expect((await call(site, 'deployments.list', {})).total).toBe(0);
  });

  it('takes the default name, keeps names unique whatever their case, and checks names for the General page', async () => {
    const { site, catalogIds, allSystems } = await open();
    const first = await deploy(site, deploymentOf(catalogIds.slice(0, 1), allSystems));
    const { name } = await call(site, 'deployments.get', { id: first });
    expect(name).toMatch(
      /^Microsoft Software Updates - \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [AP]M$/,
    );
    await deploy(
      site,
      deploymentOf(catalogIds.slice(1, 2), allSystems, {
        general: { name: 'Pilot', collectionId: allSystems },
      }),
    );
    await expect(
      call(
        site,
        'deployments.create',
        deploymentOf(catalogIds, allSystems, {
          general: { name: 'PILOT', collectionId: allSystems },
        }),
      ),
    ).rejects.toMatchObject({
      code: 'conflict',
      message: 'general.name: a deployment named "PILOT" already exists; choose another name.',
    });
    expect((await call(site, 'deployments.checkName', { name: 'pilot' })).problem).toMatch(
      /already exists/,
    );
    expect((await call(site, 'deployments.checkName', { name: 'Fresh' })).problem).toBeNull();
    expect((await call(site, 'deployments.checkName', { name: 'x'.repeat(257) })).problem).toBe(
      'at most 256 characters',
    );
  });

  it('refuses a group of more than 1,000 updates, and warns when a deployed group grows past it', async () => {
    const records = Array.from({ length: 1001 }, (_, index) =>
      makeRecord(`bulk-${index}`, { articleId: String(5_200_000 + index) }),
    );
    const { site, catalogIds, allSystems } = await open({ records });
    const big = await call(site, 'groups.create', { name: 'Everything', ciIds: catalogIds });
    await expect(
      call(site, 'deployments.create', {
        selection: { groupId: big.id },
        general: { collectionId: allSystems },
      }),
    ).rejects.toMatchObject({
      code: 'refused',
      message:
        'selection.groupId: the software update group "Everything" has 1,001 software updates; a deployment can hold at most 1,000.',
    });
    const full = await call(site, 'groups.create', {
      name: 'Full',
      ciIds: catalogIds.slice(0, 1000),
    });
    await deploy(site, {
      selection: { groupId: full.id },
      general: { name: 'Full to all', collectionId: allSystems },
    });
    const grown = await call(site, 'groups.setMembership', {
      groupIds: [full.id],
      add: [catalogIds[1000]!],
    });
    expect(grown.groups[0]!.warning).toBe(
      'This group has 1,001 updates; a deployment can hold at most 1,000. It is deployed by deployment "Full to all": remove updates from the group or deploy them in another group.',
    );
  }, 120_000);
});
