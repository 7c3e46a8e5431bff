import { CollectionQuery } from '../../../shared/contract/collections';
import type { Db } from '../compliance/update-counters';
import {
  collectionsOf,
  evaluationOrder,
  type ClientFacts,
  type CollectionDefinition,
} from './membership-rules';

/** Every collection with its rules, in evaluation order. */
export async function loadDefinitions(db: Db): Promise<CollectionDefinition[]> {
  const collections = await db
    .selectFrom('collection')
    .select(['id', 'collection_id', 'limiting_collection_id'])
    .orderBy('id')
    .execute();
  const rules = await db.selectFrom('collection_rule').selectAll().orderBy('id').execute();
  return evaluationOrder(
    collections.map((c) => ({
      id: c.id,
      collectionId: c.collection_id,
      limitingId: c.limiting_collection_id,
      rules: rules
        .filter((rule) => rule.collection_id === c.id)
        .map((rule) => ({
          kind: rule.kind,
          clientId: rule.client_id,
          otherCollectionId: rule.other_collection_id,
          query: rule.query ? CollectionQuery.parse(JSON.parse(rule.query)) : null,
        })),
    })),
  );
}

type ClientRow = {
  id: number;
  name: string;
  domain: string;
  os_name: string;
  os_build: string;
  is_server: number;
  client_version: string;
  products: string;
};

function factsOf(row: ClientRow): ClientFacts {
  return {
    id: row.id,
    name: row.name,
    domain: row.domain,
    osName: row.os_name,
    osBuild: row.os_build,
    isServer: row.is_server === 1,
    clientVersion: row.client_version,
    products: JSON.parse(row.products) as string[],
  };
}

const clientColumns = [
  'id',
  'name',
  'domain',
  'os_name',
  'os_build',
  'is_server',
  'client_version',
  'products',
] as const;

/**
 * Writes the difference between the members wanted and held for some clients. Member counts
 * are counted when read: a counter row per collection would be one hot row every registration
 * waits on (All Systems), and ten thousand clients registering at once would queue on it.
 * `isStamped` moves members_changed_at of the collections that changed (rule changes do; a
 * registration does not, for the same reason).
 */
async function applyMembership(
  db: Db,
  wanted: Map<number, Set<number>>,
  clientIds: number[] | 'all',
  now: string,
  isStamped: boolean,
) {
  let heldQuery = db.selectFrom('collection_member').select(['collection_id', 'client_id']);
  if (clientIds !== 'all') heldQuery = heldQuery.where('client_id', 'in', clientIds);
  const held = await heldQuery.execute();
  const heldSet = new Set(held.map((row) => `${row.collection_id}:${row.client_id}`));
  const changed = new Set<number>();
  const removed = held.filter((row) => !wanted.get(row.client_id)?.has(row.collection_id));
  for (const row of removed) {
    await db
      .deleteFrom('collection_member')
      .where('collection_id', '=', row.collection_id)
      .where('client_id', '=', row.client_id)
      .execute();
    changed.add(row.collection_id);
  }
  const added: Array<{ collection_id: number; client_id: number }> = [];
  for (const [clientId, collections] of wanted)
    for (const collectionId of collections)
      if (!heldSet.has(`${collectionId}:${clientId}`))
        added.push({ collection_id: collectionId, client_id: clientId });
  for (let start = 0; start < added.length; start += 1000)
    await db
      .insertInto('collection_member')
      .values(added.slice(start, start + 1000))
      .execute();
  for (const row of added) changed.add(row.collection_id);
  if (isStamped && changed.size > 0)
    await db
      .updateTable('collection')
      .set({ members_changed_at: now })
      .where('id', 'in', [...changed])
      .execute();
}

/** Incremental evaluation when a client registers or changes: only its own memberships move. */
export async function evaluateClient(db: Db, clientId: number, now: string): Promise<void> {
  const row = await db
    .selectFrom('client')
    .select(clientColumns)
    .where('id', '=', clientId)
    .executeTakeFirstOrThrow();
  const ordered = await loadDefinitions(db);
  await applyMembership(
    db,
    new Map([[clientId, collectionsOf(ordered, factsOf(row))]]),
    [clientId],
    now,
    false,
  );
}

/** After a rule changed: every client against the collections, writing only differences. */
export async function evaluateAllClients(db: Db, now: string): Promise<void> {
  const ordered = await loadDefinitions(db);
  const clients = await db.selectFrom('client').select(clientColumns).execute();
  const wanted = new Map(clients.map((row) => [row.id, collectionsOf(ordered, factsOf(row))]));
  await applyMembership(db, wanted, 'all', now, true);
}

/**
 * A full update of one collection (Update Membership, or its schedule): every client evaluated
 * afresh, and only this collection's rows written. Collections it reads (its limiting,
 * included and excluded ones) are evaluated too but keep their stored members until their own
 * update, as in ConfigMgr.
 */
export async function refreshCollection(
  db: Db,
  collectionId: number,
  now: string,
): Promise<{ added: number; removed: number }> {
  const ordered = await loadDefinitions(db);
  const clients = await db.selectFrom('client').select(clientColumns).execute();
  const wanted = new Set(
    clients
      .filter((row) => collectionsOf(ordered, factsOf(row)).has(collectionId))
      .map((row) => row.id),
  );
  const held = await db
    .selectFrom('collection_member')
    .select('client_id')
    .where('collection_id', '=', collectionId)
    .execute();
  const heldIds = new Set(held.map((row) => row.client_id));
  const removed = [...heldIds].filter((id) => !wanted.has(id));
  const added = [...wanted].filter((id) => !heldIds.has(id));
  for (let start = 0; start < removed.length; start += 1000)
    await db
      .deleteFrom('collection_member')
      .where('collection_id', '=', collectionId)
      .where('client_id', 'in', removed.slice(start, start + 1000))
      .execute();
  for (let start = 0; start < added.length; start += 1000)
    await db
      .insertInto('collection_member')
      .values(
        added
          .slice(start, start + 1000)
          .map((id) => ({ collection_id: collectionId, client_id: id })),
      )
      .execute();
  await db
    .updateTable('collection')
    .set({
      last_refreshed_at: now,
      ...(added.length + removed.length > 0 && { members_changed_at: now }),
    })
    .where('id', '=', collectionId)
    .execute();
  return { added: added.length, removed: removed.length };
}
