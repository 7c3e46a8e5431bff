import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchbay, temporaryFolders } from '../support/cli';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';
import { excelSerialToIso, readFirstSheet } from '../support/xlsx-sheet';

describe('patchbay list verbs with --format xlsx', () => {
  const folders = temporaryFolders();
  afterAll(() => folders.removeAll());

  it('writes updates and groups as workbooks with typed cells and formula text as text', async () => {
    const site = folders.folder('patchbay-cli-xlsx-');
    const records = [
      makeRecord('plain', { dateReleased: '2024-03-12T00:00:00.000Z' }),
      { ...makeRecord('hostile'), title: '=HYPERLINK("http://x","y")' },
    ];
    expect((await patchbay(site, 'catalog', 'import', bundleOf(records))).code).toBe(0);
    const name = '=HYPERLINK("http://x","y")';
    expect(
      (await patchbay(site, 'group', 'new', name, '--update', records[0]!.articleId)).code,
    ).toBe(0);

    const updatesFile = join(site, 'updates.xlsx');
    const updates = await patchbay(
      site,
      'updates',
      'list',
      '--format',
      'xlsx',
      '--out',
      updatesFile,
    );
    expect(updates.stderr).toBe('');
    expect(updates.stdout).toBe(`Wrote 2 rows to ${updatesFile}.\n`);
    const sheet = readFirstSheet(updatesFile);
    expect(sheet.values[0]).toEqual([
      'CI ID',
      'Article ID',
      'Bulletin ID',
      'Title',
      'Classification',
      'Required',
      'Installed',
      'Percent Compliant',
      'Deployed',
      'Downloaded',
      'Expired',
      'Superseded',
      'Severity',
      'Date Released',
    ]);
    // Sorted by title as the verb sorts: the hostile title first, as guarded text.
    expect(sheet.values[1]![3]).toBe(`'${name}`);
    expect(sheet.rows.flat().some((cell) => cell.hasFormula)).toBe(false);
    const plain = sheet.rows[2]!;
    expect(plain[0]!.type).toBeUndefined(); // CI ID is a number
    expect(plain[13]!.numberFormat).toBe('yyyy-mm-dd hh:mm:ss');
    expect(excelSerialToIso(plain[13]!.value)).toBe('2024-03-12T00:00:00.000Z');
    expect(plain[7]!.numberFormat).toBe('0.0%');

    const groupsFile = join(site, 'groups.xlsx');
    expect(
      (await patchbay(site, 'group', 'list', '--format', 'xlsx', '--out', groupsFile)).code,
    ).toBe(0);
    const groups = readFirstSheet(groupsFile);
    expect(groups.values[1]![1]).toBe(`'${name}`);
    expect(groups.rows[1]![1]!.type).toBe('inlineStr');

    const csvFile = join(site, 'groups.csv');
    expect((await patchbay(site, 'group', 'list', '--format', 'csv', '--out', csvFile)).code).toBe(
      0,
    );
    expect(readFileSync(csvFile, 'utf8')).toContain(`,"'=HYPERLINK(""http://x"",""y"")",`);
  });

  it('refuses xlsx without --out, in one sentence', async () => {
    const site = folders.folder('patchbay-cli-xlsx-');
    expect((await patchbay(site, 'db', 'init')).code).toBe(0);
    const result = await patchbay(site, 'jobs', 'list', '--format', 'xlsx');
    expect(result.code).toBe(2); // invalid input, as every option error
    expect(result.stderr).toBe(
      'patchbay: --format xlsx writes a workbook, not text: name the file with --out <file>.\n',
    );
    expect(existsSync(join(site, 'jobs.xlsx'))).toBe(false);
  });
});
