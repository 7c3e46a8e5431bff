import type { CollectionQuery, CollectionRule } from '../../shared/contract/collections';

const propertyLabels: Record<string, string> = {
  name: 'Name',
  domain: 'Domain',
  osName: 'Operating System',
  osBuild: 'OS Build',
  isServer: 'Is Server',
  clientVersion: 'Client Version',
  product: 'Product',
};

const operatorLabels: Record<string, string> = {
  equals: 'is equal to',
  notEquals: 'is not equal to',
  contains: 'contains',
  startsWith: 'starts with',
};

export function propertyLabel(property: string): string {
  return propertyLabels[property] ?? property;
}

export function operatorLabel(operator: string): string {
  return operatorLabels[operator] ?? operator;
}

/** A query's conditions as the admin reads them: Operating System starts with "Windows 11" AND … */
export function querySentence(query: CollectionQuery): string {
  return query.conditions
    .map((c) => `${propertyLabel(c.property)} ${operatorLabel(c.operator)} "${c.value}"`)
    .join(' AND ');
}

/** The Membership Rules list's Rule Type column (ConfigMgr's words). */
export const ruleTypeLabels: Record<CollectionRule['kind'], string> = {
  direct: 'Direct',
  query: 'Query',
  include: 'Include Collections',
  exclude: 'Exclude Collections',
};
