import type { SiteMethod } from '../contract';

/**
 * ConfigMgr's permission bits (SMS_Operation BitFlag, spec §13.2). Deploy Software Updates lives
 * on Collection: the right to target a collection, which collection limiting narrows.
 */
export const permissionBits = {
  Read: 1,
  Modify: 2,
  Delete: 4,
  'Copy to Distribution Point': 8,
  'Set Security Scope': 16,
  'Modify Resource': 128,
  Create: 1024,
  'Read Resource': 4096,
  'Deploy Software Updates': 67108864,
  'Run Report': 268435456,
  'Modify Report': 536870912,
} as const;

export type PermissionName = keyof typeof permissionBits;

/** The securable object types of the clone, in the console's words. */
export const objectTypes = [
  'Software Updates',
  'Software Update Group',
  'Software Update Package',
  'Deployment',
  'Deployment Template',
  'Automatic Deployment Rule',
  'Collection',
  'Client Settings',
  'Distribution Point',
  'Alert',
  'Report',
  'Status Message',
  'Site',
] as const;

export type ObjectType = (typeof objectTypes)[number];

export interface RequiredPermission {
  readonly object: ObjectType;
  readonly permission: PermissionName;
}

/**
 * What each API method needs. The Record over SiteMethod is the point: a method added to the
 * contract does not compile until it has its line here, so no method can forget its check.
 */
