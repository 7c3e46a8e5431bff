import { sql } from 'kysely';
import type { z } from 'zod';
import type { StateMessageBatch } from '../../../shared/contract/compliance';
import type { Db } from '../compliance/update-counters';

type Message = z.output<typeof StateMessageBatch>['messages'][number];
type DeploymentMessage = Extract<Message, { topicType: 300 | 301 | 302 }>;

const chunkSize = 1000;

function isDeploymentMessage(message: Message): message is DeploymentMessage {
  return message.topicType === 300 || message.topicType === 301 || message.topicType === 302;
}

/** AssignmentUniqueIDs are GUIDs; clients may send them in either case. */
const topicKey = (topicId: string) => topicId.trim().toLowerCase();

/**
 * The deployment half of a state message batch, inside the batch's transaction: the latest
 * 300/301/302 message per deployment becomes the client's state for it (an older message time
 * never replaces a newer one), messages for deployments this site does not have yet are kept to
 * be replayed when one with that AssignmentUniqueID is created, and detection states (500) that
 * make every update of a deployment Installed or Not Required count the client Compliant.
 */
export async function applyDeploymentMessages(
  db: Db,
  clientId: number,
  batchId: string,
  messages: readonly Message[],
  detectedCiIds: readonly number[],
): Promise<void> {
  const latest = new Map<string, DeploymentMessage>();
  for (const message of messages.filter(isDeploymentMessage)) {
    const key = topicKey(message.topicId);
    const held = latest.get(key);
    // Within a batch a later message of the same time is the later event.
    if (!held || held.time <= message.time) latest.set(key, message);
  }
  if (latest.size > 0) {
    const known = await db
      .selectFrom('deployment')
      .select(['id', 'assignment_unique_id'])
      .where(sql<string>`lower(assignment_unique_id)`, 'in', [...latest.keys()])
      .execute();
    const deploymentOf = new Map(known.map((row) => [topicKey(row.assignment_unique_id), row.id]));
    const states = [...latest].flatMap(([key, message]) => {
      const deploymentId = deploymentOf.get(key);
      return deploymentId === undefined ? [] : [{ deploymentId, message }];
    });
    for (const { deploymentId, message } of states)
      await upsertNewerState(db, {
        deployment_id: deploymentId,
        client_id: clientId,
        topic_type: message.topicType,
        state_id: message.stateId,
        error_code: message.errorCode,
        state_time: message.time,
      });
    const unknown = messages
      .filter(isDeploymentMessage)
      .filter((m) => !deploymentOf.has(topicKey(m.topicId)))
      .map((m) => ({
        client_id: clientId,
        batch_id: batchId,
        topic_type: m.topicType,
        topic_id: topicKey(m.topicId),
        state_id: m.stateId,
        error_code: m.errorCode,
        state_time: m.time,
      }));
    for (let start = 0; start < unknown.length; start += chunkSize)
      await db
        .insertInto('client_enforcement_message')
        .values(unknown.slice(start, start + chunkSize))
        .execute();
  }
  if (detectedCiIds.length > 0)
    await deriveDeploymentCompliance(db, { clientId, ciIds: detectedCiIds });
}

interface StateRow {
  deployment_id: number;
  client_id: number;
  topic_type: number;
  state_id: number;
  error_code: number;
  state_time: string;
}

async function upsertNewerState(db: Db, row: StateRow): Promise<void> {
  await db
    .insertInto('client_deployment_state')
    .values(row)
    .onConflict((conflict) =>
      conflict
        .columns(['deployment_id', 'client_id'])
        .doUpdateSet({
          topic_type: row.topic_type,
          state_id: row.state_id,
          error_code: row.error_code,
          state_time: row.state_time,
        })
        .where('client_deployment_state.state_time', '<=', row.state_time),
    )
    .execute();
}

/**
 * Replays the enforcement messages clients sent for a deployment before it existed on this site
 * (a deployment created at a CAS, or messages racing the create), in the creating transaction:
 * each client's latest message becomes its state, and the replayed messages are removed.
 * Returns how many clients got a state.
 */
export async function replayEnforcementMessages(
  db: Db,
  deploymentId: number,
  uniqueId: string,
): Promise<number> {
  const topicIds = [...new Set([uniqueId, topicKey(uniqueId)])];
  const result = await sql`
    INSERT INTO client_deployment_state
      (deployment_id, client_id, topic_type, state_id, error_code, state_time)
    SELECT ${deploymentId}, client_id, topic_type, state_id, error_code, state_time
    FROM (
      SELECT client_id, topic_type, state_id, error_code, state_time,
        ROW_NUMBER() OVER (
          PARTITION BY client_id ORDER BY state_time DESC, batch_id DESC, topic_type DESC
        ) AS position
      FROM client_enforcement_message
      WHERE topic_id IN (${sql.join(topicIds)})
    ) latest
    WHERE position = 1
    ON CONFLICT (deployment_id, client_id) DO UPDATE SET
      topic_type = excluded.topic_type, state_id = excluded.state_id,
      error_code = excluded.error_code, state_time = excluded.state_time
    WHERE client_deployment_state.state_time <= excluded.state_time
  `.execute(db);
  await db.deleteFrom('client_enforcement_message').where('topic_id', 'in', topicIds).execute();
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Spec §9.3: a client whose detection states (TopicType 500) say every update of a deployment is
 * Installed or Not Required is Compliant even if it sent no 300/1 (verbosity 1 sends only errors;
 * a client that never needed the updates installs nothing). It is written as a 300/1 state at
 * the newest of those detection times, so a later enforcement message still wins, and it never
 * replaces a state that is already Compliant. Set-based: per client at ingest, per deployment
 * at creation and at summarization.
 */
export async function deriveDeploymentCompliance(
  db: Db,
  scope: { clientId?: number; ciIds?: readonly number[]; deploymentIds?: readonly number[] },
): Promise<void> {
  const conditions = [sql`s.state IN (1, 3)`];
  if (scope.clientId !== undefined) conditions.push(sql`s.client_id = ${scope.clientId}`);
  if (scope.deploymentIds)
    conditions.push(
      scope.deploymentIds.length === 0
        ? sql`1 = 0`
        : sql`du.deployment_id IN (${sql.join(scope.deploymentIds)})`,
    );
  if (scope.ciIds)
    conditions.push(
      sql`du.deployment_id IN (SELECT deployment_id FROM deployment_update WHERE ci_id IN (${sql.join(scope.ciIds)}))`,
    );
  await sql`
    INSERT INTO client_deployment_state
      (deployment_id, client_id, topic_type, state_id, error_code, state_time)
    SELECT du.deployment_id, s.client_id, 300, 1, 0, MAX(s.state_time)
    FROM deployment_update du
    JOIN deployment d ON d.id = du.deployment_id
    JOIN collection_member m ON m.collection_id = d.collection_id
    JOIN client_update_state s ON s.client_id = m.client_id AND s.ci_id = du.ci_id
    WHERE ${sql.join(conditions, sql` AND `)}
    GROUP BY du.deployment_id, s.client_id
    HAVING COUNT(*) = (
      SELECT COUNT(*) FROM deployment_update t WHERE t.deployment_id = du.deployment_id
    )
    ON CONFLICT (deployment_id, client_id) DO UPDATE SET
      topic_type = 300, state_id = 1, error_code = 0, state_time = excluded.state_time
    WHERE client_deployment_state.state_time < excluded.state_time
      AND NOT (client_deployment_state.topic_type = 300 AND client_deployment_state.state_id = 1)
      AND NOT (client_deployment_state.topic_type = 301 AND client_deployment_state.state_id = 4)
  `.execute(db);
}
