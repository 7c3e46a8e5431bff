import { join } from 'node:path';
import { ComponentLog, type ComponentLogOptions } from './component-log';

/**
 * The site's components and the log each writes, named as in ConfigMgr (spec §12.1) so an
 * admin finds sync in wsyncmgr.log and downloads in PatchDownloader.log.
 */
export const componentLogFiles = {
  SMS_WSUS_SYNC_MANAGER: 'wsyncmgr.log',
  SMS_WSUS_CONFIGURATION_MANAGER: 'WCM.log',
  SMS_PATCH_DOWNLOADER: 'PatchDownloader.log',
  SMS_RULE_ENGINE: 'RuleEngine.log',
  SMS_DISTRIBUTION_MANAGER: 'distmgr.log',
  SMS_OBJECT_REPLICATION_MANAGER: 'objreplmgr.log',
  SMS_STATE_SYSTEM: 'statesys.log',
  SMS_POLICY_PROVIDER: 'policypv.log',
  SMS_PROVIDER: 'SMSProv.log',
  SMS_SITE_BACKUP: 'smsbkup.log',
  SMS_MP_CONTROL_MANAGER: 'MP_Relay.log',
  SMS_JOB_RUNNER: 'jobrunner.log',
  SMS_COLLECTION_EVALUATOR: 'colleval.log',
} as const;

export type ComponentName = keyof typeof componentLogFiles;

export function isComponentName(value: string): value is ComponentName {
  return Object.hasOwn(componentLogFiles, value);
}

/** The logs folder of one site: one ComponentLog per component, opened on first use. */
export class SiteLogs {
  private readonly open = new Map<ComponentName, ComponentLog>();

  constructor(
    readonly folder: string,
    private readonly options: ComponentLogOptions = {},
  ) {}

  component(name: ComponentName): ComponentLog {
    let log = this.open.get(name);
    if (!log) {
      log = new ComponentLog(join(this.folder, componentLogFiles[name]), name, this.options);
      this.open.set(name, log);
    }
    return log;
  }
}
