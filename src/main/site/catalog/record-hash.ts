import { createHash } from 'node:crypto';
import type { UpdateRecord } from './update-record';

/** A stable hash of everything sync writes for one update; equal hashes mean nothing to do. */
export function recordHash(record: UpdateRecord): string {
  return createHash('sha1').update(JSON.stringify(record)).digest('hex');
}
