import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSite } from '../src/main/site/site';
import { stateMessageThroughput } from '../bench/scenarios/state-messages';
import { renderTable } from '../bench/support/measure';
const dataFolder = mkdtempSync(join(tmpdir(), 'p3-'));
const site = await openSite({
  database: { kind: 'sqlite', file: join(dataFolder, 'site.db') },
  dataFolder,
  runJobs: false,
  scheduleCheckMs: 0,
  bundledCatalogFolder: null,
});
const rows = await stateMessageThroughput(site, 'sqlite', Number(process.argv[2] ?? 200), 300);
console.log(renderTable(rows));
await site.close();
