import { z } from 'zod';
import type { DownloadJobResult } from '../../../shared/contract/deployment-packages';
import type { DeploymentJobResult } from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import {
  DownloadJobParams,
  downloadSoftwareUpdatesJob,
  type DownloadDependencies,
} from '../content/download-job';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { defineJob, PermanentJobError, type JobContext } from '../jobs/job-handler';
import type { ComponentLog } from '../logs/component-log';
import type { StatusMessages } from '../status/status-messages';
import { raiseDeploymentAudits } from './deployment-audit';
import { insertDeployment } from './deployment-store';
import { validateCreate, type ParsedCreate } from './deployment-validation';
import { deploymentsChanged } from './deployment-topics';

export const deploymentJobKind = 'deployments.create';

export const DeploymentJobParams = z.object({
  /** The wizard's request as the site parsed it, with the name filled in. */
  request: z.custom<ParsedCreate>((value) => typeof value === 'object' && value !== null),
  assignmentUniqueId: z.string(),
  /** Null when everything is downloaded or "No deployment package" was chosen. */
  download: DownloadJobParams.nullable(),
  packageId: z.number().int().nullable(),
  user: z.string(),
});
export type DeploymentJobParams = z.input<typeof DeploymentJobParams>;

export interface DeploymentJobDependencies {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
  statusMessages: StatusMessages;
  /** objreplmgr.log: ConfigMgr's Object Replication Manager turns assignments into policy. */
  log: ComponentLog;
  download: DownloadDependencies;
}

type Step = DeploymentJobResult['steps'][number];

/**
 * Progress of the Deploy Software Updates Wizard (§7.11): download -> distribute -> create, one
 * durable job. The download is the Download wizard's own job body, run inside this one; if any
 * update fails to arrive, no deployment is created and the result says which step failed why.
 */
