import { index } from '../ddl';
import type { Migration } from './migration';

/**
 * View Status of a deployment to 200,000 clients in under 500 ms (performance.md P11): the
 * counters group a deployment's latest states by (topic, state) and join each to the target
 * collection's membership, so both sides are read from indexes that hold every column they use.
 * Enforcement messages for deployments not yet created are found by their AssignmentUniqueID
 * when the deployment is created and replayed.
 */
export const migration: Migration = {
  id: '0011-deployment-status',
  statements: [
    index(
      'client_deployment_state_category',
      'client_deployment_state',
      'deployment_id, topic_type, state_id, client_id',
    ),
    index('client_enforcement_message_topic', 'client_enforcement_message', 'topic_id, client_id'),
    index('alert_by_type', 'alert', 'type, state'),
  ],
};
