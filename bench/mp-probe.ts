import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSite } from '../src/main/site/site';
import { firstScanBatch, registerClients, seedUpdates } from './support/compliance-fixture';
import { authenticateClient } from '../src/main/site/mp/client-registry';
const dataFolder = mkdtempSync(join(tmpdir(), 'p3-'));
const site = await openSite({
  database: { kind: 'sqlite', file: join(dataFolder, 'site.db') },
  dataFolder,
  runJobs: false,
  scheduleCheckMs: 0,
  bundledCatalogFolder: null,
});
const ids = await seedUpdates(site, 300);
const clients = await registerClients(site, 150, 'x');
const time = new Date().toISOString();
let auth = 0,
  post = 0;
for (const [i, c] of clients.entries()) {
  let t = performance.now();
  await authenticateClient(site.database, c.smsGuid, c.clientKey);
  auth += performance.now() - t;
  t = performance.now();
  await site.managementPoint.postStateMessages(
    { smsGuid: c.smsGuid, key: c.clientKey },
    firstScanBatch(`b-${i}-xxxxx`, ids, i, time),
  );
  post += performance.now() - t;
}
console.log('auth', (auth / 150).toFixed(2), 'post', (post / 150).toFixed(2));
await site.close();
