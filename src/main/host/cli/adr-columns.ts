import type {
  AutomaticDeploymentRule,
  RulePreviewUpdate,
  RuleRunResult,
} from '../../../shared/contract/automatic-deployment-rules';
import { SiteError } from '../../../shared/errors';
import type { Site } from '../../site/site';
import { callSite } from './call-site';
import type { Column } from './output';

/** The columns of Software Library > Automatic Deployment Rules (§8.3), plus Next Run Time. */
export const ruleColumns: Column<AutomaticDeploymentRule>[] = [
  { header: 'ID', value: (r) => r.id },
  { header: 'Name', value: (r) => r.name },
  { header: 'Enabled', value: (r) => r.isEnabled },
  { header: 'Last Run Time', value: (r) => r.lastRunTime },
  { header: 'Last Error Code', value: (r) => r.lastErrorCodeHex },
  { header: 'Last Error Time', value: (r) => r.lastErrorTime },
  { header: 'Next Run Time', value: (r) => r.nextRunTime ?? r.nextRunText },
  { header: 'Collection', value: (r) => r.collectionName },
  { header: 'Template', value: (r) => r.template },
  { header: 'Date Created', value: (r) => r.dateCreated },
  { header: 'Created By', value: (r) => r.createdBy },
];

export const previewUpdateColumns: Column<RulePreviewUpdate>[] = [
  { header: 'Article ID', value: (u) => u.articleId },
  { header: 'Title', value: (u) => u.title },
  { header: 'Classification', value: (u) => u.classification },
  { header: 'Severity', value: (u) => u.severity },
  { header: 'CVEs', value: (u) => u.cves.join(' ') },
  { header: 'Size (bytes)', value: (u) => u.sizeBytes },
  { header: 'Required', value: (u) => u.requiredDevices },
  { header: 'Downloaded', value: (u) => u.isDownloaded },
];

export const runStepColumns: Column<RuleRunResult['steps'][number]>[] = [
  { header: 'Step', value: (s) => s.step },
  { header: 'Outcome', value: (s) => s.outcome },
  { header: 'Message', value: (s) => s.message },
];

/** A rule by name (any case) or AutoDeploymentID. */
export async function findRule(site: Site, reference: string): Promise<AutomaticDeploymentRule> {
  const page = await callSite(site, 'rules.list', {
    filter: { text: reference },
    page: { size: 500 },
  });
  const named = page.rows.find((row) => row.name.toLowerCase() === reference.toLowerCase());
  if (named) return named;
  if (/^\d+$/.test(reference)) return callSite(site, 'rules.get', { id: Number(reference) });
  throw new SiteError('not-found', `There is no automatic deployment rule named "${reference}".`);
}
