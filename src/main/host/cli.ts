import { Command, CommanderError } from 'commander';
import { SiteError } from '../../shared/errors';
import { productVersion } from '../site/version';
import { registerAdmin } from './cli/admin-command';
import { registerCatalog } from './cli/catalog-command';
import { registerClient } from './cli/client-command';
import { registerClientSettings } from './cli/client-settings-command';
import { registerCollection } from './cli/collection-command';
import { registerCompliance } from './cli/compliance-command';
import { registerDeploymentStatus } from './cli/deployment-status-command';
import { registerFleet } from './cli/fleet-command';
import { registerMaintenanceWindow } from './cli/maintenance-window-command';
import { registerDb } from './cli/db-command';
import { registerGroup } from './cli/group-command';
import { registerDeployment } from './cli/deployment-command';
import { registerAdr } from './cli/adr-command';
import { registerUpdates } from './cli/updates-command';
import { registerDemoContent, registerDownload } from './cli/download-command';
import { registerPackage } from './cli/package-command';
import { registerDistributionPoint } from './cli/dp-command';
import { registerJobs } from './cli/jobs-command';
import { registerLogin } from './cli/login-command';
import { registerReport } from './cli/report-command';
import { registerServe } from './cli/serve-command';
import { registerStatusMessages } from './cli/status-messages-command';
import { registerSup } from './cli/sup-command';
import { registerSync } from './cli/sync-command';

/**
 * `patchbay`: the site from the shell. Verbs mirror the ConfigMgr PowerShell cmdlets where one
 * exists (Sync-CMSoftwareUpdate -> `patchbay sync`, and so on).
 */
export function buildProgram(): Command {
  const program = new Command('patchbay')
    .description('Patchbay: software update management, in the image of the ConfigMgr console')
    .version(productVersion)
    .showHelpAfterError()
    // `patchbay sync status --data-dir X`: options after a verb belong to that verb, not its parent.
    .enablePositionalOptions();
  registerServe(program);
  registerClient(program);
  registerDb(program);
  registerJobs(program);
  registerStatusMessages(program);
  registerSync(program);
  registerSup(program);
  registerCatalog(program);
  registerGroup(program);
  registerDeployment(program);
  registerUpdates(program);
  registerDownload(program);
  registerDemoContent(program);
  registerPackage(program);
  registerDistributionPoint(program);
  registerCollection(program);
  registerMaintenanceWindow(program);
  registerClientSettings(program);
  registerCompliance(program);
  // After registerDeployment: adds `status` to its `deployment` group.
  registerDeploymentStatus(program);
  registerAdr(program);
  registerFleet(program);
  registerAdmin(program);
  registerLogin(program);
  registerReport(program);
  return program;
}

export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram().exitOverride();
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    // One sentence for the admin; the stack only when asked for.
    console.error(`patchbay: ${(error as Error).message}`);
    if (process.env.PATCHBAY_DEBUG) console.error(error);
    return error instanceof SiteError && error.code === 'invalid-input' ? 2 : 1;
  }
}

const isEntry =
  process.argv[1] !== undefined &&
  /(^|[\\/])(cli\.(mjs|ts|js)|patchbay(\.mjs)?)$/.test(process.argv[1]);
if (isEntry) {
  void runCli(process.argv).then((code) => {
    // serve keeps running; every other verb ends here.
    if (code !== 0) process.exit(code);
  });
}
