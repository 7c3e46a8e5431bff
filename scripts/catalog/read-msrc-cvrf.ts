import { createReadStream, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createZstdDecompress } from 'node:zlib';
import { SaxesParser } from 'saxes';
import type { CveRecord } from '../../src/main/site/catalog/update-record';
import { compareText } from './products';
import type { MsrcListing } from './release-dates';
import {
  articleIds,
  higherSeverity,
  isoDate,
  isSeverity,
  restartFromMsrc,
  strongerRestart,
} from './source-values';

/** What the MSRC Security Update Guide says about one KB, across every monthly document. */
export interface MsrcArticle {
  articleId: string;
  cves: Map<string, CveRecord>;
  /** KBs this one replaces (the remediation's `Supercedence`). */
  supersedes: Set<string>;
  restartBehavior: string;
  /** The highest rating of its CVEs for the products it fixes. */
  severity: string;
  /** Per monthly document (by name), the CVEs it lists the KB for: the KB's release witnesses. */
  listings: Map<string, MsrcListing>;
}

/** CVEs and advisories, the ids the site's schema accepts; MSRC also lists a few odd ones. */
const securityId = /^(CVE-\d{4}-\d{4,}|ADV\d{6})$/;

/**
 * Reads every raw CVRF 1.1 document (`msrc-cvrf/raw/*.xml.zst`, ~365 MB of XML in all) as a
 * stream with saxes, one at a time, keeping only vendor fixes that name a KB. The flattened CSV
 * beside them is derived from these documents; reading the source keeps per-product detail the
 * CSV lost (which product a CVSS score set belongs to) and the revision history.
 */
export async function readMsrcCvrf(dataFolder: string): Promise<Map<string, MsrcArticle>> {
  const folder = join(dataFolder, 'msrc-cvrf', 'raw');
  const articles = new Map<string, MsrcArticle>();
  const documents = readdirSync(folder)
    .filter((name) => name.endsWith('.xml.zst'))
    .sort(compareText);
  for (const name of documents) await readDocument(join(folder, name), name, articles);
  return articles;
}

interface Threat {
  type: string;
  description: string;
  products: string[];
}
interface ScoreSet {
  base: number | null;
  vector: string;
  products: string[];
}
interface Remediation {
  type: string;
  description: string;
  supercedence: string;
  restart: string;
  products: string[];
}
interface Vulnerability {
  cve: string;
  title: string;
  threats: Threat[];
  scoreSets: ScoreSet[];
  remediations: Remediation[];
  revisionDates: string[];
}

/** Elements whose text is read; the large HTML notes are skipped without being buffered. */
const textElements = new Set([
  'Title',
  'CVE',
  'Description',
  'ProductID',
  'BaseScore',
  'Vector',
  'Supercedence',
  'RestartRequired',
  'Date',
  'InitialReleaseDate',
]);

