import { sql, type Selectable } from 'kysely';
import type { StatusMessageTable } from '../db/schema-types';
import type {
  StatusMessage,
  StatusMessageListQuery,
  StatusSeverity,
} from '../../../shared/contract';
import type { ListPage } from '../../../shared/contract';
import type { Clock } from '../clock';
import type { SiteDatabase } from '../db/open-database';
import type { SiteEvents } from '../events/site-events';
import type { SiteLogs } from '../logs/site-logs';
import type { ComponentName } from '../logs/site-logs';
import { pageOf, readPage } from '../lists/keyset';

export interface StatusMessageInput {
  component: ComponentName;
  messageId: number;
  severity: StatusSeverity;
  message: string;
  insertionStrings?: string[];
  jobId?: number | null;
}

const severityLetter = { Informational: 'I', Warning: 'W', Error: 'E' } as const;

/**
 * Status messages as ConfigMgr components raise them: a row in the database (Monitoring >
 * System Status > Status Messages), the STATMSG line in the component's log, and an event so
 * every console shows it at once.
 */
export class StatusMessages {
  constructor(
    private readonly site: SiteDatabase,
    private readonly events: SiteEvents,
    private readonly logs: SiteLogs,
    private readonly clock: Clock,
    private readonly siteCode: string,
    private readonly machine: string,
  ) {}

  async raise(input: StatusMessageInput): Promise<StatusMessage> {
    const time = this.clock.now();
    const row = await this.site.db
      .insertInto('status_message')
      .values({
        site_code: this.siteCode,
        component: input.component,
        message_id: input.messageId,
        severity: input.severity,
        message: input.message,
        machine: this.machine,
        time: time.toISOString(),
        job_id: input.jobId ?? null,
        insertion_strings: JSON.stringify(input.insertionStrings ?? []),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const log = this.logs.component(input.component);
    log.statusMessage({
      messageId: input.messageId,
      severity: severityLetter[input.severity],
      component: input.component,
      machine: this.machine,
      siteCode: this.siteCode,
      pid: process.pid,
      tid: 0,
      time,
      insertionStrings: input.insertionStrings ?? [],
    });
    const message = toStatusMessage(row);
    this.events.publish({ type: 'statusMessage.created', message });
    return message;
  }

  async list(query: StatusMessageListQuery): Promise<ListPage<StatusMessage>> {
    const filter = query.filter ?? {};
    let base = this.site.read.selectFrom('status_message');
    if (filter.component) base = base.where('component', '=', filter.component);
    if (filter.messageIds?.length) base = base.where('message_id', 'in', filter.messageIds);
    if (filter.severities?.length) base = base.where('severity', 'in', filter.severities);
    if (filter.since) base = base.where('time', '>=', filter.since);
    if (filter.text) {
      const pattern = `%${filter.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      base = base.where(sql<boolean>`lower(message) LIKE lower(${pattern}) ESCAPE '\\'`);
    }
    const sortColumn = {
      time: 'time',
      component: 'component',
      messageId: 'message_id',
      severity: 'severity',
    } as const;
    const sort = query.sort ?? { column: 'time', direction: 'desc' as const };
    const page = await readPage<StatusMessageRow>(base, {
      sortColumn: sortColumn[sort.column],
      direction: sort.direction,
      idColumn: 'id',
      page: query.page,
    });
    return pageOf(page, toStatusMessage);
  }
}

type StatusMessageRow = Selectable<StatusMessageTable>;

function toStatusMessage(row: StatusMessageRow): StatusMessage {
  return {
    id: row.id,
    siteCode: row.site_code,
    component: row.component,
    messageId: row.message_id,
    severity: row.severity as StatusSeverity,
    message: row.message,
    machine: row.machine,
    time: row.time,
    jobId: row.job_id,
  };
}
