// A site process for the kill test: opens the site given on the command line, runs the test job
// kind, and prints "ready". The test kills it with SIGKILL in the middle of a job.
import { openSite } from '../../src/main/site/site';
import { countingJob } from './counting-job';

const [databaseJson, dataFolder] = process.argv.slice(2);
const site = await openSite({
  database: JSON.parse(databaseJson!),
  dataFolder: dataFolder!,
  runJobs: false,
  runner: { pollMs: 20, leaseMs: 1_500 },
});
site.runner.register(countingJob([], 50));
await site.runner.start();
console.log('ready');
// The runner's timers are unref'd (they must not hold a CLI open); this process lives until killed.
setInterval(() => undefined, 60_000);
