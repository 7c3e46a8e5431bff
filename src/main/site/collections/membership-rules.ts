import type { CollectionQuery } from '../../../shared/contract/collections';

/** What membership evaluation knows of a client: the properties query rules may test. */
export interface ClientFacts {
  id: number;
  name: string;
  domain: string;
  osName: string;
  osBuild: string;
  isServer: boolean;
  clientVersion: string;
  products: string[];
}

export interface RuleDefinition {
  kind: string;
  clientId: number | null;
  otherCollectionId: number | null;
  query: CollectionQuery | null;
}

export interface CollectionDefinition {
  id: number;
  collectionId: string;
  limitingId: number | null;
  rules: RuleDefinition[];
}

/**
 * Built-in collections are defined by the site, not by rules the admin may change: every client
 * here has a Configuration Manager client, so All Systems and All Desktop and Server Clients hold
 * all; the other two are their query. The console shows these as the collections' rules.
 */
export const builtInRules: Record<string, { name: string; query: CollectionQuery | null }> = {
  SMS00001: { name: 'All Systems: every client registered with this site', query: null },
  SMSDM003: {
    name: 'All Desktop and Server Clients: every device with a Configuration Manager client',
    query: null,
  },
  SMS000WS: {
    name: 'All Workstations',
    query: { conditions: [{ property: 'isServer', operator: 'equals', value: 'false' }] },
  },
  SMS000SS: {
    name: 'All Servers',
    query: { conditions: [{ property: 'isServer', operator: 'equals', value: 'true' }] },
  },
};

export function isBuiltInDefinition(collectionId: string): boolean {
  return Object.hasOwn(builtInRules, collectionId);
}

function matches(client: ClientFacts, query: CollectionQuery): boolean {
  return query.conditions.every((condition) => {
    const values =
      condition.property === 'product' ? client.products : [String(client[condition.property])];
    // WQL comparisons are case-insensitive.
    const wanted = condition.value.toLowerCase();
    const test = (value: string) => {
      const text = value.toLowerCase();
      switch (condition.operator) {
        case 'equals':
          return text === wanted;
        case 'notEquals':
          return text !== wanted;
        case 'contains':
          return text.includes(wanted);
        case 'startsWith':
          return text.startsWith(wanted);
      }
    };
    return condition.operator === 'notEquals' ? values.every(test) : values.some(test);
  });
}

/**
 * Collections in an order where every collection comes after those it reads (its limiting,
 * included and excluded collections). Throws on a cycle, naming a collection in it.
 */
export function evaluationOrder(collections: CollectionDefinition[]): CollectionDefinition[] {
  const byId = new Map(collections.map((c) => [c.id, c]));
  const ordered: CollectionDefinition[] = [];
  const state = new Map<number, 'visiting' | 'done'>();
  const visit = (collection: CollectionDefinition) => {
    const seen = state.get(collection.id);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new Error(`collection ${collection.collectionId} depends on itself`);
    state.set(collection.id, 'visiting');
    const needs = [
      collection.limitingId,
      ...collection.rules.map((rule) => rule.otherCollectionId),
    ].filter((id): id is number => id !== null);
    for (const id of needs) {
      const other = byId.get(id);
      if (other) visit(other);
    }
    state.set(collection.id, 'done');
    ordered.push(collection);
  };
  collections.forEach(visit);
  return ordered;
}

/**
 * The collections (database ids) a client belongs to: within its limiting collection, the
 * union of direct, query and include rules minus excluded collections' members (§10.1 uses
 * these for maintenance windows; deployments will target them).
 */
export function collectionsOf(ordered: CollectionDefinition[], client: ClientFacts): Set<number> {
  const member = new Set<number>();
  for (const collection of ordered) {
    const builtIn = builtInRules[collection.collectionId];
    let isMember: boolean;
    if (builtIn) isMember = builtIn.query === null || matches(client, builtIn.query);
    else {
      const included = collection.rules.some(
        (rule) =>
          (rule.kind === 'direct' && rule.clientId === client.id) ||
          (rule.kind === 'include' && member.has(rule.otherCollectionId!)) ||
          (rule.kind === 'query' && rule.query !== null && matches(client, rule.query)),
      );
      const excluded = collection.rules.some(
        (rule) => rule.kind === 'exclude' && member.has(rule.otherCollectionId!),
      );
      isMember = included && !excluded;
    }
    if (collection.limitingId !== null && !member.has(collection.limitingId)) isMember = false;
    if (isMember) member.add(collection.id);
  }
  return member;
}
