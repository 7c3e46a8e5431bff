import { createHash } from 'node:crypto';
import type { UpdateRecord } from '../catalog/update-record';

/**
 * What a synchronization source hands the sync job. A catalog bundle or a parent site delivers
 * the whole catalog (a snapshot the site database is made to match); MSRC CVRF documents only
 * carry security data, which is merged onto the updates the site already has.
 */
export type SyncPayload =
  | {
      kind: 'snapshot';
      /** For the Synchronization Source column and the log. */
      sourceLabel: string;
      records: UpdateRecord[];
      /** A parent site's catalog version, remembered for the next incremental sync. */
      upstreamCatalogVersion?: number;
      /** Set by an incremental upstream sync: update ids the parent still has but did not resend. */
      unchangedUpdateIds?: string[];
      /** The source's own content digest (a bundle's manifest), so an unchanged one is not read again. */
      digest?: string;
    }
  | {
      /** The source is exactly what the last synchronization took; only the rules run again. */
      kind: 'unchanged';
      sourceLabel: string;
      digest: string;
    }
  | {
      kind: 'msrc-merge';
      sourceLabel: string;
      remediations: MsrcRemediation[];
    };

/** One KB's security data from MSRC CVRF documents, merged onto the updates with that KB. */
export interface MsrcRemediation {
  articleId: string;
  /** Highest MSRC severity over the products the KB fixes. */
  severity: string;
  cves: UpdateRecord['cves'];
  /** KBs this one supersedes, from the CVRF Supercedence element. */
  supersedesArticleIds: string[];
  restartBehavior: string;
}

export interface SyncSourceContext {
  signal: AbortSignal;
  /** A folder the source may use for downloads; removed after the sync. */
  workFolder: string;
  log(text: string): void;
  /** A full synchronization reads everything even when the source is unchanged. */
  isFull: boolean;
  /** sourceDigest() of the last successful synchronization, and what the selection is now. */
  previousDigest: string | null;
  selectionKey: string;
  /** Source phase progress (6704), as items processed out of a total. */
  progress(done: number, total: number): void;
}

/** What a synchronization stores: the source content and the selection it was filtered with. */
export function sourceDigest(contentDigest: string, selectionKey: string): string {
  return createHash('sha256').update(contentDigest).update('\n').update(selectionKey).digest('hex');
}
