import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/** The process that holds a job's lease, as recorded on the job row. */
export interface OwnerProcess {
  host: string;
  pid: number;
  /**
   * `linux:<boot id>:<start time in clock ticks>` where the kernel tells it, so a pid reused by
   * another process (or after a reboot) is not mistaken for the owner; `token:<random>` elsewhere,
   * where only a missing pid proves the owner gone and the lease's expiry covers the rest.
   */
  startToken: string;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

const bootId = readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

/**
 * Field 22 of /proc/<pid>/stat (starttime); the command name before it may hold spaces. A zombie
 * (state Z: killed, not yet reaped by its parent) runs nothing any more. Null when unreadable.
 */
function linuxStat(pid: number): { startToken: string; isZombie: boolean } | null {
  if (!bootId) return null;
  const stat = readText(`/proc/${pid}/stat`);
  if (!stat) return null;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const startTime = fields[19];
  if (!startTime) return null;
  return { startToken: `linux:${bootId}:${startTime}`, isZombie: fields[0] === 'Z' };
}

/** Another process on this host as a lease would record it, where the kernel tells its start. */
export function ownerProcessOf(pid: number): OwnerProcess | null {
  const stat = linuxStat(pid);
  return stat && !stat.isZombie ? { host: hostname(), pid, startToken: stat.startToken } : null;
}

let current: OwnerProcess | null = null;

/** This process, computed once. */
export function currentProcess(): OwnerProcess {
  current ??= {
    host: hostname(),
    pid: process.pid,
    startToken: linuxStat(process.pid)?.startToken ?? `token:${randomUUID()}`,
  };
  return current;
}

function isPidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the pid exists but belongs to another user, so it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * True only when the owner is certainly gone: it ran on this host and its pid is no longer alive,
 * or the pid now belongs to a process started at another time. An owner on another host, or one
 * this platform cannot tell apart, is never declared gone here; its lease expiry decides.
 */
export function isOwnerGone(owner: {
  host: string | null;
  pid: number | null;
  startToken: string | null;
}): boolean {
  const self = currentProcess();
  if (owner.host !== self.host || owner.pid === null || owner.startToken === null) return false;
  if (owner.pid === self.pid) return owner.startToken !== self.startToken;
  if (!isPidAlive(owner.pid)) return true;
  if (!owner.startToken.startsWith('linux:')) return false;
  const stat = linuxStat(owner.pid);
  // Unreadable (another user's process behind hidepid): not provably gone.
  if (!stat) return false;
  return stat.isZombie || stat.startToken !== owner.startToken;
}
