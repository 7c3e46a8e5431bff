import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportNames } from '../../src/shared/contract/reports';
import { patchbay, temporaryFolders } from '../support/cli';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { workbookSheets, zipEntries } from '../support/zip-entries';

describe('patchbay report from the shell', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('lists the reports, refuses a missing or unknown parameter listing the valid ones, runs to XLSX and JSON, and schedules one that writes its file', async () => {
    const site = folders.folder('patchbay-cli-reports-');
    await patchbay(site, 'db', 'init');
    await patchbay(site, 'catalog', 'import', bundleOf([makeRecord('cu'), makeRecord('dotnet')]));

    const list = await patchbay(site, 'report', 'list', '--format', 'csv');
    const lines = list.stdout.trim().split(/\r?\n/);
    expect(lines[0]).toBe('Category,Report,Parameters');
    expect(lines.slice(1).map((line) => line.split(',')[1])).toEqual([...reportNames]);

    const missing = await patchbay(site, 'report', 'run', 'Compliance 1', '--format', 'json');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('needs Collection');
    expect(missing.stderr).toContain(
      'collection (Collection, required), group (Software update group, optional)',
    );
    const unknown = await patchbay(
      site,
      'report',
      'run',
      'Compliance 1 - Overall compliance',
      '--param',
      'collection=All Systems',
      '--param',
      'colour=red',
    );
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('has no parameter "colour". Its parameters: collection');
    const noSuchReport = await patchbay(site, 'report', 'run', 'Compliance 42');
    expect(noSuchReport.code).toBe(1);
    expect(noSuchReport.stderr).toContain('Troubleshooting 4 - Computers failing');

    const out = join(site, 'compliance-1.xlsx');
    const run = await patchbay(
      site,
      'report',
      'run',
      'Compliance 1 - Overall compliance',
      '--param',
      'collection=All Systems',
      '--format',
      'xlsx',
      '--out',
      out,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`Wrote ${out}: Compliance 1 - Overall compliance, 2 tables`);
    expect(workbookSheets(zipEntries(readFileSync(out))).map((sheet) => sheet.name)).toEqual([
      'Report',
      'Compliance overview',
      'Updates',
      'Chart data',
    ]);
    const json = await patchbay(
      site,
      'report',
      'run',
      'Scan 1',
      '--param',
      'collection=All Systems',
      '--format',
      'json',
    );
    expect(JSON.parse(json.stdout)).toMatchObject({
      report: 'Scan 1 - Last scan states by collection',
      parameters: [{ name: 'collection', display: 'All Systems' }],
    });

    const folder = folders.folder('patchbay-cli-scheduled-');
    const created = await patchbay(
      site,
      'report',
      'schedule',
      'create',
      'Compliance 1',
      '--param',
      'collection=All Systems',
      '--format',
      'pdf',
      '--folder',
      folder,
      '--start',
      '2026-01-05T07:00',
      '--weekly',
      'Monday',
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('every week on Monday from 2026-01-05 07:00');
    const ran = await patchbay(site, 'report', 'schedule', 'run', '1');
    expect(ran.code).toBe(0);
    const [file] = readdirSync(folder);
    expect(file).toMatch(/^Compliance 1 - Overall compliance .*\.pdf$/);
    expect(readFileSync(join(folder, file!)).subarray(0, 5).toString()).toBe('%PDF-');
    const listed = await patchbay(site, 'report', 'schedule', 'list', '--format', 'json');
    expect(JSON.parse(listed.stdout)).toMatchObject([
      { id: 1, format: 'pdf', lastFile: join(folder, file!), lastError: null },
    ]);
    expect(existsSync(`${join(folder, file!)}.part`)).toBe(false);
  });
});
