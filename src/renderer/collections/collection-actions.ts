import type {
  CollectionRule,
  CollectionRuleInput,
  MaintenanceWindowInput,
} from '../../shared/contract/collections';
import type { ConsoleServices } from '../stores/console-services';
import { querySentence, ruleTypeLabels } from './rule-text';

/** A rule as the Membership Rules list shows it: its type, and who or what it names. */
export interface RuleRow {
  readonly id: number;
  readonly type: string;
  readonly name: string;
}

/**
 * Names behind the rules' ids: direct rules name a device, include and exclude rules a
 * collection. The site keeps ids only; the console says names, as ConfigMgr does.
 */
export async function describeRules(
  services: Pick<ConsoleServices, 'api'>,
  rules: readonly CollectionRule[],
): Promise<RuleRow[]> {
  const collections = await services.api.call('collections.list', {});
  const collectionName = new Map(collections.map((c) => [c.id, c.name]));
  const deviceIds = [
    ...new Set(rules.flatMap((r) => (r.kind === 'direct' && r.clientId ? [r.clientId] : []))),
  ];
  const devices = await Promise.all(
    deviceIds.map((id) =>
      services.api.call('devices.get', { id }).then(
        (device) => [id, device.name] as const,
        () => [id, `Resource ${id}`] as const,
      ),
    ),
  );
  const deviceName = new Map(devices);
  return rules.map((rule) => ({
    id: rule.id,
    type: ruleTypeLabels[rule.kind],
    name:
      rule.kind === 'direct'
        ? (deviceName.get(rule.clientId ?? 0) ?? '')
        : rule.kind === 'query'
          ? rule.query
            ? `${rule.name}: ${querySentence(rule.query)}`
            : rule.name
          : (collectionName.get(rule.collectionId ?? 0) ?? `Collection ${rule.collectionId}`),
  }));
}

/** Changes made from the collection's Properties; each says what happened in the notice bar. */
export const collectionActions = {
  async addRule(services: ConsoleServices, id: number, rule: CollectionRuleInput) {
    const collection = await services.api.call('collections.addRule', { id, rule });
    services.notices.show(
      'success',
      `${ruleTypeLabels[rule.kind]} rule added to ${collection.name}: it now has ${collection.memberCount.toLocaleString()} ${collection.memberCount === 1 ? 'member' : 'members'}.`,
    );
    return collection;
  },
  async removeRule(services: ConsoleServices, id: number, ruleId: number) {
    const collection = await services.api.call('collections.removeRule', { id, ruleId });
    services.notices.show(
      'success',
      `Removed the rule from ${collection.name}: it now has ${collection.memberCount.toLocaleString()} members.`,
    );
    return collection;
  },
  async createWindow(services: ConsoleServices, input: MaintenanceWindowInput) {
    const window = await services.api.call('maintenanceWindows.create', input);
    services.notices.show(
      'success',
      `Created maintenance window ${window.name} on ${window.collectionName}.`,
    );
    return window;
  },
  async deleteWindow(services: ConsoleServices, id: number, name: string) {
    await services.api.call('maintenanceWindows.delete', { id });
    services.notices.show('success', `Deleted maintenance window ${name}.`);
  },
  findDevices: (services: ConsoleServices, text: string) =>
    services.api.call('devices.list', { filter: { text: text || undefined }, page: { size: 50 } }),
};

/** The Membership Rules list, live: rules with names, re-read when collections change. */
export const ruleRowsRead = (services: ConsoleServices, id: number) => ({
  key: `rule-rows:${id}`,
  topics: ['collections'],
  read: async () => describeRules(services, await services.api.call('collections.rules', { id })),
});
