/**
 * Builds the catalog bundled with Patchbay (assets/catalog) from the public Microsoft data in
 * ../shared/data: `npm run catalog:build [-- --data <folder> --out <folder>]`. The product never
 * reads ../shared; it reads only the bundle this writes (src/main/site/catalog/bundle).
 *
 * Sources (details in ../shared/data/README.md and the generated NOTICE.md):
 * - WSUS: the OSDSUS `Get-WsusUpdate` exports, one row per update × payload file.
 * - Catalog: kbupdate's 2019 Microsoft Update Catalog scrape (adds Drivers, Definition Updates,
 *   languages, restart behaviour and supersedence).
 * - MSRC: the CVRF documents of the Security Update Guide (CVEs, per-product severity,
 *   supersedence by KB, restart requirement).
 *
 * One record per update GUID at its newest revision. WSUS and the Catalog give GUIDs; MSRC knows
 * only KBs, so it enriches every update of a KB and never creates one. MSRC KBs that no source
 * gives a GUID for are left out (counted in COUNTS.md): inventing GUIDs would make updates no
 * WSUS server could ever match.
 *
 * Where sources disagree:
 * - Identity, title, description, classification, products, bulletin, architecture, dates,
 *   size, files: WSUS wins, then the Catalog. They are the update's own metadata as a WSUS
 *   server serves it (what ConfigMgr shows); the Catalog is a 2019 snapshot of the same
 *   service. The two share no GUID or KB in today's data, so this only matters if they grow.
 * - Several WSUS export versions of one GUID: the newest creation date (then KB) is the
 *   current revision and gives every field; the oldest gives Date Released, the newest Date
 *   Revised, and `revision` counts the distinct versions seen (the exports carry no WSUS
 *   revision number). Among rows of that revision, the fullest title and description win
 *   (later exports added "version 22H2" to upgrade titles).
 * - Content files: one per SHA-1 (the WSUS content id). The download.windowsupdate.com URL wins
 *   over a delivery-network mirror; a file with a SHA-256 wins over one without.
 * - Severity: the WSUS / Catalog MsrcSeverity wins, because it is the rating ConfigMgr displays
 *   for the update. Only where it is Unspecified does the highest MSRC rating of the KB's CVEs,
 *   for the products that KB fixes, fill in.
 * - CVE rating, impact and CVSS: MSRC rates a CVE per product, so each update carries the
 *   CVE as rated for the products its KB fixes (highest rating, most common impact, highest
 *   base score). A CVE re-published in a later monthly document keeps its newest revision.
 * - Restart behaviour: the Catalog's RebootBehavior (the installer's own metadata) wins; MSRC's
 *   RestartRequired fills in, taking the most disruptive answer across products (Yes > Maybe >
 *   No), since an admin plans maintenance windows for the worst case.
 * - Supersedence: the union of the Catalog's Supersedes / SupersededBy tables and MSRC's
 *   Supercedence. A replaced KB is linked to one update GUID when exactly one update of that KB
 *   has the same architecture and a product in common; otherwise it stays a KB link, which the
 *   site resolves by article id. Superseded-by follows from these links on the site.
 * - Dates: an update's Date Released is its own (WSUS, then the Catalog) unless it falls in a
 *   different month from MSRC's release date of its KB (the monthly document that lists the KB
 *   for the most CVEs at release): then MSRC's wins, unless the update's title names a month
 *   siding with its own date. Supersedence that would then run from an older update to a newer
 *   one is dropped, never reversed. The rules are in release-dates.ts; every disagreement and
 *   changed link is listed in NOTICE.md. CVE publication dates stay on the CVEs.
 *
 * Output is deterministic: records sorted by GUID, lists inside a record sorted, gzip with a
 * fixed level and header, and the manifest's createdAt is the newest Date Revised in the data,
 * never the wall clock. Rerunning on the same data gives identical bytes.
 */
import { resolve } from 'node:path';
import { writeCatalogBundle } from '../../src/main/site/catalog/bundle/write-catalog-bundle';
import { joinSources } from './join-sources';
import { readMsrcCvrf } from './read-msrc-cvrf';
import { readUpdateCatalog } from './read-update-catalog';
import { readWsusExports } from './read-wsus-exports';
import { checkSources } from './sources';
import { writeCounts, writeNotice } from './write-notes';

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return resolve(index > 0 ? (process.argv[index + 1] ?? fallback) : fallback);
}

async function main() {
  const dataFolder = option('--data', '../shared/data');
  const outFolder = option('--out', 'assets/catalog');
  const started = performance.now();
  checkSources(dataFolder);

  const wsus = readWsusExports(dataFolder);
  console.log(`WSUS exports: ${wsus.length} updates`);
  const catalog = readUpdateCatalog(dataFolder);
  console.log(`Update Catalog: ${catalog.length} updates`);
  const msrc = await readMsrcCvrf(dataFolder);
  console.log(`MSRC CVRF: ${msrc.size} KBs with vendor fixes`);

  const joined = joinSources(wsus, catalog, msrc);
  const createdAt = joined.records.reduce(
    (newest, record) => (record.dateRevised > newest ? record.dateRevised : newest),
    '',
  );
  const manifest = writeCatalogBundle(outFolder, joined.records, { createdAt, sourceSite: null });
  writeCounts(outFolder, joined, manifest);
  writeNotice(outFolder, dataFolder, joined);
  const bytes = manifest.parts.reduce((total, part) => total + part.bytes, 0);
  console.log(
    `Wrote ${outFolder}: ${manifest.counts.updates} updates, ${manifest.counts.contentFiles} content files, ${manifest.counts.cves} CVEs, ${bytes} bytes in ${manifest.parts.length} parts (${((performance.now() - started) / 1000).toFixed(1)} s).`,
  );
}

await main();
