import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { patchbay } from '../support/cli';
import { bundleOf, makeRecord } from '../support/catalog-fixtures';

describe('patchbay group from the shell', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((path) => rmSync(path, { recursive: true, force: true })));

  it('creates, lists, shows, edits and deletes a group, naming updates by KB, GUID or number', async () => {
    const site = mkdtempSync(join(tmpdir(), 'patchbay-cli-groups-'));
    folders.push(site);
    // Two updates share one article, as the x64 and arm64 packages of a KB do.
    const x64 = makeRecord('cumulative-x64', { articleId: '5034441' });
    const arm64 = makeRecord('cumulative-arm64', { articleId: '5034441' });
    const dotnet = makeRecord('dotnet', { articleId: '5034275' });
    const defender = makeRecord('defender-platform', { articleId: '4052623' });
    // Only sync, serve and db init create a site; every other verb needs one.
    await patchbay(site, 'db', 'init');
    const imported = await patchbay(
      site,
      'catalog',
      'import',
      bundleOf([x64, arm64, dotnet, defender]),
    );
    expect(imported.stdout).toContain('Imported: 4 added');

    const created = await patchbay(
      site,
      'group',
      'new',
      'Pilot',
      '--description',
      'First ring',
      '--update',
      'KB5034441',
      `{${dotnet.updateId.toUpperCase()}}`,
    );
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(
      /^Created software update group "Pilot" \(ID 1, ScopeId_PS1\/AuthList_[0-9A-F-]{36}\) with 3 updates\.\n$/,
    );

    const duplicate = await patchbay(site, 'group', 'new', 'pilot');
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toBe(
      'patchbay: name: a software update group named "pilot" already exists; choose another name.\n',
    );

    const added = await patchbay(site, 'group', 'add', 'pilot', '4052623');
    expect(added.stdout).toBe('Software update group "Pilot": added 1 update; it has 4 updates.\n');

    const list = await patchbay(site, 'group', 'list', '--format', 'csv');
    const [header, row] = list.stdout.trim().split(/\r?\n/);
    expect(header).toContain('ID,Name,Description,Icon,Number of Updates,Number of Expired');
    expect(row).toMatch(/^1,Pilot,First ring,normal,4,0,No,No,No,No,Yes,0,0,.*,cli-admin$/);

    const members = await patchbay(site, 'group', 'show', '1', '--members', '--format', 'json');
    const rows = JSON.parse(members.stdout) as Array<{ articleId: string }>;
    expect(rows.map((update) => update.articleId).sort()).toEqual([
      '4052623',
      '5034275',
      '5034441',
      '5034441',
    ]);

    const removed = await patchbay(site, 'group', 'remove', 'Pilot', 'KB5034441');
    expect(removed.stdout).toBe(
      'Software update group "Pilot": removed 2 updates; it has 2 updates.\n',
    );

    const set = await patchbay(
      site,
      'group',
      'set',
      'Pilot',
      '--new-name',
      'Pilot ring',
      '--clear',
    );
    expect(set.stdout).toBe('Software update group "Pilot ring" changed; it has 0 updates.\n');
    const shown = await patchbay(site, 'group', 'show', 'Pilot ring', '--format', 'json');
    expect(JSON.parse(shown.stdout)).toMatchObject({
      name: 'Pilot ring',
      description: 'First ring',
      numberOfUpdates: 0,
      createdBy: 'cli-admin',
    });

    const deleted = await patchbay(site, 'group', 'delete', 'Pilot ring');
    expect(deleted.stdout).toBe('Deleted 1 software update group.\n');
    const empty = await patchbay(site, 'group', 'list', '--format', 'json');
    expect(JSON.parse(empty.stdout)).toEqual([]);
  }, 120_000);

  it('answers bad input with one sentence and exit code 2', async () => {
    const site = mkdtempSync(join(tmpdir(), 'patchbay-cli-groups-bad-'));
    folders.push(site);
    await patchbay(site, 'db', 'init');
    await patchbay(
      site,
      'catalog',
      'import',
      bundleOf([makeRecord('one', { articleId: '5000001' })]),
    );

    const format = await patchbay(site, 'group', 'list', '--format', 'xml');
    expect(format).toMatchObject({
      code: 2,
      stderr: 'patchbay: --format: "xml" is not one of table, csv, json, xlsx.\n',
    });
    const update = await patchbay(site, 'group', 'new', 'Pilot', '--update', 'not-an-update');
    expect(update).toMatchObject({
      code: 2,
      stderr:
        'patchbay: "not-an-update" is not an update: give an article ID (KB5034441), an update GUID or a CI ID.\n',
    });
    const unknown = await patchbay(site, 'group', 'new', 'Pilot', '--update', 'KB9999999');
    expect(unknown).toMatchObject({
      code: 1,
      stderr: 'patchbay: No synchronized software update matches "KB9999999".\n',
    });
    const missing = await patchbay(site, 'group', 'show', 'Nowhere');
    expect(missing).toMatchObject({
      code: 1,
      stderr: 'patchbay: There is no software update group named "Nowhere".\n',
    });
  }, 60_000);
});