export function createDeploymentJob(deps: DeploymentJobDependencies) {
  const downloader = downloadSoftwareUpdatesJob(deps.download);
  return defineJob({
    kind: deploymentJobKind,
    params: DeploymentJobParams,
    maxAttempts: 3,
    isResumable: true,
    async run(context): Promise<DeploymentJobResult> {
      const { params } = context;
      const name = params.request.general.name;
      const steps: Step[] = [];
      const result = (deploymentId: number | null, download: DownloadJobResult | null) => ({
        deploymentId,
        deploymentName: name,
        steps,
        download,
      });
      const note = async (text: string, severity: 'info' | 'error' = 'info') => {
        if (severity === 'error') deps.log.error(text);
        else deps.log.info(text);
        await context.log(text, severity);
      };
      // A resumed job whose deployment already committed has nothing left to do.
      const done = await deps.site.db
        .selectFrom('deployment')
        .select('id')
        .where('assignment_unique_id', '=', params.assignmentUniqueId)
        .executeTakeFirst();
      if (done) return result(done.id, null);

      let download: DownloadJobResult | null = null;
      if (params.download) {
        context.progress(0, 'Downloading software updates');
        download = await runDownload(context, params.download, steps, note);
        const failed = download.updates.filter((update) => update.outcome === 'Failed');
        if (failed.length > 0) {
          const message = `${failed.length} of ${download.updates.length} software updates failed to download (the first, "${failed[0]!.title}": ${failed[0]!.message}); no deployment was created.`;
          steps.push({ step: 'Download', outcome: 'Failed', message });
          steps.push({
            step: 'Distribute',
            outcome: 'Skipped',
            message: 'Not run: the download failed.',
          });
          return fail(message, 'Skipped');
        }
        steps.push({ step: 'Download', outcome: 'Succeeded', message: downloadSentence(download) });
        steps.push(await distributionStep(deps.site, download.packageId));
      } else {
        const why =
          'Every software update is already downloaded, or no deployment package was chosen.';
        steps.push({ step: 'Download', outcome: 'Skipped', message: why });
        steps.push({ step: 'Distribute', outcome: 'Skipped', message: why });
      }

      context.progress(0.9, `Creating deployment "${name}"`);
      let created: Awaited<ReturnType<typeof insertDeployment>>;
      try {
        // Checked again: the group, the collection or the name may have changed while it downloaded.
        const valid = await validateCreate(deps.site.db, params.request, deps.clock);
        created = await insertDeployment(deps.site, deps.clock, valid, {
          assignmentUniqueId: params.assignmentUniqueId,
          packageId: params.packageId,
          isEnabled: params.request.isEnabled,
          user: params.user,
        });
      } catch (error) {
        if (!(error instanceof SiteError)) throw error;
        return fail(`Creating the deployment failed: ${error.message}`);
      }
      await raiseDeploymentAudits(deps.statusMessages, [created.audit], context.jobId);
      deploymentsChanged(deps.events);
      const sentence = `Created deployment ${created.id} "${name}" of ${created.audit.details.software as string} to "${created.audit.details.collection as string}" (${created.audit.details.updates as number} software updates).`;
      steps.push({ step: 'CreateDeployment', outcome: 'Succeeded', message: sentence });
      await note(sentence);
      context.progress(1, sentence);
      return result(created.id, download);

      async function fail(
        message: string,
        create: 'Failed' | 'Skipped' = 'Failed',
      ): Promise<never> {
        steps.push({
          step: 'CreateDeployment',
          outcome: create,
          message: create === 'Failed' ? message : 'Not run: the download failed.',
        });
        await note(message, 'error');
        context.progress(1, message);
        throw new PermanentJobError(message, result(null, download));
      }
    },
  });

  async function runDownload(
    context: JobContext<z.output<typeof DeploymentJobParams>>,
    params: z.input<typeof DownloadJobParams>,
    steps: Step[],
    note: (text: string, severity?: 'info' | 'error') => Promise<void>,
  ): Promise<DownloadJobResult> {
    try {
      return (await downloader.run({
        ...context,
        params: DownloadJobParams.parse(params),
        // Download and distribution take the first nine tenths of the bar.
        progress: (fraction, text) => context.progress(fraction * 0.9, text),
      })) as DownloadJobResult;
    } catch (error) {
      if (!(error instanceof PermanentJobError)) throw error;
      const partial = (error.result as DownloadJobResult | undefined) ?? null;
      const message = `The download failed: ${error.message}; no deployment was created.`;
      steps.push({ step: 'Download', outcome: 'Failed', message });
      steps.push({
        step: 'Distribute',
        outcome: 'Skipped',
        message: 'Not run: the download failed.',
      });
      steps.push({
        step: 'CreateDeployment',
        outcome: 'Skipped',
        message: 'Not run: the download failed.',
      });
      await note(message, 'error');
      context.progress(1, message);
      throw new PermanentJobError(message, {
        deploymentId: null,
        deploymentName: context.params.request.general.name,
        steps,
        download: partial,
      } satisfies DeploymentJobResult);
    }
  }
}

function downloadSentence(download: DownloadJobResult): string {
  return (
    download.summary || `${download.filesFetched} files downloaded, ${download.filesReused} reused.`
  );
}

/** The Distribute step as Content Status has it: the package on each of its points. */
async function distributionStep(site: SiteDatabase, packageId: number): Promise<Step> {
  const rows = await site.db
    .selectFrom('package_distribution')
    .select(['state'])
    .where('package_id', '=', packageId)
    .execute();
  const failed = rows.filter((row) => row.state === 'Failed').length;
  const message =
    failed === 0
      ? `The package is on ${rows.length} distribution point${rows.length === 1 ? '' : 's'}.`
      : `The package failed to reach ${failed} of ${rows.length} distribution points; see Content Status.`;
  // Clients of a point that lacks the content report a download failure; the deployment stands.
  return { step: 'Distribute', outcome: failed === 0 ? 'Succeeded' : 'Failed', message };
}
