// A whole site process for kill tests: opens the site given on the command line with its job
// runner (every job kind the site has) and prints "ready". Tests kill it with SIGKILL mid-job.
import { openSite } from '../../src/main/site/site';

const [databaseJson, dataFolder] = process.argv.slice(2);
await openSite({
  database: JSON.parse(databaseJson!),
  dataFolder: dataFolder!,
  bundledCatalogFolder: null,
  scheduleCheckMs: 0,
  runner: { pollMs: 20, leaseMs: 1_500 },
  content: { attempts: 2, backoffMs: 10, demoBytesPerSecond: 0 },
});
console.log('ready');
setInterval(() => undefined, 60_000);
