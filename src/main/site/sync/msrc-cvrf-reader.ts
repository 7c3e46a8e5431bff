import { SaxesParser } from 'saxes';
import type { Readable } from 'node:stream';
import type { CveRecord } from '../catalog/update-record';
import type { MsrcRemediation } from './sync-payload';

const severityRank: Record<string, number> = { Critical: 4, Important: 3, Moderate: 2, Low: 1 };

export const restartFromMsrc: Record<string, string> = {
  Yes: 'Always requires restart',
  No: 'Never restarts',
  Maybe: 'Can request restart',
};

interface VulnerabilityDraft {
  cve: string;
  title: string;
  severityByProduct: Map<string, string>;
  impacts: string[];
  exploitStatus: string;
  cvssBase: number | null;
  cvssVector: string;
  revisionDates: string[];
  fixes: Array<{ kb: string; supersedes: string[]; restart: string; productIds: string[] }>;
}

/**
 * Reads one MSRC CVRF 1.1 document as a stream (the monthly documents reach ~10 MB) and returns
 * the security data of each KB it names as a vendor fix. Element names are matched on their
 * local part, so the namespace prefixes MSRC happens to use do not matter. A malformed or
 * truncated document throws an error naming the document, line and column.
 */
export async function readCvrfDocument(
  stream: Readable,
  documentName: string,
): Promise<MsrcRemediation[]> {
  const parser = new SaxesParser({ position: true });
  const path: string[] = [];
  let text = '';
  let vulnerability: VulnerabilityDraft | null = null;
  let threat: { type: string; description: string; products: string[] } | null = null;
  let scoreSet: { base: number | null; vector: string } | null = null;
  let remediation: {
    type: string;
    description: string;
    supersedes: string;
    restart: string;
    products: string[];
  } | null = null;
  const byKb = new Map<string, MsrcRemediation>();

  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    path.push(name);
    text = '';
    if (name === 'Vulnerability')
      vulnerability = {
        cve: '',
        title: '',
        severityByProduct: new Map(),
        impacts: [],
        exploitStatus: '',
        cvssBase: null,
        cvssVector: '',
        revisionDates: [],
        fixes: [],
      };
    else if (name === 'Threat')
      threat = { type: attribute(tag.attributes, 'Type'), description: '', products: [] };
    else if (name === 'ScoreSet') scoreSet = { base: null, vector: '' };
    else if (name === 'Remediation')
      remediation = {
        type: attribute(tag.attributes, 'Type'),
        description: '',
        supersedes: '',
        restart: '',
        products: [],
      };
  });
  parser.on('text', (value) => (text += value));
  parser.on('cdata', (value) => (text += value));
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    const parent = path[path.length - 2];
    const value = text.trim();
    path.pop();
    text = '';
    const current = vulnerability as VulnerabilityDraft | null;
    if (!current) return;
    if (name === 'CVE' && parent === 'Vulnerability') current.cve = value;
    else if (name === 'Title' && parent === 'Vulnerability') current.title = value;
    else if (name === 'Date' && path.includes('RevisionHistory')) current.revisionDates.push(value);
    else if (threat && parent === 'Threat') {
      if (name === 'Description') threat.description = value;
      if (name === 'ProductID') threat.products.push(value);
    } else if (name === 'Threat' && threat) {
      if (threat.type === 'Severity' && threat.description)
        for (const product of threat.products)
          current.severityByProduct.set(product, threat.description);
      if (threat.type === 'Impact' && threat.description) current.impacts.push(threat.description);
      if (threat.type === 'Exploit Status') current.exploitStatus = threat.description;
      threat = null;
    } else if (scoreSet && parent === 'ScoreSet') {
      if (name === 'BaseScore') scoreSet.base = Number(value);
      if (name === 'Vector') scoreSet.vector = value;
    } else if (name === 'ScoreSet' && scoreSet) {
      if (
        scoreSet.base !== null &&
        (current.cvssBase === null || scoreSet.base > current.cvssBase)
      ) {
        current.cvssBase = scoreSet.base;
        current.cvssVector = scoreSet.vector;
      }
      scoreSet = null;
    } else if (remediation && parent === 'Remediation') {
      if (name === 'Description') remediation.description = value;
      if (name === 'Supercedence') remediation.supersedes = value;
      if (name === 'RestartRequired') remediation.restart = value;
      if (name === 'ProductID') remediation.products.push(value);
    } else if (name === 'Remediation' && remediation) {
      // Vendor fixes name their KB by number; other fixes ("CBL-Mariner Releases") have no KB.
      if (remediation.type === 'Vendor Fix' && /^\d{6,8}$/.test(remediation.description))
        current.fixes.push({
          kb: remediation.description,
          supersedes: remediation.supersedes.split(/[;,\s]+/).filter((kb) => /^\d{6,8}$/.test(kb)),
          restart: remediation.restart,
          productIds: remediation.products,
        });
      remediation = null;
    } else if (name === 'Vulnerability') {
      collect(current, byKb);
      vulnerability = null;
    }
  });

  try {
    for await (const chunk of stream)
      parser.write(typeof chunk === 'string' ? chunk : (chunk as Buffer).toString('utf8'));
    parser.close();
  } catch (error) {
    const message = (error as Error).message;
    throw new Error(`${documentName} is not a valid CVRF document: ${message}`, { cause: error });
  }
  return [...byKb.values()];
}

function collect(vulnerability: VulnerabilityDraft, byKb: Map<string, MsrcRemediation>): void {
  if (!vulnerability.cve) return;
  const exploit = vulnerability.exploitStatus;
  const dates = [...vulnerability.revisionDates].sort();
  const allSeverities = [...vulnerability.severityByProduct.values()];
  const cve: CveRecord = {
    id: vulnerability.cve,
    title: vulnerability.title,
    severity: highest(allSeverities),
    impact: vulnerability.impacts[0] ?? '',
    cvssBase: vulnerability.cvssBase,
    cvssVector: vulnerability.cvssVector,
    isExploited: /Exploited:\s*Yes/i.test(exploit),
    isPubliclyDisclosed: /Publicly Disclosed:\s*Yes/i.test(exploit),
    publishedAt: toIso(dates[0]),
    revisedAt: toIso(dates[dates.length - 1]),
  };
  for (const fix of vulnerability.fixes) {
    const severity = highest(
      fix.productIds.map((id) => vulnerability.severityByProduct.get(id) ?? ''),
    );
    const existing = byKb.get(fix.kb);
    if (!existing) {
      byKb.set(fix.kb, {
        articleId: fix.kb,
        severity,
        cves: [cve],
        supersedesArticleIds: [...new Set(fix.supersedes)],
        restartBehavior: restartFromMsrc[fix.restart] ?? '',
      });
      continue;
    }
    existing.severity = highest([existing.severity, severity]);
    if (!existing.cves.some((known) => known.id === cve.id)) existing.cves.push(cve);
    existing.supersedesArticleIds = [
      ...new Set([...existing.supersedesArticleIds, ...fix.supersedes]),
    ];
    if (!existing.restartBehavior) existing.restartBehavior = restartFromMsrc[fix.restart] ?? '';
  }
}

function highest(severities: string[]): string {
  let best = '';
  for (const severity of severities)
    if ((severityRank[severity] ?? 0) > (severityRank[best] ?? 0)) best = severity;
  return best;
}

function toIso(value: string | undefined): string | null {
  if (!value) return null;
  const date = new Date(/Z|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function attribute(attributes: Record<string, unknown>, name: string): string {
  const value = attributes[name];
  return typeof value === 'string' ? value : '';
}
