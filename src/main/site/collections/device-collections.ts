import { sql } from 'kysely';
import type { z } from 'zod';
import {
  CollectionQuery,
  type CollectionRule,
  type CollectionRuleInput,
  type DeviceCollection,
  type collectionsMethods,
} from '../../../shared/contract/collections';
import { SiteError } from '../../../shared/errors';
import type { Clock } from '../clock';
import type { Db } from '../compliance/update-counters';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import { evaluateAllClients, loadDefinitions } from './collection-membership';
import { builtInRules, isBuiltInDefinition } from './membership-rules';

type CreateInput = z.output<(typeof collectionsMethods)['collections.create']['input']>;

export interface CollectionServices {
  site: SiteDatabase;
  clock: Clock;
  events: SiteEvents;
  siteCode: string;
}

const allSystems = 'SMS00001';

export async function readCollection(db: Db, id: number): Promise<DeviceCollection> {
  const row = await db
    .selectFrom('collection as c')
    .leftJoin('collection as l', 'l.id', 'c.limiting_collection_id')
    .select([
      'c.id',
      'c.collection_id',
      'c.name',
      'c.comment',
      'l.collection_id as limiting',
      'c.is_built_in',
      sql<number>`(SELECT COUNT(*) FROM collection_member m WHERE m.collection_id = c.id)`.as(
        'member_count',
      ),
      'c.created_at',
      'c.members_changed_at',
      'c.refresh_every_days',
      'c.last_refreshed_at',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new SiteError('not-found', `id: device collection ${id} does not exist.`);
  return {
    id: row.id,
    collectionId: row.collection_id,
    name: row.name,
    comment: row.comment,
    limitingCollectionId: row.limiting,
    isBuiltIn: row.is_built_in === 1,
    memberCount: Number(row.member_count),
    createdAt: row.created_at,
    membersChangedAt: row.members_changed_at,
    refreshEveryDays: row.refresh_every_days,
    lastRefreshedAt: row.last_refreshed_at,
  };
}

export async function listCollections(site: SiteDatabase): Promise<DeviceCollection[]> {
  const ids = await site.read.selectFrom('collection').select('id').orderBy('name').execute();
  return Promise.all(ids.map((row) => readCollection(site.read, row.id)));
}

/** New-CMDeviceCollection: a limiting collection is required, All Systems by default. */
export async function createCollection(
  services: CollectionServices,
  input: CreateInput,
): Promise<DeviceCollection> {
  const now = services.clock.now().toISOString();
  const id = await services.site.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('collection')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst();
    if (clash)
      throw new SiteError(
        'conflict',
        `name: a device collection named "${input.name}" already exists; choose another name.`,
      );
    const limiting = input.limitingCollectionId
      ? await trx
          .selectFrom('collection')
          .select('id')
          .where('id', '=', input.limitingCollectionId)
          .executeTakeFirst()
      : await trx
          .selectFrom('collection')
          .select('id')
          .where('collection_id', '=', allSystems)
          .executeTakeFirst();
    if (!limiting)
      throw new SiteError(
        'not-found',
        `limitingCollectionId: device collection ${input.limitingCollectionId} does not exist.`,
      );
    const inserted = await trx
      .insertInto('collection')
      .values({
        collection_id: `pending-${now}-${Math.random()}`,
        name: input.name,
        comment: input.comment,
        limiting_collection_id: limiting.id,
        created_at: now,
        members_changed_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Collection IDs are the site code and five hex digits, from 00010 as in ConfigMgr.
    const collectionId = `${services.siteCode}${(inserted.id + 0x0f).toString(16).toUpperCase().padStart(5, '0')}`;
    await trx
      .updateTable('collection')
      .set({ collection_id: collectionId })
      .where('id', '=', inserted.id)
      .execute();
    return inserted.id;
  });
  services.events.publish({ type: 'data.changed', topics: ['collections'] });
  return readCollection(services.site.db, id);
}

export async function listRules(site: SiteDatabase, id: number): Promise<CollectionRule[]> {
  const collection = await readCollection(site.read, id);
  const builtIn = collection.isBuiltIn ? builtInRules[collection.collectionId] : undefined;
  // Id 0: the site's own rule, which no one can remove.
  if (builtIn) return [{ id: 0, kind: 'query', clientId: null, collectionId: null, ...builtIn }];
  const rules = await site.read
    .selectFrom('collection_rule')
    .selectAll()
    .where('collection_id', '=', id)
    .orderBy('id')
    .execute();
  return rules.map((rule) => ({
    id: rule.id,
    kind: rule.kind as CollectionRule['kind'],
    name: rule.name,
    clientId: rule.client_id,
    collectionId: rule.other_collection_id,
    query: rule.query ? CollectionQuery.parse(JSON.parse(rule.query)) : null,
  }));
}

/** Adds a rule and re-evaluates members in the same transaction; a cycle is refused. */
export async function addRule(
  services: CollectionServices,
  id: number,
  rule: CollectionRuleInput,
): Promise<DeviceCollection> {
  const now = services.clock.now().toISOString();
  await services.site.db.transaction().execute(async (trx) => {
    const target = await readCollection(trx, id);
    if (target.isBuiltIn && isBuiltInDefinition(target.collectionId))
      throw new SiteError(
        'refused',
        `${target.name} is a built-in collection; its members are defined by the site.`,
      );
    if (rule.kind === 'direct') {
      const client = await trx
        .selectFrom('client')
        .select('name')
        .where('id', '=', rule.clientId)
        .executeTakeFirst();
      if (!client)
        throw new SiteError('not-found', `rule.clientId: client ${rule.clientId} does not exist.`);
    }
    if (rule.kind === 'include' || rule.kind === 'exclude') {
      if (rule.collectionId === id)
        throw new SiteError(
          'invalid-input',
          `rule.collectionId: a collection cannot ${rule.kind} itself.`,
        );
      await readCollection(trx, rule.collectionId);
    }
    await trx
      .insertInto('collection_rule')
      .values({
        collection_id: id,
        kind: rule.kind,
        name: rule.kind === 'query' ? rule.name : '',
        client_id: rule.kind === 'direct' ? rule.clientId : null,
        other_collection_id:
          rule.kind === 'include' || rule.kind === 'exclude' ? rule.collectionId : null,
        query: rule.kind === 'query' ? JSON.stringify(rule.query) : null,
      })
      .execute();
    try {
      await loadDefinitions(trx);
    } catch (error) {
      throw new SiteError(
        'refused',
        `rule.collectionId: the rule would make ${target.name} depend on itself (${(error as Error).message}).`,
      );
    }
    await evaluateAllClients(trx, now);
  });
  services.events.publish({ type: 'data.changed', topics: ['collections', 'devices'] });
  return readCollection(services.site.db, id);
}

export async function removeRule(
  services: CollectionServices,
  id: number,
  ruleId: number,
): Promise<DeviceCollection> {
  const now = services.clock.now().toISOString();
  await services.site.db.transaction().execute(async (trx) => {
    const target = await readCollection(trx, id);
    if (target.isBuiltIn && isBuiltInDefinition(target.collectionId))
      throw new SiteError(
        'refused',
        `${target.name} is a built-in collection; its members are defined by the site.`,
      );
    const deleted = await trx
      .deleteFrom('collection_rule')
      .where('id', '=', ruleId)
      .where('collection_id', '=', id)
      .executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0)
      throw new SiteError('not-found', `ruleId: collection ${id} has no rule ${ruleId}.`);
    await evaluateAllClients(trx, now);
  });
  services.events.publish({ type: 'data.changed', topics: ['collections', 'devices'] });
  return readCollection(services.site.db, id);
}

export async function memberIds(site: SiteDatabase, id: number): Promise<number[]> {
  await readCollection(site.read, id);
  const rows = await site.read
    .selectFrom('collection_member')
    .select('client_id')
    .where('collection_id', '=', id)
    .orderBy('client_id')
    .execute();
  return rows.map((row) => row.client_id);
}
