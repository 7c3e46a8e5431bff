import type { Deployment, DeploymentJobResult } from '../../../shared/contract/deployments';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import type { Column } from './output';

/** A deployment by its name (any case, as -Name) or its AssignmentID. */
export async function findDeployment(site: Site, reference: string): Promise<Deployment> {
  const { rows } = await callSite(site, 'deployments.list', {
    filter: { text: reference },
    page: { size: 5000 },
  });
  const named = rows.find((row) => row.name.toLowerCase() === reference.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(reference)) return callSite(site, 'deployments.get', { id: Number(reference) });
  throw new SiteError('not-found', `There is no deployment named "${reference}".`);
}

/** Get-CMSoftwareUpdateDeployment's properties, with the SMS_DeploymentSummary counters. */
export const deploymentColumns: Column<Deployment>[] = [
  { header: 'ID', value: (d) => d.id },
  { header: 'Name', value: (d) => d.name },
  { header: 'Software', value: (d) => d.softwareName },
  { header: 'Collection', value: (d) => d.collectionName },
  { header: 'Purpose', value: (d) => d.purpose },
  { header: 'Enabled', value: (d) => d.isEnabled },
  { header: 'Time Based On', value: (d) => d.timeBasedOn },
  { header: 'Start Time', value: (d) => d.startTime },
  { header: 'Enforcement Deadline', value: (d) => d.enforcementDeadline ?? '' },
  { header: 'Updates', value: (d) => d.numberOfUpdates },
  { header: 'Targeted', value: (d) => d.numberTargeted },
  { header: 'Success', value: (d) => d.numberSuccess },
  { header: 'In Progress', value: (d) => d.numberInProgress },
  { header: 'Errors', value: (d) => d.numberErrors },
  { header: 'Other', value: (d) => d.numberOther },
  { header: 'Unknown', value: (d) => d.numberUnknown },
  { header: 'Compliance %', value: (d) => d.compliancePercent },
  { header: 'Created By', value: (d) => d.createdBy },
  { header: 'Date Created', value: (d) => d.dateCreated },
  { header: 'Date Modified', value: (d) => d.dateModified },
];

export const jobStepColumns: Column<DeploymentJobResult['steps'][number]>[] = [
  { header: 'Step', value: (step) => step.step },
  { header: 'Result', value: (step) => step.outcome },
  { header: 'Message', value: (step) => step.message },
];
