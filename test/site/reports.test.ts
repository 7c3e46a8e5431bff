import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ClientRegistrationResult } from '../../src/shared/contract/clients';
import type { ReportResult } from '../../src/shared/contract/reports';
import { exportReport } from '../../src/main/site/reports/export/report-export';
import { enqueueDueReports } from '../../src/main/site/reports/report-schedules';
import { call, refusalOf } from '../support/compliance-site';
import { deployTo, openStatusSite } from '../support/deployment-status-site';
import { engines } from '../support/engines';
import { jobEnd } from '../support/test-site';
import { temporaryFolders } from '../support/cli';
import { sharedStrings, sheetCells, workbookSheets, zipEntries } from '../support/zip-entries';

const clientCount = 7;
const updateCount = 5;
const at = (minute: number) => new Date(Date.UTC(2026, 0, 7, 8, minute)).toISOString();

/**
 * The fleet's detection states: what client `i` reports for update `j`, or null when it sends
 * nothing. Client 6 never reports (Unknown everywhere). The expected numbers below are counted
 * from this table, not from the site.
 */
function detection(i: number, j: number): 0 | 1 | 2 | 3 | null {
  if (i === clientCount - 1) return null;
  const pattern = [null, 1, 2, 3, 0, 1, 3] as const;
  return pattern[(i + 2 * j) % pattern.length]!;
}
/** Scan (TopicType 501): client 4 failed with 0x80244022, client 5 completed with errors. */
const scan = (i: number) =>
  i === 4
    ? { stateId: 5, errorCode: '0x80244022' }
    : i === 5
      ? { stateId: 6, errorCode: '0x8024402C' }
      : i === clientCount - 1
        ? null
        : { stateId: 3, errorCode: '0x0' };
/** Enforcement (TopicType 301) per client of the deployment. */
const enforcement = [
  { stateId: 4, errorCode: 0 },
  { stateId: 6, errorCode: 0x80070643 },
  { stateId: 6, errorCode: 0x80070643 },
  { stateId: 7, errorCode: 0 },
  { stateId: 9, errorCode: 0x80240022 },
  null,
  null,
];

const folders = temporaryFolders();
afterAll(() => folders.removeAll());

