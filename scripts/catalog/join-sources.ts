import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { CatalogUpdate } from './read-update-catalog';
import type { MsrcArticle } from './read-msrc-cvrf';
import type { WsusUpdate } from './read-wsus-exports';
import { compareProducts, compareText, microsoft, type CatalogProduct } from './products';
import {
  dropBackwardSupersedence,
  msrcReleaseDate,
  resolveReleaseDate,
  titleMonth,
  monthsBetween,
  type ChangedLink,
  type DateDecision,
} from './release-dates';
import { addTo } from './source-values';

/** The ten WSUS classifications (spec §2.3.3); anything else in the data is a builder bug. */
export const wsusClassifications = [
  'Critical Updates',
  'Definition Updates',
  'Drivers',
  'Feature Packs',
  'Security Updates',
  'Service Packs',
  'Tools',
  'Update Rollups',
  'Updates',
  'Upgrades',
];

interface Draft {
  record: UpdateRecord;
  /** Replaced KBs before they are resolved to update GUIDs where that is unambiguous. */
  replaces: Map<string, string>;
}

export interface JoinResult {
  records: UpdateRecord[];
  /** MSRC KBs no WSUS export or Catalog page gives a GUID for: left out, see build-catalog.ts. */
  msrcOnlyArticles: number;
  wsusUpdates: number;
  catalogUpdates: number;
  /**
   * Every update whose sources disagree on its release month, or whose title names a month more
   * than two from its date, with what the build decided (release-dates.ts).
   */
  dateDisagreements: DateDisagreement[];
  /** Supersedence links dropped or narrowed because they ran from an older to a newer update. */
  changedLinks: ChangedLink[];
}

export interface DateDisagreement {
  updateId: string;
  articleId: string;
  title: string;
  /** The update's own date (WSUS, else the Update Catalog). */
  sourceReleased: string;
  msrcReleased: string | null;
  dateReleased: string;
  decision: DateDecision;
}

/** A title month this far from the date is reported even when no source contradicts the date. */
export const titleMonthTolerance = 2;

/** Joins the three sources on the update GUID, then on the KB; the rules are in build-catalog.ts. */
export function joinSources(
  wsus: WsusUpdate[],
  catalog: CatalogUpdate[],
  msrc: Map<string, MsrcArticle>,
): JoinResult {
  const drafts = new Map<string, Draft>();
  for (const update of wsus) drafts.set(update.updateId, fromWsus(update));
  for (const update of catalog) {
    const known = drafts.get(update.updateId);
    if (known) fillFromCatalog(known, update);
    else drafts.set(update.updateId, fromCatalog(update));
  }
  const byArticle = new Map<string, Draft[]>();
  for (const draft of drafts.values())
    if (draft.record.articleId !== '') addTo(byArticle, draft.record.articleId, draft);

  for (const update of catalog)
    for (const newer of update.supersededBy)
      for (const draft of sameLine(
        byArticle.get(newer.articleId) ?? [],
        drafts.get(update.updateId),
      ))
        draft.record.supersedes.push({
          updateId: update.updateId,
          articleId: null,
          title: update.title,
        });

  let matched = 0;
  for (const [articleId, article] of msrc) {
    const targets = byArticle.get(articleId);
    if (!targets) continue;
    matched += 1;
    for (const draft of targets) mergeMsrc(draft, article);
  }
  const dateDisagreements = [...drafts.values()].flatMap(({ record }) =>
    resolveDates(record, msrc.get(record.articleId)),
  );
  for (const draft of drafts.values()) resolveReplaced(draft, byArticle);

  const unfinished = [...drafts.values()].map(({ record }) => record);
  // After every date is final: a corrected date can turn a link around as well as straighten one.
  const changedLinks = dropBackwardSupersedence(unfinished);
  const records = unfinished.map(finish);
  for (const record of records)
    if (!wsusClassifications.includes(record.classification))
      throw new Error(
        `${record.updateId} has classification "${record.classification}", not a WSUS one.`,
      );
  return {
    records: records.sort((a, b) => compareText(a.updateId, b.updateId)),
    msrcOnlyArticles: msrc.size - matched,
    wsusUpdates: wsus.length,
    catalogUpdates: catalog.length,
    dateDisagreements: dateDisagreements.sort(
      (a, b) => compareText(a.articleId, b.articleId) || compareText(a.updateId, b.updateId),
    ),
    changedLinks,
  };
}

/** Applies release-dates.ts rules 1–4 to one update; returns it when there was anything to decide. */
function resolveDates(record: UpdateRecord, article: MsrcArticle | undefined): DateDisagreement[] {
  const msrcReleased = article ? msrcReleaseDate(article.listings.values()) : null;
  const resolved = resolveReleaseDate({ ...record, msrcReleased });
  const named = titleMonth(record.title);
  const titleFar =
    named !== null && Math.abs(monthsBetween(named, resolved.dateReleased)) > titleMonthTolerance;
  if (resolved.decision === 'source' && !titleFar) return [];
  const disagreement: DateDisagreement = {
    updateId: record.updateId,
    articleId: record.articleId,
    title: record.title,
    sourceReleased: record.dateReleased,
    msrcReleased,
    dateReleased: resolved.dateReleased,
    decision: resolved.decision,
  };
  record.dateReleased = resolved.dateReleased;
  record.dateRevised = resolved.dateRevised;
  return [disagreement];
}

