import { appendFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { formatSmsLine, type LogSeverity } from './cmtrace-line';
import { formatStatusMessageLine, type StatusMessageLine } from './statmsg-line';

/** ConfigMgr's defaults for server component logs (spec §12.1). */
export const defaultMaxLogBytes = 250_000;
export const minimumMaxLogBytes = 10_000;

export interface ComponentLogOptions {
  /** Size at which the .log is renamed to .lo_ and a new one started. */
  maxBytes?: number;
  now?: () => Date;
}

/**
 * One component's log file in the SMS (server) CMTrace format. Writes are synchronous appends
 * so a line is on disk before the component moves on: a log that loses its last lines when
 * the process dies is useless to an admin reading why it died.
 */
export class ComponentLog {
  private readonly maxBytes: number;
  private readonly now: () => Date;
  private size: number;

  constructor(
    readonly path: string,
    readonly component: string,
    options: ComponentLogOptions = {},
  ) {
    this.maxBytes = Math.max(options.maxBytes ?? defaultMaxLogBytes, minimumMaxLogBytes);
    this.now = options.now ?? (() => new Date());
    this.size = existsSync(path) ? statSync(path).size : 0;
  }

  info(text: string): void {
    this.write(text, 'info');
  }

  warning(text: string): void {
    this.write(text, 'warning');
  }

  error(text: string): void {
    this.write(text, 'error');
  }

  statusMessage(message: StatusMessageLine): void {
    this.write(formatStatusMessageLine(message), message.severity === 'E' ? 'error' : 'info');
  }

  /** The history file ConfigMgr keeps: one generation, `<name>.lo_`. */
  get historyPath(): string {
    return this.path.replace(/\.log$/i, '.lo_');
  }

  private write(text: string, severity: LogSeverity): void {
    const line = `${formatSmsLine({ text, component: this.component, time: this.now(), thread: threadId(), severity })}\r\n`;
    const bytes = Buffer.byteLength(line);
    if (this.size > 0 && this.size + bytes > this.maxBytes) this.rollOver();
    appendFileSync(this.path, line);
    this.size += bytes;
  }

  private rollOver(): void {
    rmSync(this.historyPath, { force: true });
    if (existsSync(this.path)) renameSync(this.path, this.historyPath);
    this.size = 0;
  }
}

/** Node has one JS thread; the pid stands in so lines from two processes sharing a site differ. */
function threadId(): number {
  return process.pid;
}