describe.each(engines)('Reports on %s', (engine) => {
  let dispose: () => Promise<void> = async () => undefined;
  afterEach(async () => dispose());

  async function fleetSite() {
    const opened = await openStatusSite(engine, clientCount);
    dispose = opened.dispose;
    const { site, mp, clients, catalog, ciIdOf, collectionId } = opened;
    const ciIds = catalog.slice(0, updateCount).map(ciIdOf);
    for (const [i, client] of (clients as ClientRegistrationResult[]).entries()) {
      const messages = [];
      for (let j = 0; j < updateCount; j += 1) {
        const state = detection(i, j);
        if (state !== null)
          messages.push({
            topicType: 500 as const,
            updateId: catalog[j]!.updateId,
            stateId: state,
            time: at(1),
          });
      }
      const scanned = scan(i);
      if (scanned) messages.push({ topicType: 501 as const, ...scanned, time: at(2) });
      if (messages.length > 0)
        await mp.postStateMessages(client, { batchId: `scan-${engine}-${i}`, messages });
    }
    const group = await call(site, 'groups.create', {
      name: 'Patch Tuesday 2026-01',
      ciIds: ciIds.slice(0, 3),
    });
    const deployment = await deployTo(site, collectionId, ciIds.slice(0, 2));
    for (const [i, client] of (clients as ClientRegistrationResult[]).entries()) {
      const state = enforcement[i];
      if (!state) continue;
      await mp.postStateMessages(client, {
        batchId: `enforce-${engine}-${i}`,
        messages: [
          {
            topicType: 301,
            topicId: deployment.uniqueId,
            stateId: state.stateId,
            errorCode: state.errorCode,
            time: at(3),
          },
        ],
      });
    }
    return { ...opened, ciIds, group, deployment };
  }

  const table = (result: ReportResult, name: string) => {
    const found = result.tables.find((each) => each.name === name);
    if (!found) throw new Error(`no table ${name} in ${result.title}`);
    return found;
  };
  const chart = (result: ReportResult, title: string) =>
    Object.fromEntries(
      result.charts.find((each) => each.title === title)!.points.map((p) => [p.label, p.value]),
    );

  it('Compliance 1 counts what the fleet reported, its charts agree, and rows drill through to the update and its computers', async () => {
    const { site, ciIds, collectionId } = await fleetSite();
    const result = await call(site, 'reports.run', {
      report: 'Compliance 1 - Overall compliance',
      parameters: { collection: 'All Systems' },
    });
    expect(result.parameters).toEqual([
      {
        name: 'collection',
        label: 'Collection',
        value: String(collectionId),
        display: 'All Systems',
      },
    ]);
    expect(Date.now() - Date.parse(result.dataAsOf)).toBeLessThan(60_000);

    // Expected from the fleet's table.
    const clients = Array.from({ length: clientCount }, (_, i) => i);
    const updates = Array.from({ length: updateCount }, (_, j) => j);
    const expectedState = (i: number) => {
      const states = updates.map((j) => detection(i, j));
      if (states.includes(2)) return 'Non-compliant';
      return states.some((s) => s === 1 || s === 3) ? 'Compliant' : 'Unknown';
    };
    const expectedPie = {
      Compliant: clients.filter((i) => expectedState(i) === 'Compliant').length,
      'Non-compliant': clients.filter((i) => expectedState(i) === 'Non-compliant').length,
      Unknown: clients.filter((i) => expectedState(i) === 'Unknown').length,
    };
    expect(chart(result, 'Compliance Overview')).toEqual(expectedPie);
    expect(table(result, 'Compliance overview').rows.map((r) => [r.state, r.computers])).toEqual(
      Object.entries(expectedPie),
    );
    // Healthy: active clients whose last scan completed (scan state 3).
    expect(chart(result, 'Healthy Clients vs Total Clients')).toEqual({
      'Healthy clients': clients.filter((i) => scan(i)?.stateId === 3).length,
      'Total clients': clientCount,
    });
    const required = (j: number) => clients.filter((i) => detection(i, j) === 2).length;
    const rows = table(result, 'Updates').rows;
    for (const row of rows) {
      const j = ciIds.indexOf(Number(row.ciId));
      expect(row).toMatchObject({
        required: required(j),
        installed: clients.filter((i) => detection(i, j) === 3).length,
        notRequired: clients.filter((i) => detection(i, j) === 1).length,
        total: clientCount,
      });
    }
    // Every update some client requires or has installed is listed, most required first.
    expect(rows.map((row) => Number(row.ciId)).sort()).toEqual(
      updates
        .filter((j) => clients.some((i) => [2, 3].includes(detection(i, j) ?? -1)))
        .map((j) => ciIds[j]!)
        .sort(),
    );
    const top = Object.values(chart(result, 'Top 5 Non-Compliant by Article ID'));
    expect(top).toEqual(
      updates
        .map(required)
        .filter((n) => n > 0)
        .sort((a, b) => b - a)
        .slice(0, 5),
    );

    // Drill-through: the row's update, the collection carried over, to Compliance 6 then 8.
    const updatesTable = table(result, 'Updates');
    expect(updatesTable.drillThrough).toEqual({
      report: 'Compliance 6 - Specific software update states (secondary)',
      parameterFromColumn: { update: 'ciId' },
    });
    const first = updatesTable.rows[0]!;
    const states = await call(site, 'reports.run', {
      report: 'Compliance 6 - Specific software update states (secondary)',
      parameters: { collection: String(collectionId), update: String(first.ciId) },
    });
    const live = await call(site, 'compliance.update', { ciId: Number(first.ciId) });
    expect(
      Object.fromEntries(
        table(states, 'Computers by state').rows.map((r) => [r.state, r.computers]),
      ),
    ).toEqual({
      Unknown: live.unknown,
      'Not Required': live.notRequired,
      Required: live.required,
      Installed: live.installed,
    });
    const computers = await call(site, 'reports.run', {
      report: 'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
      parameters: {
        collection: String(collectionId),
        update: String(first.ciId),
        state: 'Required',
      },
    });
    const j = ciIds.indexOf(Number(first.ciId));
    expect(table(computers, 'Computers').rows.map((r) => r.name)).toEqual(
      clients
        .filter((i) => detection(i, j) === 2)
        .map((i) => `WS-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('Compliance 1 and 7 for a group equal the group counters, and Compliance 9 draws the same charts', async () => {
    const { site, group, collectionId } = await fleetSite();
    const parameters = { collection: String(collectionId), group: String(group.id) };
    const result = await call(site, 'reports.run', {
      report: 'Compliance 1 - Overall compliance',
      parameters,
    });
    const live = await call(site, 'compliance.group', { groupId: group.id });
    expect(chart(result, 'Compliance Overview')).toEqual({
      Compliant: live.compliant,
      'Non-compliant': live.nonCompliant,
      Unknown: live.unknown,
    });
    expect(table(result, 'Updates').rows).toHaveLength(3);
    const nonCompliant = await call(site, 'reports.run', {
      report:
        'Compliance 7 - Computers in a specific compliance state for an update group (secondary)',
      parameters: { ...parameters, state: 'Non-compliant' },
    });
    expect(table(nonCompliant, 'Computers').rows).toHaveLength(live.nonCompliant);
    const nine = await call(site, 'reports.run', {
      report: 'Compliance 9 - Overall health and compliance',
      parameters,
    });
    expect(nine.charts).toEqual(result.charts);
    expect(table(nine, 'Detail').rows).toEqual(table(result, 'Updates').rows);
  });

  it('States 1, Troubleshooting 1 and 2 and Scan 1 count the deployment and scan states the fleet sent', async () => {
    const { site, deployment, collectionId } = await fleetSite();
    const states = await call(site, 'reports.run', {
      report: 'States 1 - Enforcement states for a deployment',
      parameters: { deployment: String(deployment.id) },
    });
    const byKey = Object.fromEntries(
      table(states, 'Enforcement states').rows.map((r) => [r.stateKey, r.computers]),
    );
    const expected: Record<string, number> = {};
    for (const state of enforcement) {
      const key = state ? `301-${state.stateId}` : 'none';
      expected[key] = (expected[key] ?? 0) + 1;
    }
    expect(byKey).toEqual(expected);
    const failed = await call(site, 'reports.run', {
      report: 'States 4 - Computers in a specific state for a deployment (secondary)',
      parameters: { deployment: String(deployment.id), state: '301-6' },
    });
    expect(table(failed, 'Computers').rows.map((r) => r.errorCode)).toEqual([
      '0x80070643',
      '0x80070643',
    ]);

    const deploymentErrors = await call(site, 'reports.run', {
      report: 'Troubleshooting 2 - Deployment errors',
      parameters: { collection: String(collectionId) },
    });
    expect(
      table(deploymentErrors, 'Deployment errors').rows.map((r) => [r.errorCode, r.clients]),
    ).toEqual([
      ['0x80070643', enforcement.filter((s) => s?.errorCode === 0x80070643).length],
      ['0x80240022', enforcement.filter((s) => s?.errorCode === 0x80240022).length],
    ]);
    const scanErrors = await call(site, 'reports.run', {
      report: 'Troubleshooting 1 - Scan errors',
      parameters: { collection: String(collectionId) },
    });
    expect(
      table(scanErrors, 'Scan errors')
        .rows.map((r) => r.errorCode)
        .sort(),
    ).toEqual(['0x80244022', '0x8024402C']);
    const scans = await call(site, 'reports.run', {
      report: 'Scan 1 - Last scan states by collection',
      parameters: { collection: String(collectionId) },
    });
    expect(
      Object.fromEntries(table(scans, 'Last scan states').rows.map((r) => [r.state, r.clients])),
    ).toEqual({
      'Scan state unknown': 1,
      Completed: Array.from({ length: clientCount }, (_, i) => scan(i)?.stateId === 3).filter(
        Boolean,
      ).length,
      Failed: 1,
      'Completed with errors': 1,
    });
  });

  it('Management 2, 3, 4 and 6 and States 5 count the deployment and the updates it leaves out', async () => {
    const { site, ciIds, deployment, collectionId } = await fleetSite();
    const clients = Array.from({ length: clientCount }, (_, i) => i);
    const required = (j: number) => clients.filter((i) => detection(i, j) === 2).length;
    const run = (
      report: Parameters<typeof call<'reports.run'>>[2]['report'],
      parameters: Record<string, string>,
    ) => call(site, 'reports.run', { report, parameters });

    const notDeployed = await run('Management 2 - Updates required but not deployed', {
      collection: String(collectionId),
    });
    // The deployment holds updates 0 and 1; the rest that some client requires are listed.
    expect(
      table(notDeployed, 'Updates required but not deployed')
        .rows.map((r) => [Number(r.ciId), r.required])
        .sort(),
    ).toEqual(
      [2, 3, 4]
        .filter((j) => required(j) > 0)
        .map((j) => [ciIds[j]!, required(j)])
        .sort(),
    );
    const inDeployment = await run('Management 3 - Updates in a deployment', {
      deployment: String(deployment.id),
    });
    expect(
      table(inDeployment, 'Updates')
        .rows.map((r) => [Number(r.ciId), r.required])
        .sort(),
    ).toEqual([0, 1].map((j) => [ciIds[j]!, required(j)]).sort());
    for (const [report, parameters] of [
      ['Management 4 - Deployments that target a collection', { collection: String(collectionId) }],
      ['Management 6 - Deployments that contain a specific update', { update: String(ciIds[1]) }],
    ] as const) {
      const result = await run(report, parameters);
      const [row] = table(result, 'Deployments').rows;
      expect(table(result, 'Deployments').rows).toHaveLength(1);
      expect(row).toMatchObject({
        deploymentId: deployment.id,
        targeted: clientCount,
        compliant: enforcement.filter((s) => s?.stateId === 4).length,
        error: enforcement.filter((s) => s?.stateId === 6 || s?.stateId === 9).length,
        unknown: enforcement.filter((s) => s === null).length,
      });
    }
    const none = await run('Management 6 - Deployments that contain a specific update', {
      update: String(ciIds[4]),
    });
    expect(table(none, 'Deployments').rows).toEqual([]);

    // States 5: each targeted client once, by the update's state and its deployment state.
    const states = await run('States 5 - States for an update in a deployment (secondary)', {
      deployment: String(deployment.id),
      update: String(ciIds[0]),
    });
    const expected = new Map<string, number>();
    for (const i of clients) {
      const detected = ['Unknown', 'Not Required', 'Required', 'Installed'][detection(i, 0) ?? 0]!;
      const key = `${detected}|${enforcement[i] ? `301-${enforcement[i]!.stateId}` : 'none'}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    expect(
      new Map(
        table(states, 'States').rows.map((r) => [`${r.detection}|${r.stateKey}`, r.computers]),
      ),
    ).toEqual(expected);
  });

  it('Compliance 4 and 5 and Management 7 and 8 read the catalog, one computer and the missing content', async () => {
    const { site, ciIds, deployment, collectionId, clients: registered } = await fleetSite();
    const clients = Array.from({ length: clientCount }, (_, i) => i);
    const run = (
      report: Parameters<typeof call<'reports.run'>>[2]['report'],
      parameters: Record<string, string>,
    ) => call(site, 'reports.run', { report, parameters });
    // Every fixture update is Microsoft's, released in January 2024.
    const january = await run('Compliance 4 - Updates by vendor month year', {
      vendor: 'Microsoft',
      year: '2024',
      month: '1',
      collection: String(collectionId),
    });
    expect(
      table(january, 'Updates released')
        .rows.map((r) => Number(r.ciId))
        .sort(),
    ).toEqual(expect.arrayContaining([...ciIds].sort()));
    const february = await run('Compliance 4 - Updates by vendor month year', {
      vendor: 'Microsoft',
      year: '2024',
      month: '2',
      collection: String(collectionId),
    });
    expect(table(february, 'Updates released').rows).toEqual([]);

    const first = registered[0]!;
    const computer = await run('Compliance 5 - Specific computer', {
      computer: String(first.clientId),
    });
    expect(table(computer, 'Computer').rows[0]).toMatchObject({
      name: 'WS-001',
      lastScanState: 'Completed',
    });
    const names = ['Unknown', 'Not Required', 'Required', 'Installed'];
    expect(
      new Map(table(computer, 'Update states').rows.map((r) => [Number(r.ciId), r.state])),
    ).toEqual(
      new Map(
        ciIds
          .map((ciId, j) => [ciId, detection(0, j)] as const)
          .filter(([, state]) => state !== null)
          .map(([ciId, state]) => [ciId, names[state!]]),
      ),
    );

    // Deployed without a package: both updates miss their one content file.
    const missing = await run('Management 7 - Updates in a deployment missing content', {
      deployment: String(deployment.id),
    });
    expect(
      table(missing, 'Updates missing content')
        .rows.map((r) => [Number(r.ciId), r.files, r.inPackage, r.packageName])
        .sort(),
    ).toEqual([0, 1].map((j) => [ciIds[j]!, 1, 0, 'No deployment package']).sort());
    const needing = await run('Management 8 - Computers missing content (secondary)', {
      deployment: String(deployment.id),
      update: String(ciIds[1]),
    });
    expect(table(needing, 'Computers').rows.map((r) => r.name)).toEqual(
      clients
        .filter((i) => detection(i, 1) === 2)
        .map((i) => `WS-${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('runs every report of §11.1 with values its pickers list, and refuses a missing or unknown parameter listing the valid ones', async () => {
    const { site } = await fleetSite();
    const { categories } = await call(site, 'reports.list', {});
    expect(categories.map((c) => [c.name, c.reports.length])).toEqual([
      ['Software Updates - A Compliance', 9],
      ['Software Updates - B Deployment Management', 8],
      ['Software Updates - C Deployment States', 6],
      ['Software Updates - D Scan', 4],
      ['Software Updates - E Troubleshooting', 4],
    ]);
    const definitions = categories.flatMap((c) => c.reports);
    const drilled = new Set<string>();
    for (const definition of definitions) {
      const parameters: Record<string, string> = {};
      for (const each of definition.parameters) {
        const { values } = await call(site, 'reports.parameterValues', { kind: each.kind });
        expect(values.length, `${definition.name}: ${each.kind}`).toBeGreaterThan(0);
        // The collection the fleet is in, so the tables (and their drill-throughs) have rows.
        parameters[each.name] = (values.find((v) => v.label === 'All Systems') ?? values[0]!).value;
      }
      const result = await call(site, 'reports.run', { report: definition.name, parameters });
      expect(result.tables.length, definition.name).toBeGreaterThan(0);
      // Each drill-through opens its report from a row: the parameters the target defines are
      // carried over, the row gives the rest, and the target runs.
      for (const each of result.tables) {
        const drill = each.drillThrough;
        const row = each.rows.find((candidate) =>
          Object.values(drill?.parameterFromColumn ?? {}).every((key) => candidate[key] !== null),
        );
        if (!drill || !row) continue;
        const target = definitions.find((candidate) => candidate.name === drill.report)!;
        const carried = Object.fromEntries(
          Object.entries(parameters).filter(([name]) =>
            target.parameters.some((p) => p.name === name),
          ),
        );
        for (const [name, key] of Object.entries(drill.parameterFromColumn))
          carried[name] = String(row[key]);
        const opened = await call(site, 'reports.run', {
          report: target.name,
          parameters: carried,
        });
        expect(opened.report).toBe(target.name);
        drilled.add(`${definition.name} -> ${target.name}`);
      }
      for (const each of result.tables)
        for (const row of each.rows)
          for (const column of each.columns)
            expect(row, `${definition.name}`).toHaveProperty(column.key);
    }
    // Every secondary report is reached from a parent's row.
    for (const secondary of definitions.filter((d) => d.isSecondary))
      expect(
        [...drilled].some((link) => link.endsWith(`-> ${secondary.name}`)),
        secondary.name,
      ).toBe(true);
    const missing = await refusalOf(
      call(site, 'reports.run', {
        report: 'Compliance 2 - Specific software update',
        parameters: {},
      }),
    );
    expect(missing.message).toContain('needs Software update');
    expect(missing.message).toContain(
      'update (Software update, required), collection (Collection, required)',
    );
    const unknown = await refusalOf(
      call(site, 'reports.run', {
        report: 'Compliance 1 - Overall compliance',
        parameters: { collection: 'All Systems', colour: 'red' },
      }),
    );
    expect(unknown.message).toContain('has no parameter "colour"');
    expect(unknown.message).toContain(
      'collection (Collection, required), group (Software update group, optional)',
    );
    const nothing = await refusalOf(
      call(site, 'reports.run', {
        report: 'Compliance 1 - Overall compliance',
        parameters: { collection: 'No Such Collection' },
      }),
    );
    expect(nothing.message).toContain('no collection "No Such Collection" exists');
  });

  it('exports XLSX that a second reader opens with typed cells and a cover, and PDF whose text holds the title, parameters and rows', async () => {
    const { site, collectionId, ciIds } = await fleetSite();
    // A group whose name is a formula: text in every export, never a formula.
    const hostile = await call(site, 'groups.create', {
      name: '=HYPERLINK("http://x","y")',
      ciIds: [],
    });
    const result = await call(site, 'reports.run', {
      report: 'Compliance 1 - Overall compliance',
      parameters: { collection: String(collectionId), group: String(hostile.id) },
    });
    const xlsx = await exportReport(result, 'xlsx');
    const entries = zipEntries(xlsx.content);
    const strings = sharedStrings(entries);
    const sheets = workbookSheets(entries);
    expect(sheets.map((s) => s.name)).toEqual([
      'Report',
      'Compliance overview',
      'Updates',
      'Chart data',
    ]);
    const cover = sheetCells(entries.get(sheets[0]!.path)!.toString('utf8'), strings);
    const coverText = cover.map((c) => c.value);
    expect(coverText).toContain('Compliance 1 - Overall compliance');
    expect(coverText).toContain('\'=HYPERLINK("http://x","y")');
    expect(cover.some((c) => c.hasFormula)).toBe(false);
    const overviewXml = entries.get(sheets[1]!.path)!.toString('utf8');
    expect(overviewXml).toContain('<pane ySplit="1"');
    expect(overviewXml).toMatch(/<autoFilter ref="A1:C1"/);
    const overview = sheetCells(overviewXml, strings);
    const cell = (ref: string) => overview.find((c) => c.ref === ref)!;
    expect([cell('A1').value, cell('B1').value, cell('C1').value]).toEqual([
      'Compliance state',
      'Computers',
      '% of total',
    ]);
    // Numbers as numbers, percentages as fractions under a percent format.
    const rows = table(result, 'Compliance overview').rows;
    expect(cell('B2')).toMatchObject({ type: 'n', value: String(rows[0]!.computers) });
    expect(Number(cell('C2').value)).toBeCloseTo(Number(rows[0]!.percent) / 100);
    const styles = entries.get('xl/styles.xml')!.toString('utf8');
    const percentFormatId = /<numFmt numFmtId="(\d+)" formatCode="0%"/.exec(styles)?.[1] ?? '9';
    const xfs = [
      .../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)![1]!.matchAll(/<xf [^>]*>/g),
    ];
    expect(xfs[cell('C2').style]![0]).toContain(`numFmtId="${percentFormatId}"`);
    const chartData = sheetCells(entries.get(sheets[3]!.path)!.toString('utf8'), strings);
    expect(chartData.map((c) => c.value)).toContain('Compliance Overview');

    // Dates as dates: an Excel serial number under a date format, equal to the ISO time.
    const computers = await call(site, 'reports.run', {
      report: 'Compliance 8 - Computers in a specific compliance state for an update (secondary)',
      parameters: {
        collection: String(collectionId),
        update: String(ciIds[0]),
        state: 'Installed',
      },
    });
    const firstComputer = table(computers, 'Computers').rows[0]!;
    const dated = zipEntries((await exportReport(computers, 'xlsx')).content);
    const datedSheets = workbookSheets(dated);
    const lastScan = sheetCells(
      dated.get(datedSheets[1]!.path)!.toString('utf8'),
      sharedStrings(dated),
    ).find((c) => c.ref === 'D2')!;
    expect(lastScan.type).toBe('n');
    const serialDays = Date.parse(String(firstComputer.lastScanAt)) / 86_400_000 + 25_569;
    expect(Number(lastScan.value)).toBeCloseTo(serialDays, 5);
    const datedStyles = dated.get('xl/styles.xml')!.toString('utf8');
    const dateFormatId = /<numFmt numFmtId="(\d+)" formatCode="yyyy-mm-dd hh:mm:ss"/.exec(
      datedStyles,
    )![1]!;
    const datedXfs = [
      .../<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(datedStyles)![1]!.matchAll(/<xf [^>]*>/g),
    ];
    expect(datedXfs[lastScan.style]![0]).toContain(`numFmtId="${dateFormatId}"`);

    const pdf = await exportReport(result, 'pdf');
    expect(pdf.content.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf.content);
    expect(text.pages[0]).toContain('Compliance 1 - Overall compliance');
    expect(text.pages[0]).toContain('Collection: All Systems');
    expect(text.pages[0]).toContain('=HYPERLINK');
    expect(text.pages[0]).toContain('Compliance Overview');
    expect(text.pages.at(-1)).toContain(`Page ${text.pages.length} of ${text.pages.length}`);

    const csv = await exportReport(result, 'csv');
    expect(csv.content.toString('utf8')).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  });

  it('repeats the table header on every page of a long PDF table', async () => {
    const { site, collectionId } = await fleetSite();
    const result = await call(site, 'reports.run', {
      report: 'Compliance 1 - Overall compliance',
      parameters: { collection: String(collectionId) },
    });
    // A long table made of the report's own rows, as a large site would have.
    const updates = table(result, 'Updates');
    const long: ReportResult = {
      ...result,
      charts: [],
      tables: [
        {
          ...updates,
          rows: Array.from({ length: 120 }, (_, n) => ({
            ...updates.rows[n % updates.rows.length]!,
            title: `Row ${n}`,
          })),
        },
      ],
    };
    const text = await pdfText((await exportReport(long, 'pdf')).content);
    expect(text.pages.length).toBeGreaterThan(2);
    for (const page of text.pages) expect(page).toContain('Article ID');
    expect(text.pages.join(' ')).toContain('Row 119');
  });

  it('a scheduled report runs as a job when due and writes its file to the folder, with last run and file listed', async () => {
    const { site, collectionId } = await fleetSite();
    const folder = folders.folder('patchbay-scheduled-');
    const missing = await refusalOf(
      call(site, 'reports.schedules.create', {
        report: 'Compliance 1 - Overall compliance',
        parameters: {},
        format: 'xlsx',
        folder,
        schedule: {
          kind: 'custom',
          start: '2026-01-05T07:00',
          recurrence: { pattern: 'weekly', everyWeeks: 1, day: 'Monday' },
        },
      }),
    );
    expect(missing.message).toContain('needs Collection');
    const created = await call(site, 'reports.schedules.create', {
      report: 'Compliance 1 - Overall compliance',
      parameters: { collection: String(collectionId) },
      format: 'xlsx',
      folder,
      schedule: {
        kind: 'custom',
        start: '2026-01-05T07:00',
        isUtc: true,
        recurrence: { pattern: 'weekly', everyWeeks: 1, day: 'Monday' },
      },
    });
    const next = new Date(created.nextRunAt!);
    expect(next.getUTCDay()).toBe(1);
    expect(next.getUTCHours()).toBe(7);
    expect(next.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: nothing runs.
    expect(await enqueueDueReports(site.database, site.jobs, { now: () => new Date() })).toEqual(
      [],
    );
    const dueAt = new Date(next.getTime() + 60_000);
    const [jobId] = await enqueueDueReports(site.database, site.jobs, { now: () => dueAt });
    expect(jobId).toBeDefined();
    // Claimed once: a second check at the same time enqueues nothing more.
    expect(await enqueueDueReports(site.database, site.jobs, { now: () => dueAt })).toEqual([]);
    site.runner.poke();
    const job = await jobEnd(site, jobId!, 30_000);
    expect(job.state).toBe('succeeded');
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^Compliance 1 - Overall compliance .*\.xlsx$/);
    const written = zipEntries(readFileSync(`${folder}/${files[0]}`));
    expect(workbookSheets(written).map((s) => s.name)[0]).toBe('Report');
    const [listed] = await call(site, 'reports.schedules.list', {});
    expect(listed).toMatchObject({
      id: created.id,
      lastError: null,
      lastFile: `${folder}/${files[0]}`,
    });
    expect(new Date(listed!.nextRunAt!).getTime()).toBe(next.getTime() + 7 * 86_400_000);
  });
});

/** Text of each page, extracted by pdfjs-dist: a real reader, not the writer. */
async function pdfText(content: Buffer): Promise<{ pages: string[] }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({
    data: new Uint8Array(content),
    // The 14 standard fonts pdfkit uses, from the package itself.
    standardFontDataUrl: `${resolve('node_modules/pdfjs-dist/standard_fonts')}/`,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= document.numPages; n += 1) {
    const page = await document.getPage(n);
    const items = (await page.getTextContent()).items as Array<{ str?: string }>;
    pages.push(items.map((item) => item.str ?? '').join(' '));
  }
  return { pages };
}
