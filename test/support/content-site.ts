import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { MethodInput, MethodOutput, SiteMethod } from '../../src/shared/contract';
import { SiteError } from '../../src/shared/errors';
import { dispatchCall } from '../../src/main/site/api/dispatch';
import type { UpdateRecord } from '../../src/main/site/catalog/update-record';
import type { Site } from '../../src/main/site/site';
import { bundleOf, makeRecord } from './catalog-fixtures';
import type { EngineName } from './engines';
import { startPayloadServer, type PayloadServer } from './payload-server';
import { syncAndWait } from './sync-helpers';
import { openTestSite } from './test-site';

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const sha1 = (data: Buffer) => createHash('sha1').update(data).digest('hex');

/** A contract call as the console makes it, through the same dispatch and its schemas. */
export async function call<M extends SiteMethod>(
  site: Site,
  method: M,
  input: MethodInput<M>,
): Promise<MethodOutput<M>> {
  const result = await dispatchCall(site.handlers, method, input, {
    user: 'CONTOSO\\admin',
    transport: 'test',
  });
  if (!result.ok) throw SiteError.fromData(result.error);
  return result.value as MethodOutput<M>;
}

/** The sentence a refused call answers with. */
export async function refusalOf<M extends SiteMethod>(
  site: Site,
  method: M,
  input: MethodInput<M>,
): Promise<string> {
  return call(site, method, input).then(
    () => 'accepted',
    (error: Error) => error.message,
  );
}

export const folder = (prefix = 'patchbay-pkgsrc-') => mkdtempSync(join(tmpdir(), prefix));

/** Download Software Updates Wizard input that creates a package. */
export function newPackage(name: string, sourcePath: string, ciIds: number[], dps: number[] = []) {
  return {
    selection: { ciIds },
    deploymentPackage: { choice: 'new' as const, package: { name, sourcePath } },
    distributionPoints: { distributionPointIds: dps, distributionPointGroupIds: [] },
    location: { source: 'internet' as const },
    languageSelection: { languages: ['en'] },
  };
}

/**
 * A site on a real engine, synchronized with updates whose files a loopback server holds (one
 * file each, named `<name>.cab`). `cleanup` collects what the test must close.
 */
export async function openContentSite(
  engine: EngineName,
  names: string[],
  cleanup: Array<() => Promise<void>>,
) {
  const payloads = new Map(names.map((name) => [`${name}.cab`, Buffer.alloc(50_000, name)]));
  const server: PayloadServer = await startPayloadServer(payloads);
  cleanup.push(() => server.close());
  const records: UpdateRecord[] = names.map((name) =>
    makeRecord(name, {
      contentFiles: [
        {
          fileName: `${name}.cab`,
          url: server.urlOf(`${name}.cab`),
          size: payloads.get(`${name}.cab`)!.length,
          sha256: sha256(payloads.get(`${name}.cab`)!),
          sha1: sha1(payloads.get(`${name}.cab`)!),
          language: '',
        },
      ],
    }),
  );
  const opened = await openTestSite(engine, {
    bundledCatalogFolder: null,
    content: { attempts: 2, backoffMs: 10, concurrency: 2, demoBytesPerSecond: 0 },
  });
  cleanup.push(opened.dispose);
  await opened.site.supSettings.set({ syncSourceLocation: bundleOf(records) });
  expect((await syncAndWait(opened.site)).error).toBeNull();
  const rows = await opened.site.database.db
    .selectFrom('software_update')
    .select(['ci_id', 'update_id', 'title'])
    .execute();
  const update = (name: string) => {
    const record = records[names.indexOf(name)]!;
    return {
      ciId: rows.find((row) => row.update_id === record.updateId)!.ci_id,
      updateId: record.updateId,
      relativePath: `${record.updateId}/${name}.cab`,
      body: payloads.get(`${name}.cab`)!,
    };
  };
  return { ...opened, server, update };
}
