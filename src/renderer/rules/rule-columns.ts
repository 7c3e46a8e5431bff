import type { AutomaticDeploymentRule } from '../../shared/contract/automatic-deployment-rules';
import { formatDateTime } from '../format';
import { dateColumn, flagColumn } from '../nodes/column-kinds';
import type { ColumnSpec } from '../nodes/types';
import { RuleIcon, ruleIconText } from './rule-icon';

type Rule = AutomaticDeploymentRule;
type Column = ColumnSpec<Rule>;

const text = (id: string, header: string, value: (row: Rule) => string, width = 140): Column => ({
  id,
  header,
  width,
  text: value,
});

/**
 * The columns of §8.3 in the console's order, then Next Run Time, which the console does not
 * show and an admin running Patch Tuesday by schedule asks for first.
 */
export const ruleColumns: Column[] = [
  {
    id: 'icon',
    header: 'Icon',
    isIcon: true,
    isDefault: true,
    width: 40,
    text: ruleIconText,
    exportValue: (row) => (row.isEnabled ? 'Enabled' : 'Disabled'),
    cell: RuleIcon,
  },
  { ...text('name', 'Name', (r) => r.name, 210), isDefault: true, sortKey: 'name' },
  { ...text('description', 'Description', (r) => r.description, 160), isDefault: true },
  flagColumn<Rule>('enabled', 'Enabled', (r) => r.isEnabled, { isDefault: true, width: 72 }),
  dateColumn<Rule>('lastRunTime', 'Last Run Time', (r) => r.lastRunTime ?? '', {
    isDefault: true,
    sortKey: 'lastRunTime',
    width: 140,
  }),
  {
    ...text('lastErrorCode', 'Last Error Code', (r) => r.lastErrorCodeHex, 112),
    isDefault: true,
    exportValue: (r) => r.lastErrorCodeHex,
  },
  dateColumn<Rule>('lastErrorTime', 'Last Error Time', (r) => r.lastErrorTime ?? '', {
    isDefault: true,
    sortKey: 'lastErrorTime',
    width: 140,
  }),
  { ...text('collection', 'Collection', (r) => r.collectionName, 130), isDefault: true },
  { ...text('template', 'Template', (r) => r.template, 150) },
  dateColumn<Rule>('dateCreated', 'Date Created', (r) => r.dateCreated, {
    sortKey: 'dateCreated',
  }),
  { ...text('createdBy', 'Created By', (r) => r.createdBy, 110) },
  {
    ...text('nextRunTime', 'Next Run Time', nextRunText, 160),
    isDefault: true,
    sortKey: 'nextRunTime',
    exportValue: (r) => r.nextRunTime ?? r.nextRunText,
  },
];

/** The time of the next evaluation, or why there is none ("After the next synchronization"). */
export function nextRunText(rule: Rule): string {
  return rule.nextRunTime ? formatDateTime(rule.nextRunTime) : rule.nextRunText;
}
