import { createWriteStream, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { z } from 'zod';
import type { SiteDatabase } from '../db/open-database';
import { defineJob, JobCancelledError, type JobContext } from '../jobs/job-handler';
import type { StatusMessages } from '../status/status-messages';

export const backupJobKind = 'site.backupDatabase';

/**
 * ConfigMgr's backup task (SMS_SITE_BACKUP, smsbkup.log) raises 5055 when it starts and 5035
 * when it completes; the failure id below is our best match [INF].
 */
const messageIds = { started: 5055, completed: 5035, failed: 5040 } as const;

export interface BackupDependencies {
  site: SiteDatabase;
  statusMessages: StatusMessages;
  backupsFolder: string;
}

/**
 * Backs up the site database into the backups folder: on SQLite a page-by-page online copy
 * (better-sqlite3's backup API, which the console can keep using meanwhile); on PostgreSQL a
 * consistent logical export (one REPEATABLE READ snapshot, every table as gzip'd NDJSON). The
 * file is written under a temporary name and renamed only when complete.
 */
export function backupSiteDatabaseJob(deps: BackupDependencies) {
  return defineJob({
    kind: backupJobKind,
    params: z.object({}).strict(),
    maxAttempts: 1,
    isResumable: false,
    async run(context) {
      mkdirSync(deps.backupsFolder, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const extension = deps.site.dialect === 'sqlite' ? 'db' : 'ndjson.gz';
      // The job id keeps two backups started in the same millisecond apart.
      const target = join(deps.backupsFolder, `site-${stamp}-job${context.jobId}.${extension}`);
      const partial = `${target}.partial`;
      await deps.statusMessages.raise({
        component: 'SMS_SITE_BACKUP',
        messageId: messageIds.started,
        severity: 'Informational',
        message: `Site backup started for ${deps.site.location}.`,
        jobId: context.jobId,
      });
      try {
        if (deps.site.dialect === 'sqlite') await copySqlite(deps.site, partial, context);
        else await exportPostgres(deps.site, partial, context);
        renameSync(partial, target);
      } catch (error) {
        rmSync(partial, { force: true });
        if (!(error instanceof JobCancelledError) && !context.signal.aborted) {
          await deps.statusMessages.raise({
            component: 'SMS_SITE_BACKUP',
            messageId: messageIds.failed,
            severity: 'Error',
            message: `Site backup failed: ${(error as Error).message}`,
            jobId: context.jobId,
          });
        }
        throw error;
      }
      const bytes = statSync(target).size;
      await context.log(`Backup written to ${target} (${bytes} bytes).`);
      await deps.statusMessages.raise({
        component: 'SMS_SITE_BACKUP',
        messageId: messageIds.completed,
        severity: 'Informational',
        message: `Site backup completed successfully: ${target}.`,
        insertionStrings: [target],
        jobId: context.jobId,
      });
      return { file: target, bytes };
    },
    /** The process was killed mid-copy: its partial file goes, and the failure is raised. */
    async abandoned(job) {
      mkdirSync(deps.backupsFolder, { recursive: true });
      for (const name of readdirSync(deps.backupsFolder))
        if (name.includes(`-job${job.jobId}.`) && name.endsWith('.partial'))
          rmSync(join(deps.backupsFolder, name), { force: true });
      if (job.state !== 'failed') return;
      await deps.statusMessages.raise({
        component: 'SMS_SITE_BACKUP',
        messageId: messageIds.failed,
        severity: 'Error',
        message: `Site backup failed: ${job.reason}`,
        jobId: job.jobId,
      });
    },
  });
}

async function copySqlite(site: SiteDatabase, target: string, context: JobContext<unknown>) {
  const sqlite = site.sqlite!;
  const copied = await sqlite.backup(target, {
    progress({ totalPages, remainingPages }) {
      if (context.signal.aborted) throw new JobCancelledError();
      const done = totalPages - remainingPages;
      context.progress(
        totalPages === 0 ? 1 : done / totalPages,
        `Copied ${done} of ${totalPages} pages.`,
      );
      // Small steps keep the database responsive for the console while the copy runs.
      return 256;
    },
  });
  // The last step reports before it copies; say the whole file is copied once it is.
  context.progress(1, `Copied ${copied.totalPages} of ${copied.totalPages} pages.`);
}

async function exportPostgres(site: SiteDatabase, target: string, context: JobContext<unknown>) {
  const client = await site.pool!.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = (
      await client.query<{ table_name: string; estimate: number }>(
        `SELECT c.relname AS table_name, GREATEST(c.reltuples, 0)::bigint AS estimate
           FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = current_schema() AND c.relkind = 'r' ORDER BY c.relname`,
      )
    ).rows;
    const totalEstimate = Math.max(
      1,
      tables.reduce((sum, t) => sum + Number(t.estimate), 0),
    );
    let written = 0;
    async function* lines() {
      yield `${JSON.stringify({ format: 'patchbay-site-backup', version: 1, database: site.location })}\n`;
      for (const { table_name: table } of tables) {
        await client.query(`DECLARE backup_cursor NO SCROLL CURSOR FOR SELECT * FROM "${table}"`);
        for (;;) {
          if (context.signal.aborted) throw new JobCancelledError();
          const chunk = await client.query('FETCH 2000 FROM backup_cursor');
          if (chunk.rows.length === 0) break;
          let text = '';
          for (const row of chunk.rows) text += `${JSON.stringify({ table, row })}\n`;
          written += chunk.rows.length;
          context.progress(
            Math.min(0.99, written / totalEstimate),
            `Exported ${written} rows (table ${table}).`,
          );
          yield text;
        }
        await client.query('CLOSE backup_cursor');
      }
    }
    await pipeline(Readable.from(lines()), createGzip(), createWriteStream(target));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
