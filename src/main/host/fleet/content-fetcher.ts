import { createHash } from 'node:crypto';
import type { PolicyContentFile } from '../../../shared/contract/client-protocol';
import { downloadFailureCodes } from './enforcement-error-codes';

/** A download that failed, with the HRESULT the agent reports in its 301/9 message. */
export class DownloadFailure extends Error {
  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
  }
}

export interface DownloadTotals {
  /** Bytes received from distribution points over HTTP and verified. */
  bytesFromDistributionPoints: number;
  /** Bytes a client took from a peer in its subnet (BranchCache) instead of a DP. */
  bytesFromPeers: number;
  filesFromDistributionPoints: number;
  failures: number;
}

/**
 * How simulated clients get content: over HTTP from a distribution point the policy names,
 * hash-verified, with at most `concurrency` transfers in flight for the whole fleet. When the
 * deployment allows BranchCache, a client whose subnet already holds a file takes it from the
 * peer (one DP transfer per subnet and file), which keeps a fleet feasible on one machine.
 */
export class ContentFetcher {
  readonly totals: DownloadTotals = {
    bytesFromDistributionPoints: 0,
    bytesFromPeers: 0,
    filesFromDistributionPoints: 0,
    failures: 0,
  };
  private readonly subnets = new Map<string, Promise<void>>();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly siteUrl: string,
    private readonly concurrency: number,
  ) {}

  /** One file for one client: from its subnet's peers when allowed, else from a DP. */
  async fetch(file: PolicyContentFile, subnet: number | null): Promise<void> {
    if (subnet === null) return this.fromDistributionPoint(file);
    const key = `${subnet}|${file.sha256}`;
    const held = this.subnets.get(key);
    if (held) {
      await held;
      this.totals.bytesFromPeers += file.size;
      return;
    }
    const transfer = this.fromDistributionPoint(file);
    this.subnets.set(key, transfer);
    // A failed transfer leaves nothing cached: the next client in the subnet tries a DP.
    transfer.catch(() => this.subnets.delete(key));
    await transfer;
  }

  private async fromDistributionPoint(file: PolicyContentFile): Promise<void> {
    if (file.locations.length === 0) {
      this.totals.failures += 1;
      throw new DownloadFailure(
        downloadFailureCodes.noContentLocation,
        `No distribution point holds ${file.fileName}.`,
      );
    }
    await this.slot();
    try {
      let last: DownloadFailure | null = null;
      for (const location of file.locations) {
        try {
          const bytes = await this.download(new URL(location, `${this.siteUrl}/`), file);
          this.totals.bytesFromDistributionPoints += bytes;
          this.totals.filesFromDistributionPoints += 1;
          return;
        } catch (error) {
          last =
            error instanceof DownloadFailure
              ? error
              : new DownloadFailure(downloadFailureCodes.cannotConnect, (error as Error).message);
        }
      }
      this.totals.failures += 1;
      throw last!;
    } finally {
      this.release();
    }
  }

  private async download(url: URL, file: PolicyContentFile): Promise<number> {
    const response = await fetch(url);
    if (response.status === 404) {
      await response.body?.cancel();
      throw new DownloadFailure(downloadFailureCodes.notFound, `${url} answered 404.`);
    }
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new DownloadFailure(
        downloadFailureCodes.cannotConnect,
        `${url} answered ${response.status}.`,
      );
    }
    const hash = createHash('sha256');
    let bytes = 0;
    for await (const chunk of response.body) {
      hash.update(chunk);
      bytes += chunk.length;
    }
    const actual = hash.digest('hex');
    if (actual !== file.sha256)
      throw new DownloadFailure(
        downloadFailureCodes.hashMismatch,
        `${file.fileName} from ${url} hashes to ${actual}, not ${file.sha256}.`,
      );
    return bytes;
  }

  private async slot(): Promise<void> {
    if (this.active < this.concurrency) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter.
    if (next) next();
    else this.active -= 1;
  }
}