async function readDocument(path: string, name: string, articles: Map<string, MsrcArticle>) {
  const parser = new SaxesParser({ position: true });
  const stack: string[] = [];
  let text = '';
  let documentReleased = '';
  let vulnerability: Vulnerability | null = null;
  let threat: Threat | null = null;
  let scoreSet: ScoreSet | null = null;
  let remediation: Remediation | null = null;

  parser.on('opentag', (tag) => {
    const local = localName(tag.name);
    stack.push(local);
    text = '';
    const type = String(tag.attributes.Type ?? '');
    if (local === 'Vulnerability')
      vulnerability = {
        cve: '',
        title: '',
        threats: [],
        scoreSets: [],
        remediations: [],
        revisionDates: [],
      };
    else if (local === 'Threat') threat = { type, description: '', products: [] };
    else if (local === 'ScoreSet') scoreSet = { base: null, vector: '', products: [] };
    else if (local === 'Remediation')
      remediation = { type, description: '', supercedence: '', restart: '', products: [] };
  });
  parser.on('text', (value) => {
    if (textElements.has(stack.at(-1) ?? '')) text += value;
  });
  parser.on('closetag', (tag) => {
    const local = localName(tag.name);
    const parent = stack.at(-2) ?? '';
    stack.pop();
    const value = text.trim();
    text = '';
    const current = vulnerability as Vulnerability | null;
    if (local === 'InitialReleaseDate' && parent === 'DocumentTracking')
      documentReleased = isoDate(value);
    if (!current) return;
    const inThreat = threat as Threat | null;
    const inScoreSet = scoreSet as ScoreSet | null;
    const inRemediation = remediation as Remediation | null;
    if (local === 'Title' && parent === 'Vulnerability') current.title = value;
    else if (local === 'CVE' && parent === 'Vulnerability') current.cve = value;
    else if (local === 'Date' && parent === 'Revision') current.revisionDates.push(isoDate(value));
    else if (inThreat && parent === 'Threat') {
      if (local === 'Description') inThreat.description = value;
      else if (local === 'ProductID') inThreat.products.push(value);
    } else if (inScoreSet && parent === 'ScoreSet') {
      if (local === 'BaseScore')
        inScoreSet.base = Number.isFinite(Number(value)) && value !== '' ? Number(value) : null;
      else if (local === 'Vector') inScoreSet.vector = value;
      else if (local === 'ProductID') inScoreSet.products.push(value);
    } else if (inRemediation && parent === 'Remediation') {
      if (local === 'Description') inRemediation.description = value;
      else if (local === 'Supercedence') inRemediation.supercedence = value;
      else if (local === 'RestartRequired') inRemediation.restart = value;
      else if (local === 'ProductID') inRemediation.products.push(value);
    }
    if (local === 'Threat' && inThreat) {
      current.threats.push(inThreat);
      threat = null;
    } else if (local === 'ScoreSet' && inScoreSet) {
      current.scoreSets.push(inScoreSet);
      scoreSet = null;
    } else if (local === 'Remediation' && inRemediation) {
      current.remediations.push(inRemediation);
      remediation = null;
    } else if (local === 'Vulnerability') {
      addVulnerability(current, name, documentReleased, articles);
      vulnerability = null;
    }
  });

  const source = createReadStream(path).pipe(createZstdDecompress());
  source.setEncoding('utf8');
  try {
    for await (const chunk of source as AsyncIterable<string>) parser.write(chunk);
    parser.close();
  } catch (error) {
    throw new Error(`MSRC document ${name} could not be read: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

function addVulnerability(
  vulnerability: Vulnerability,
  documentName: string,
  documentReleased: string,
  articles: Map<string, MsrcArticle>,
) {
  if (!securityId.test(vulnerability.cve)) return;
  for (const fix of vulnerability.remediations) {
    if (fix.type !== 'Vendor Fix') continue;
    // The KB is the whole description; other vendor fixes name a release ("CBL-Mariner Releases").
    const kb = /^(?:KB)?(\d{5,8})$/i.exec(fix.description)?.[1];
    if (!kb) continue;
    const article = articles.get(kb) ?? {
      articleId: kb,
      cves: new Map<string, CveRecord>(),
      supersedes: new Set<string>(),
      restartBehavior: '',
      severity: '',
      listings: new Map<string, MsrcListing>(),
    };
    articles.set(kb, article);
    const listing = article.listings.get(documentName) ?? { documentReleased, cves: new Map() };
    article.listings.set(documentName, listing);
    listing.cves.set(vulnerability.cve, lastRevision(vulnerability));
    for (const replaced of articleIds(fix.supercedence))
      if (replaced !== kb) article.supersedes.add(replaced);
    article.restartBehavior = strongerRestart(
      article.restartBehavior,
      restartFromMsrc(fix.restart),
    );
    const cve = cveFor(vulnerability, new Set(fix.products), documentReleased);
    const known = article.cves.get(cve.id);
    // A CVE re-released in a later document keeps its newest description.
    if (!known || (cve.revisedAt ?? '') > (known.revisedAt ?? '')) article.cves.set(cve.id, cve);
    article.severity = higherSeverity(article.severity, cve.severity);
  }
}

/**
 * The CVE as it applies to the products this KB fixes: MSRC rates a CVE per product (Critical on
 * one Windows version, Important on another), so the KB's products decide the rating, impact and
 * score. Where none of the KB's products is rated, the CVE's highest rating stands.
 */
function cveFor(
  vulnerability: Vulnerability,
  products: Set<string>,
  documentReleased: string,
): CveRecord {
  const forProducts = <T extends { products: string[] }>(items: T[]) => {
    const matching = items.filter((item) => item.products.some((product) => products.has(product)));
    return matching.length > 0 ? matching : items;
  };
  const threatsOf = (type: string) =>
    vulnerability.threats.filter((threat) => threat.type === type);
  const severity = forProducts(threatsOf('Severity'))
    .map((threat) => threat.description)
    .filter(isSeverity)
    .reduce(higherSeverity, '');
  const impact = mostCommon(forProducts(threatsOf('Impact')).map((threat) => threat.description));
  let score: ScoreSet | null = null;
  for (const set of forProducts(vulnerability.scoreSets))
    if (set.base !== null && (score === null || set.base > (score.base ?? -1))) score = set;
  const exploit = threatsOf('Exploit Status')
    .map((threat) => threat.description)
    .join(';');
  const dates = vulnerability.revisionDates.filter((date) => date !== '').sort(compareText);
  return {
    id: vulnerability.cve,
    title: vulnerability.title,
    severity,
    impact,
    cvssBase: score?.base ?? null,
    cvssVector: score?.vector ?? '',
    isExploited: /(?:^|;)\s*Exploited:\s*Yes/i.test(exploit),
    isPubliclyDisclosed: /(?:^|;)\s*Publicly Disclosed:\s*Yes/i.test(exploit),
    publishedAt: dates[0] ?? (documentReleased || null),
    revisedAt: dates.at(-1) ?? (documentReleased || null),
  };
}

/** The CVE's latest revision date, '' when it has no revision history. */
function lastRevision(vulnerability: Vulnerability): string {
  return vulnerability.revisionDates.reduce(
    (latest, date) => (compareText(date, latest) > 0 ? date : latest),
    '',
  );
}

function mostCommon(values: string[]): string {
  const counts = new Map<string, number>();
  for (const value of values) if (value !== '') counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts.entries()].sort(([a, x], [b, y]) => y - x || compareText(a, b))[0]?.[0] ?? '';
}