export const methodPermissions: Record<SiteMethod, RequiredPermission> = {
  'alerts.list': { object: 'Alert', permission: 'Read' },
  'rules.list': { object: 'Automatic Deployment Rule', permission: 'Read' },
  'rules.get': { object: 'Automatic Deployment Rule', permission: 'Read' },
  'rules.checkName': { object: 'Automatic Deployment Rule', permission: 'Read' },
  'rules.preview': { object: 'Automatic Deployment Rule', permission: 'Read' },
  'rules.create': { object: 'Automatic Deployment Rule', permission: 'Create' },
  'rules.update': { object: 'Automatic Deployment Rule', permission: 'Modify' },
  'rules.setEnabled': { object: 'Automatic Deployment Rule', permission: 'Modify' },
  'rules.delete': { object: 'Automatic Deployment Rule', permission: 'Delete' },
  'rules.run': { object: 'Automatic Deployment Rule', permission: 'Modify' },
  'rules.addDeployment': { object: 'Collection', permission: 'Deploy Software Updates' },
  'rules.updateDeployment': { object: 'Automatic Deployment Rule', permission: 'Modify' },
  'rules.removeDeployment': { object: 'Automatic Deployment Rule', permission: 'Modify' },
  'ruleTemplates.list': { object: 'Automatic Deployment Rule', permission: 'Read' },
  'ruleTemplates.create': { object: 'Automatic Deployment Rule', permission: 'Create' },
  'ruleTemplates.delete': { object: 'Automatic Deployment Rule', permission: 'Delete' },
  'catalog.changes': { object: 'Software Updates', permission: 'Read' },
  'clientSettings.list': { object: 'Client Settings', permission: 'Read' },
  'clientSettings.get': { object: 'Client Settings', permission: 'Read' },
  'clientSettings.create': { object: 'Client Settings', permission: 'Create' },
  'clientSettings.update': { object: 'Client Settings', permission: 'Modify' },
  'clientSettings.delete': { object: 'Client Settings', permission: 'Delete' },
  'clientSettings.setPriority': { object: 'Client Settings', permission: 'Modify' },
  'clientSettings.deploy': { object: 'Client Settings', permission: 'Modify' },
  'clientSettings.undeploy': { object: 'Client Settings', permission: 'Modify' },
  'clientSettings.resultant': { object: 'Client Settings', permission: 'Read' },
  'devices.list': { object: 'Collection', permission: 'Read' },
  'devices.get': { object: 'Collection', permission: 'Read' },
  // Approving or blocking a client changes the resource, as ConfigMgr's Approve and Block do.
  'clients.approve': { object: 'Collection', permission: 'Modify Resource' },
  'clients.block': { object: 'Collection', permission: 'Modify Resource' },
  'clients.unblock': { object: 'Collection', permission: 'Modify Resource' },
  'collections.list': { object: 'Collection', permission: 'Read' },
  'collections.create': { object: 'Collection', permission: 'Create' },
  'collections.update': { object: 'Collection', permission: 'Modify' },
  'collections.updateMembership': { object: 'Collection', permission: 'Modify' },
  'collections.delete': { object: 'Collection', permission: 'Delete' },
  'collections.rules': { object: 'Collection', permission: 'Read' },
  'collections.addRule': { object: 'Collection', permission: 'Modify' },
  'collections.removeRule': { object: 'Collection', permission: 'Modify' },
  'collections.memberIds': { object: 'Collection', permission: 'Read' },
  'maintenanceWindows.list': { object: 'Collection', permission: 'Read' },
  'maintenanceWindows.create': { object: 'Collection', permission: 'Modify Resource' },
  'maintenanceWindows.delete': { object: 'Collection', permission: 'Modify Resource' },
  'maintenanceWindows.effective': { object: 'Collection', permission: 'Read' },
  'compliance.update': { object: 'Software Updates', permission: 'Modify' },
  'compliance.group': { object: 'Software Updates', permission: 'Read' },
  'compliance.device': { object: 'Software Updates', permission: 'Read' },
  'compliance.unknownDevices': { object: 'Software Updates', permission: 'Read' },
  'compliance.runSummarization': { object: 'Software Updates', permission: 'Modify' },
  'compliance.getSchedule': { object: 'Software Updates', permission: 'Read' },
  'compliance.setSchedule': { object: 'Site', permission: 'Modify' },
  'fleet.demoStatus': { object: 'Site', permission: 'Read' },
  'fleet.startDemo': { object: 'Site', permission: 'Modify' },
  'fleet.stopDemo': { object: 'Site', permission: 'Modify' },
  'packages.list': { object: 'Software Update Package', permission: 'Read' },
  'packages.get': { object: 'Software Update Package', permission: 'Read' },
  'packages.checkSource': { object: 'Software Update Package', permission: 'Read' },
  'packages.create': { object: 'Software Update Package', permission: 'Create' },
  'packages.update': { object: 'Software Update Package', permission: 'Modify' },
  'packages.delete': { object: 'Software Update Package', permission: 'Delete' },
  'packages.memberIds': { object: 'Software Update Package', permission: 'Read' },
  'packages.removeUpdates': { object: 'Software Update Package', permission: 'Modify' },
  'packages.distribute': {
    object: 'Software Update Package',
    permission: 'Copy to Distribution Point',
  },
  'packages.updateDistributionPoints': {
    object: 'Software Update Package',
    permission: 'Copy to Distribution Point',
  },
  'packages.redistribute': {
    object: 'Software Update Package',
    permission: 'Copy to Distribution Point',
  },
  'packages.validate': { object: 'Software Update Package', permission: 'Modify' },
  'packages.removeFromDistributionPoints': {
    object: 'Software Update Package',
    permission: 'Copy to Distribution Point',
  },
  'content.preview': { object: 'Software Update Package', permission: 'Read' },
  'content.download': { object: 'Software Update Package', permission: 'Modify' },
  'content.demoStatus': { object: 'Software Update Package', permission: 'Read' },
  'content.addDemo': { object: 'Software Update Package', permission: 'Modify' },
  'deployments.list': { object: 'Deployment', permission: 'Read' },
  'deployments.get': { object: 'Deployment', permission: 'Read' },
  'deployments.preview': { object: 'Deployment', permission: 'Read' },
  'deployments.checkName': { object: 'Deployment', permission: 'Read' },
  'deployments.create': { object: 'Collection', permission: 'Deploy Software Updates' },
  'deployments.update': { object: 'Deployment', permission: 'Modify' },
  'deployments.setEnabled': { object: 'Deployment', permission: 'Modify' },
  'deployments.delete': { object: 'Deployment', permission: 'Delete' },
  'deployments.status': { object: 'Deployment', permission: 'Read' },
  'deployments.assets': { object: 'Deployment', permission: 'Read' },
  'deploymentTemplates.list': { object: 'Deployment Template', permission: 'Read' },
  'deploymentTemplates.create': { object: 'Deployment Template', permission: 'Create' },
  'deploymentTemplates.delete': { object: 'Deployment Template', permission: 'Delete' },
  'dps.list': { object: 'Distribution Point', permission: 'Read' },
  'dps.add': { object: 'Distribution Point', permission: 'Create' },
  'dps.remove': { object: 'Distribution Point', permission: 'Delete' },
  'dpGroups.list': { object: 'Distribution Point', permission: 'Read' },
  'dpGroups.create': { object: 'Distribution Point', permission: 'Create' },
  'dpGroups.delete': { object: 'Distribution Point', permission: 'Delete' },
  'contentStatus.list': { object: 'Distribution Point', permission: 'Read' },
  'contentStatus.get': { object: 'Distribution Point', permission: 'Read' },
  'jobs.list': { object: 'Site', permission: 'Read' },
  'jobs.get': { object: 'Site', permission: 'Read' },
  'jobs.cancel': { object: 'Site', permission: 'Modify' },
  'jobs.log': { object: 'Site', permission: 'Read' },
  'lists.export': { object: 'Site', permission: 'Read' },
  'reports.list': { object: 'Report', permission: 'Read' },
  'reports.parameterValues': { object: 'Report', permission: 'Read' },
  'reports.run': { object: 'Report', permission: 'Run Report' },
  'reports.export': { object: 'Report', permission: 'Run Report' },
  'reports.schedules.list': { object: 'Report', permission: 'Read' },
  'reports.schedules.create': { object: 'Report', permission: 'Modify Report' },
  'reports.schedules.delete': { object: 'Report', permission: 'Modify Report' },
  'reports.schedules.runNow': { object: 'Report', permission: 'Run Report' },
  'site.info': { object: 'Site', permission: 'Read' },
  'site.ping': { object: 'Site', permission: 'Read' },
  'site.backupDatabase': { object: 'Site', permission: 'Modify' },
  'softwareUpdates.overview': { object: 'Software Updates', permission: 'Read' },
  'sup.settings.get': { object: 'Site', permission: 'Read' },
  'sup.settings.set': { object: 'Site', permission: 'Modify' },
  'sup.products': { object: 'Site', permission: 'Read' },
  'sup.classifications': { object: 'Site', permission: 'Read' },
  'sup.languages': { object: 'Site', permission: 'Read' },
  'sync.start': { object: 'Site', permission: 'Modify' },
  'sync.history': { object: 'Site', permission: 'Read' },
  'updates.list': { object: 'Software Updates', permission: 'Read' },
  'updates.get': { object: 'Software Updates', permission: 'Read' },
  'updates.setProperties': { object: 'Software Updates', permission: 'Modify' },
  'updates.requiredDevices': { object: 'Software Updates', permission: 'Read' },
  'searches.list': { object: 'Software Updates', permission: 'Read' },
  'searches.save': { object: 'Software Updates', permission: 'Modify' },
  'searches.delete': { object: 'Software Updates', permission: 'Modify' },
  'statusMessages.list': { object: 'Status Message', permission: 'Read' },
  'groups.list': { object: 'Software Update Group', permission: 'Read' },
  'groups.get': { object: 'Software Update Group', permission: 'Read' },
  'groups.create': { object: 'Software Update Group', permission: 'Create' },
  'groups.update': { object: 'Software Update Group', permission: 'Modify' },
  'groups.setMembership': { object: 'Software Update Group', permission: 'Modify' },
  'groups.delete': { object: 'Software Update Group', permission: 'Delete' },
  'groups.memberIds': { object: 'Software Update Group', permission: 'Read' },
  'groups.membershipOf': { object: 'Software Update Group', permission: 'Read' },
};

/** Permissions that only look: a Read-only Analyst holds these and nothing else. */
export const viewingPermissions: ReadonlySet<PermissionName> = new Set<PermissionName>([
  'Read',
  'Read Resource',
  'Run Report',
]);

/** The methods that change the site, derived from the table rather than listed by hand. */
export function writeMethods(): SiteMethod[] {
  return (Object.keys(methodPermissions) as SiteMethod[]).filter(
    (method) => !viewingPermissions.has(methodPermissions[method].permission),
  );
}
