import { addColumn, id, int, json, table, text, time } from '../ddl';
import type { Migration } from './migration';

/**
 * What the rule engine (issue 14) keeps beyond migration 0005: the sentence a failed run gave
 * (Last Error Code alone tells an admin little), the deployment each of a rule's deployments
 * last made or refreshed (so existing-group mode refreshes it instead of adding another), and
 * the rule templates saved from the wizard's Summary page.
 */
export const migration: Migration = {
  id: '0014-rule-engine',
  statements: [
    addColumn('automatic_deployment_rule', text('last_error_message', "NOT NULL DEFAULT ''")),
    addColumn('automatic_deployment_rule', int('deployment_id')),
    addColumn('adr_deployment', int('deployment_id')),
    table('rule_template', [
      id(),
      text('name', 'NOT NULL UNIQUE'),
      json('settings', 'NOT NULL'),
      time('created_at', 'NOT NULL'),
      text('created_by', 'NOT NULL'),
    ]),
  ],
};
