import type { Command } from 'commander';
import type { StatusMessage } from '../../../shared/contract';
import { emitRows, parseFormat } from './output';
import { callSite } from './call-site';
import { openSiteFor, withSiteOptions, type SiteCommandOptions } from './site-options';

interface StatusOptions extends SiteCommandOptions {
  component?: string;
  id?: string[];
  since?: string;
  limit: string;
  format: string;
}

/** Monitoring > System Status > Status Messages, from the shell. */
export function registerStatusMessages(program: Command): void {
  withSiteOptions(
    program
      .command('status-messages')
      .description('Show status messages, newest first')
      .option('--component <name>', 'e.g. SMS_WSUS_SYNC_MANAGER')
      .option('--id <messageId...>', 'only these message ids, e.g. 6702 6703')
      .option('--since <time>', 'ISO date/time, e.g. 2026-11-10T00:00:00Z')
      .option('--limit <n>', 'how many', '100')
      .option('--format <format>', 'table, csv, json or xlsx', 'table')
      .option('--out <file>', 'write the list to a file (required for xlsx)'),
  ).action(async (options: StatusOptions) => {
    const format = parseFormat(options.format);
    const messageIds = (options.id ?? []).map((value) => {
      const id = Number(value);
      if (!Number.isInteger(id)) throw new Error(`--id: "${value}" is not a message id.`);
      return id;
    });
    let since: string | undefined;
    if (options.since) {
      const time = new Date(options.since);
      if (Number.isNaN(time.getTime()))
        throw new Error(`--since: "${options.since}" is not a date/time.`);
      since = time.toISOString();
    }
    const site = await openSiteFor(options, false);
    try {
      const page = await callSite(site, 'statusMessages.list', {
        filter: { component: options.component, messageIds, since },
        page: { size: Math.min(5000, Number(options.limit) || 100) },
      });
      await emitRows<StatusMessage>(
        page.rows,
        [
          { header: 'Severity', value: (m) => m.severity },
          { header: 'Time', value: (m) => m.time },
          { header: 'Site', value: (m) => m.siteCode },
          { header: 'Component', value: (m) => m.component },
          { header: 'Message ID', value: (m) => m.messageId },
          { header: 'Description', value: (m) => m.message },
        ],
        { format, out: options.out },
      );
    } finally {
      await site.close();
    }
  });
}
