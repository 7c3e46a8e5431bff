import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MethodInput } from '../../src/shared/contract';
import type { RuleRunResult } from '../../src/shared/contract/automatic-deployment-rules';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { makeRecord } from './catalog-fixtures';
import { call } from './compliance-site';
import { jobEnd } from './test-site';

export type RuleRequest = MethodInput<'rules.create'>;

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

/**
 * An update whose one file the loopback payload server holds. With `isCorrupt` the catalog
 * carries another file's hash, so the download fails its hash check after the bytes arrived.
 */
export function servedRecord(
  name: string,
  payloads: Map<string, Buffer>,
  urlOf: (file: string) => string,
  options: { isCorrupt?: boolean; overrides?: Partial<UpdateRecord> } = {},
): UpdateRecord {
  const fileName = `${name}-x64.msu`;
  const body = Buffer.alloc(50_000 + payloads.size * 1000, name);
  payloads.set(fileName, body);
  const hashed = options.isCorrupt ? Buffer.from(`not ${name}`) : body;
  return makeRecord(name, {
    contentFiles: [
      {
        fileName,
        url: urlOf(fileName),
        size: body.length,
        sha256: sha256(hashed),
        sha1: sha1(hashed),
        language: '',
      },
    ],
    ...options.overrides,
  });
}

/** A rule of the wizard's defaults to a collection, with the criteria and a new package. */
export function ruleOf(
  name: string,
  collectionId: number,
  criteria: RuleRequest['softwareUpdates']['criteria'],
  more: Partial<RuleRequest> = {},
): RuleRequest {
  return {
    general: { name, collectionId },
    softwareUpdates: { criteria },
    content: {
      deploymentPackage: {
        choice: 'new',
        package: {
          name: `${name} package`,
          sourcePath: mkdtempSync(join(tmpdir(), 'patchbay-rule-pkg-')),
        },
      },
      languageSelection: { languages: ['en'] },
    },
    ...more,
  };
}

/** Creates a rule that runs at once and waits for the run; returns the rule and the run. */
export async function createAndRun(
  site: Site,
  request: RuleRequest,
): Promise<{ id: number; job: Awaited<ReturnType<typeof jobEnd>>; result: RuleRunResult }> {
  const { id, jobId } = await call(site, 'rules.create', request);
  if (jobId === null) throw new Error('the rule did not run');
  const job = await jobEnd(site, jobId, 60_000);
  return { id, job, result: job.result as RuleRunResult };
}

export async function runNow(site: Site, id: number) {
  const { jobId } = await call(site, 'rules.run', { id });
  const job = await jobEnd(site, jobId, 60_000);
  return { job, result: job.result as RuleRunResult };
}

/** Every file under a folder, relative, for "the package source holds nothing new". */
export function filesUnder(folder: string, prefix = ''): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    return statSync(path).isDirectory()
      ? filesUnder(path, `${prefix}${entry}/`)
      : [`${prefix}${entry}`];
  });
}
