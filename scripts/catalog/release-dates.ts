import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import { compareText } from './products';

/**
 * Release dates where the sources disagree, and supersedence that would run backwards in time.
 * "Date Released or Revised" and supersedence decide what an automatic deployment rule picks, so
 * a wrong date in one export (WSUS dates KB5039212 for Windows 11 23H2 2022-08-09, two years
 * before it shipped) becomes a wrong deployment. The rules, in the order they apply:
 *
 * 1. MSRC's release date of a KB is the release date of the monthly document that lists the KB
 *    against the most CVEs (ties: the earliest). Only listings the document made at release
 *    count: a CVE revised more than `revisionGraceDays` after its document may have gained the KB
 *    in that revision (ADV990001 of 2018-11 names every servicing stack update since), so it
 *    says nothing about when the KB shipped.
 * 2. The update's date (WSUS, else the Update Catalog) and MSRC's agree when they fall in the
 *    same calendar month (the Catalog lists July 2019 updates on 7/5, MSRC on 7/9: one release).
 * 3. Where they disagree, MSRC's date wins — unless the update's own title names a month
 *    ("2022-12 Security Update …") that agrees with the update's date and not with MSRC's: the
 *    GUID is then a later release of the KB for a newer product (KB5012170 for Windows 10 22H2),
 *    and the update's date stands.
 * 4. With no MSRC date, the update's date stands even when its title month is far from it: a
 *    title gives a month, not a day, and inventing a day would put synthetic data in the catalog.
 *    Those updates are listed in NOTICE.md, and rule 5 keeps them from corrupting supersedence.
 * 5. No update supersedes one released after it. A link to an update GUID released later is
 *    dropped; a KB link that reaches a later update of that KB is narrowed to links to the
 *    KB's updates that are not later (dropped when none is). A link is never reversed: no
 *    source says the older update replaces the newer one.
 *
 * Date Revised is never before Date Released: it is raised to the corrected release date.
 */

export const revisionGraceDays = 31;
const dayMs = 24 * 60 * 60 * 1000;

/**
 * One MSRC monthly document's listings of a KB: the CVEs it names the KB as the fix for, with
 * each CVE's latest revision date ('' when the CVE has no revision history).
 */
export interface MsrcListing {
  documentReleased: string;
  cves: Map<string, string>;
}

/** MSRC's release date of a KB (rule 1), or null when no document witnesses it. */
export function msrcReleaseDate(listings: Iterable<MsrcListing>): string | null {
  let best: { date: string; count: number } | null = null;
  for (const listing of listings) {
    if (listing.documentReleased === '') continue;
    const limit = Date.parse(listing.documentReleased) + revisionGraceDays * dayMs;
    let count = 0;
    for (const revised of listing.cves.values())
      if (revised === '' || Date.parse(revised) <= limit) count += 1;
    if (count === 0) continue;
    if (
      !best ||
      count > best.count ||
      (count === best.count && compareText(listing.documentReleased, best.date) < 0)
    )
      best = { date: listing.documentReleased, count };
  }
  return best?.date ?? null;
}

/** "2024-06" from "2024-06 Cumulative Update for …", or null for a title that names no month. */
export function titleMonth(title: string): string | null {
  const match = /^(\d{4})-(0[1-9]|1[0-2])\b/.exec(title.trim());
  return match ? `${match[1]}-${match[2]}` : null;
}

/** Whole months from `a` to `b` (ISO dates or YYYY-MM). */
export function monthsBetween(a: string, b: string): number {
  const months = (value: string) => Number(value.slice(0, 4)) * 12 + Number(value.slice(5, 7));
  return months(b) - months(a);
}

export type DateDecision =
  /** No MSRC date, or the same month: the update's own date. */
  | 'source'
  /** Rule 3: MSRC's date replaced the update's. */
  | 'msrc'
  /** Rule 3's exception: the title's month sides with the update's date. */
  | 'title-agrees-with-source';

export interface ResolvedDates {
  dateReleased: string;
  dateRevised: string;
  decision: DateDecision;
}

/** Rules 2–4 for one update. */
export function resolveReleaseDate(update: {
  title: string;
  dateReleased: string;
  dateRevised: string;
  msrcReleased: string | null;
}): ResolvedDates {
  const { title, dateReleased, dateRevised, msrcReleased } = update;
  const keep = (decision: DateDecision): ResolvedDates => ({
    dateReleased,
    dateRevised,
    decision,
  });
  if (!msrcReleased || dateReleased === '') return keep('source');
  if (monthsBetween(dateReleased, msrcReleased) === 0) return keep('source');
  const named = titleMonth(title);
  if (named && monthsBetween(named, dateReleased) === 0 && monthsBetween(named, msrcReleased) !== 0)
    return keep('title-agrees-with-source');
  return {
    dateReleased: msrcReleased,
    dateRevised: compareText(dateRevised, msrcReleased) > 0 ? dateRevised : msrcReleased,
    decision: 'msrc',
  };
}

export interface ChangedLink {
  /** The superseding update. */
  updateId: string;
  articleId: string;
  dateReleased: string;
  /** The link as it was: to a GUID, or to a KB. */
  link: UpdateRecord['supersedes'][number];
  /** The later updates the link reached, which it no longer does. */
  later: Array<{ updateId: string; articleId: string; dateReleased: string }>;
  /** Links to the KB's updates that are not later, which replace a narrowed KB link. */
  kept: UpdateRecord['supersedes'];
}

/**
 * Rule 5 over the whole catalog, in place: returns every link it dropped or narrowed. KB links
 * reach every update of that KB, as the site resolves them (supersedence-rules.ts).
 */
export function dropBackwardSupersedence(records: UpdateRecord[]): ChangedLink[] {
  const byId = new Map(records.map((record) => [record.updateId, record]));
  const byArticle = new Map<string, UpdateRecord[]>();
  for (const record of records)
    if (record.articleId !== '')
      byArticle.set(record.articleId, [...(byArticle.get(record.articleId) ?? []), record]);
  const changed: ChangedLink[] = [];
  for (const record of records) {
    const links: UpdateRecord['supersedes'] = [];
    for (const link of record.supersedes) {
      const reached = link.updateId
        ? [byId.get(link.updateId)].filter((old) => old !== undefined)
        : (byArticle.get(link.articleId ?? '') ?? []);
      const targets = reached.filter((old) => old.updateId !== record.updateId);
      const later = targets.filter((old) => compareText(old.dateReleased, record.dateReleased) > 0);
      if (later.length === 0) {
        links.push(link);
        continue;
      }
      const kept = link.updateId
        ? []
        : targets
            .filter((old) => !later.includes(old))
            .map((old) => ({ updateId: old.updateId, articleId: null, title: old.title }));
      links.push(...kept);
      changed.push({
        updateId: record.updateId,
        articleId: record.articleId,
        dateReleased: record.dateReleased,
        link,
        later: later.map((old) => ({
          updateId: old.updateId,
          articleId: old.articleId,
          dateReleased: old.dateReleased,
        })),
        kept,
      });
    }
    record.supersedes = links;
  }
  return changed;
}
