import type { Kysely } from 'kysely';
import {
  criteriaText,
  type RulePreview,
  type RulePreviewUpdate,
  type RuleSettings,
} from '../../../shared/contract/automatic-deployment-rules';
import { maxUpdatesPerDeployment } from '../../../shared/contract/update-groups';
import { severityName } from '../catalog/update-record';
import { planDownload } from '../content/download-plan';
import type { SiteSchema } from '../db/schema-types';
import { batches } from '../groups/member-rows';
import { evaluateRule } from './rule-evaluation';
import { ownDeploymentSettings, packageIdOf } from './rule-rows';
import { deploymentTimesFor } from './rule-times';

type Db = Kysely<SiteSchema>;

/** Required on a client's last scan (client_update_state.state). */
const requiredState = 2;

/**
 * Dry run (beyond ConfigMgr): what a run would do if it started at `scheduledStart`, computed by
 * the run's own `evaluateRule`, then described: the devices of the target collection that need
 * each update, the bytes the Download step would fetch and the package would grow by, the cap,
 * and the times the deployment would get.
 */
export async function previewRule(
  db: Db,
  settings: RuleSettings,
  scheduledStart: Date,
  siteLibraryId: number,
): Promise<RulePreview> {
  const criteria = settings.softwareUpdates.criteria;
  const evaluation = await evaluateRule(db, {
    criteria,
    licenseTerms: settings.deploymentSettings.licenseTerms,
    now: scheduledStart,
  });
  const listed = evaluation.ciIds.slice(0, maxUpdatesPerDeployment);
  const collectionId = settings.general.collectionId;
  const updates = await describe(db, listed, collectionId);
  const members = await db
    .selectFrom('collection_member')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('collection_id', '=', collectionId)
    .executeTakeFirstOrThrow();
  const bytes = await contentBytes(db, settings, evaluation.ciIds, siteLibraryId);
  const own = ownDeploymentSettings(settings);
  const times = deploymentTimesFor(
    own.deploymentSchedule,
    own.deploymentSettings.purpose,
    scheduledStart,
  );
  return {
    criteriaText: criteriaText(criteria),
    updates,
    updateCount: evaluation.ciIds.length,
    skippedForLicense: evaluation.skippedForLicense,
    deviceCount: await devicesRequiringAny(db, evaluation.ciIds, collectionId),
    collectionMembers: Number(members.count),
    contentBytes: bytes.download,
    distributeBytes: bytes.distribute,
    exceedsLimit: evaluation.exceedsLimit,
    problem: evaluation.problem,
    scheduledStart: scheduledStart.toISOString(),
    availableTime: times.availableTime,
    deadlineTime: times.deadlineTime,
    // Filled in by rules.preview from the rule's evaluation schedule (rule-next-run.ts).
    nextRunTime: null,
  };
}

async function describe(db: Db, ciIds: number[], collectionId: number) {
  const out = new Map<number, RulePreviewUpdate>();
  for (const batch of batches(ciIds)) {
    const rows = await db
      .selectFrom('software_update as u')
      .innerJoin('update_classification as c', 'c.id', 'u.classification_id')
      .select([
        'u.ci_id',
        'u.article_id',
        'u.bulletin_id',
        'u.title',
        'c.name as classification',
        'u.severity',
        'u.size',
        'u.is_content_provisioned',
        'u.has_license_terms',
      ])
      .where('u.ci_id', 'in', batch)
      .execute();
    const cves = await db
      .selectFrom('software_update_cve')
      .select(['ci_id', 'cve_id'])
      .where('ci_id', 'in', batch)
      .orderBy('cve_id')
      .execute();
    const required = await db
      .selectFrom('client_update_state as st')
      .innerJoin('collection_member as m', 'm.client_id', 'st.client_id')
      .select(['st.ci_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('m.collection_id', '=', collectionId)
      .where('st.state', '=', requiredState)
      .where('st.ci_id', 'in', batch)
      .groupBy('st.ci_id')
      .execute();
    const requiredOf = new Map(required.map((row) => [row.ci_id, Number(row.count)]));
    for (const row of rows)
      out.set(row.ci_id, {
        ciId: row.ci_id,
        articleId: row.article_id,
        bulletinId: row.bulletin_id,
        title: row.title,
        classification: row.classification,
        severity: severityName[row.severity] ?? 'None',
        cves: cves.filter((cve) => cve.ci_id === row.ci_id).map((cve) => cve.cve_id),
        sizeBytes: Number(row.size),
        requiredDevices: requiredOf.get(row.ci_id) ?? 0,
        isDownloaded: row.is_content_provisioned === 1,
        hasLicenseTerms: row.has_license_terms === 1,
      });
  }
  return ciIds.map((ciId) => out.get(ciId)!).filter(Boolean);
}

async function devicesRequiringAny(db: Db, ciIds: number[], collectionId: number) {
  const clients = new Set<number>();
  for (const batch of batches(ciIds)) {
    const rows = await db
      .selectFrom('client_update_state as st')
      .innerJoin('collection_member as m', 'm.client_id', 'st.client_id')
      .select('st.client_id')
      .distinct()
      .where('m.collection_id', '=', collectionId)
      .where('st.state', '=', requiredState)
      .where('st.ci_id', 'in', batch)
      .execute();
    for (const row of rows) clients.add(row.client_id);
  }
  return clients.size;
}

/**
 * The Download step's files: those of the chosen languages the rule's package lacks grow the
 * package (distributed); of those, the ones the site's content library lacks are downloaded.
 */
async function contentBytes(
  db: Db,
  settings: RuleSettings,
  ciIds: number[],
  siteLibraryId: number,
): Promise<{ download: number; distribute: number }> {
  const choice = settings.content.deploymentPackage;
  if (choice.choice === 'none' || ciIds.length === 0) return { download: 0, distribute: 0 };
  const plan = await planDownload(
    db,
    { ciIds },
    settings.content.languageSelection.languages,
    packageIdOf(settings),
  );
  const files = plan.flatMap((update) =>
    update.isMetadataOnly
      ? []
      : update.files.filter((file) => !update.heldFileIds.has(file.contentFileId)),
  );
  const inLibrary = new Set<string>();
  const hashes = [...new Set(files.map((file) => file.sha256).filter(Boolean))];
  for (const batch of batches(hashes))
    for (const row of await db
      .selectFrom('content_library_item')
      .select('sha256')
      .where('distribution_point_id', '=', siteLibraryId)
      .where('sha256', 'in', batch)
      .execute())
      inLibrary.add(row.sha256);
  const size = (file: { size: number }) => Math.max(0, Number(file.size));
  return {
    distribute: files.reduce((sum, file) => sum + size(file), 0),
    download: files
      .filter((file) => !file.sha256 || !inLibrary.has(file.sha256))
      .reduce((sum, file) => sum + size(file), 0),
  };
}