function fromWsus(update: WsusUpdate): Draft {
  const files = update.files;
  return {
    replaces: new Map(),
    record: {
      updateId: update.updateId,
      revision: update.revisions,
      articleId: update.articleId,
      bulletinId: update.bulletinId,
      title: update.title,
      description: update.description,
      classification: update.classification,
      vendor: microsoft,
      products: update.productNames.map((name) => ({
        vendor: microsoft,
        family: update.family,
        name,
      })),
      severity: update.severity,
      cves: [],
      dateReleased: update.dateReleased,
      dateRevised: update.dateRevised,
      size: files.reduce((total, file) => total + file.size, 0),
      languages: [...new Set(files.map((file) => file.language).filter((code) => code !== ''))],
      supersedes: [],
      restartBehavior: '',
      architecture: update.architecture,
      informationUrl: update.informationUrl,
      hasLicenseTerms: false,
      licenseTerms: null,
      contentFiles: files,
    },
  };
}

function fromCatalog(update: CatalogUpdate): Draft {
  const draft: Draft = {
    replaces: new Map(update.supersedes.map((old) => [old.articleId, old.title])),
    record: {
      updateId: update.updateId,
      revision: 1,
      articleId: update.articleId,
      bulletinId: update.bulletinId,
      title: update.title,
      description: update.description,
      classification: update.classification,
      vendor: microsoft,
      products: update.productName
        ? [{ vendor: microsoft, family: update.family, name: update.productName }]
        : [],
      severity: update.severity,
      cves: [],
      dateReleased: update.dateReleased,
      dateRevised: update.dateReleased,
      size: update.size,
      languages: update.languages,
      supersedes: [],
      restartBehavior: update.restartBehavior,
      architecture: update.architecture,
      // The Catalog page the data was scraped from; it has no KB article link of its own.
      informationUrl: `https://www.catalog.update.microsoft.com/ScopedViewInline.aspx?updateid=${update.updateId}`,
      hasLicenseTerms: false,
      licenseTerms: null,
      contentFiles: update.files,
    },
  };
  return draft;
}

/** The same GUID in both: WSUS keeps its fields, the Catalog fills what WSUS lacks. */
function fillFromCatalog(draft: Draft, update: CatalogUpdate) {
  const record = draft.record;
  record.restartBehavior ||= update.restartBehavior;
  record.severity ||= update.severity;
  record.bulletinId ||= update.bulletinId;
  record.description ||= update.description;
  if (record.languages.length === 0) record.languages = update.languages;
  if (record.contentFiles.length === 0) {
    record.contentFiles = update.files;
    record.size = update.size;
  }
  for (const old of update.supersedes)
    if (!draft.replaces.has(old.articleId)) draft.replaces.set(old.articleId, old.title);
}

function mergeMsrc(draft: Draft, article: MsrcArticle) {
  const record = draft.record;
  record.cves = [...article.cves.values()];
  record.severity ||= article.severity;
  record.restartBehavior ||= article.restartBehavior;
  for (const old of article.supersedes)
    if (!draft.replaces.has(old)) draft.replaces.set(old, `KB${old}`);
}

/**
 * Among the updates of one KB, those that are the same line as `of`: same architecture and at
 * least one product in common (a KB ships one update per architecture and Windows version).
 */
function sameLine(candidates: Draft[], of: Draft | undefined): Draft[] {
  if (!of) return [];
  const products = new Set(of.record.products.map((product) => product.name));
  return candidates.filter(
    (draft) =>
      draft !== of &&
      draft.record.architecture === of.record.architecture &&
      draft.record.products.some((product) => products.has(product.name)),
  );
}

/**
 * A replaced KB becomes a link to one update GUID when exactly one update of that KB is the same
 * line; otherwise it stays a KB link, which the site matches on the article id.
 */
function resolveReplaced(draft: Draft, byArticle: Map<string, Draft[]>) {
  for (const [articleId, title] of draft.replaces) {
    if (articleId === draft.record.articleId) continue;
    const line = sameLine(byArticle.get(articleId) ?? [], draft);
    const only = line.length === 1 ? line[0] : undefined;
    draft.record.supersedes.push(
      only
        ? { updateId: only.record.updateId, articleId: null, title: only.record.title }
        : { updateId: null, articleId, title },
    );
  }
}

/** Stable order inside a record, so a rebuild gives identical bytes. */
function finish(record: UpdateRecord): UpdateRecord {
  const supersedes = new Map(
    record.supersedes.map((link) => [`${link.updateId ?? ''}|${link.articleId ?? ''}`, link]),
  );
  return {
    ...record,
    products: dedupeProducts(record.products),
    cves: [...record.cves].sort((a, b) => compareText(a.id, b.id)),
    languages: [...new Set(record.languages)].sort(compareText),
    supersedes: [...supersedes.values()].sort(
      (a, b) =>
        compareText(a.articleId ?? '', b.articleId ?? '') ||
        compareText(a.updateId ?? '', b.updateId ?? '') ||
        compareText(a.title, b.title),
    ),
  };
}

function dedupeProducts(products: CatalogProduct[]): CatalogProduct[] {
  const unique = new Map(products.map((product) => [`${product.family}|${product.name}`, product]));
  return [...unique.values()].sort(compareProducts);
}
