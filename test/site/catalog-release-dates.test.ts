import { describe, expect, it } from 'vitest';
import { joinSources } from '../../scripts/catalog/join-sources';
import type { MsrcArticle } from '../../scripts/catalog/read-msrc-cvrf';
import type { WsusUpdate } from '../../scripts/catalog/read-wsus-exports';
import {
  dropBackwardSupersedence,
  msrcReleaseDate,
  resolveReleaseDate,
  titleMonth,
  type MsrcListing,
} from '../../scripts/catalog/release-dates';
import { makeRecord } from '../support/catalog-fixtures';

const june = '2024-06-11T07:00:00.000Z';
const may = '2024-05-14T07:00:00.000Z';

function listing(documentReleased: string, cves: Record<string, string>): MsrcListing {
  return { documentReleased, cves: new Map(Object.entries(cves)) };
}

describe("MSRC's release date of a KB", () => {
  it('is the document that lists the KB for the most CVEs, not an older one revised to name it', () => {
    expect(
      msrcReleaseDate([
        // A 2016 CVE revised in 2024 to name the KB: one listing, and made by a late revision.
        listing('2016-04-12T07:00:00.000Z', { 'CVE-2016-0001': '2024-06-20T07:00:00.000Z' }),
        listing(june, { 'CVE-2024-1': june, 'CVE-2024-2': '2024-06-13T07:00:00.000Z' }),
        // A CVE published later that the KB already fixed.
        listing('2024-08-13T07:00:00.000Z', { 'CVE-2024-3': '2024-08-13T07:00:00.000Z' }),
      ]),
    ).toBe(june);
  });

  it('ignores listings whose CVE was revised more than 31 days after its document', () => {
    // ADV990001 (2018-11) names every servicing stack update since, through its revisions.
    expect(
      msrcReleaseDate([
        listing('2018-11-13T08:00:00.000Z', { ADV990001: '2024-09-10T07:00:00.000Z' }),
      ]),
    ).toBeNull();
    expect(msrcReleaseDate([listing(may, { 'CVE-2024-4': '2024-06-14T07:00:00.000Z' })])).toBe(may);
    expect(msrcReleaseDate([listing(may, { 'CVE-2024-4': '' })])).toBe(may);
    expect(msrcReleaseDate([])).toBeNull();
  });

  it('takes the earlier document when two list the KB for as many CVEs', () => {
    expect(
      msrcReleaseDate([listing(june, { 'CVE-2024-1': june }), listing(may, { 'CVE-2024-2': may })]),
    ).toBe(may);
  });
});

describe('Resolving an update date against MSRC', () => {
  const cumulative = '2024-06 Cumulative Update for Windows 11 Version 23H2 (KB5039212)';

  it('takes MSRC where the months differ, and raises Date Revised to it', () => {
    expect(
      resolveReleaseDate({
        title: cumulative,
        dateReleased: '2022-08-09T17:00:13.000Z',
        dateRevised: '2022-08-09T17:00:13.000Z',
        msrcReleased: june,
      }),
    ).toEqual({ dateReleased: june, dateRevised: june, decision: 'msrc' });
    // A later revision of the update keeps its own Date Revised.
    expect(
      resolveReleaseDate({
        title: 'Security Update for Windows 10 (KB3172729)',
        dateReleased: '2017-06-13T17:00:00.000Z',
        dateRevised: '2017-06-13T17:00:00.000Z',
        msrcReleased: '2016-08-09T07:00:00.000Z',
      }),
    ).toEqual({
      dateReleased: '2016-08-09T07:00:00.000Z',
      dateRevised: '2017-06-13T17:00:00.000Z',
      decision: 'msrc',
    });
  });

  it('keeps the update date in the same month as MSRC, or with no MSRC date', () => {
    const update = {
      title: '2019-07 Security Monthly Quality Rollup for Windows 7 (KB4507449)',
      dateReleased: '2019-07-05T00:00:00.000Z',
      dateRevised: '2019-07-05T00:00:00.000Z',
    };
    expect(resolveReleaseDate({ ...update, msrcReleased: '2019-07-09T07:00:00.000Z' })).toEqual({
      dateReleased: update.dateReleased,
      dateRevised: update.dateRevised,
      decision: 'source',
    });
    expect(
      resolveReleaseDate({
        title: '2024-06 Cumulative Update for Windows 11 Version 24H2 (KB5039239)',
        dateReleased: '2022-08-09T17:00:13.000Z',
        dateRevised: '2022-08-09T17:00:13.000Z',
        msrcReleased: null,
      }).decision,
    ).toBe('source');
  });

  it('keeps the update date when its title month sides with it against MSRC', () => {
    // KB5012170 shipped in 2022-08; its Windows 10 22H2 GUID came in 2022-12, as titled.
    expect(
      resolveReleaseDate({
        title: '2022-12 Security Update for Windows 10 Version 22H2 (KB5012170)',
        dateReleased: '2022-12-13T18:00:00.000Z',
        dateRevised: '2022-12-13T18:00:00.000Z',
        msrcReleased: '2022-08-09T07:00:00.000Z',
      }),
    ).toEqual({
      dateReleased: '2022-12-13T18:00:00.000Z',
      dateRevised: '2022-12-13T18:00:00.000Z',
      decision: 'title-agrees-with-source',
    });
  });

  it('reads a month only at the start of a title', () => {
    expect(titleMonth('2024-06 Cumulative Update (KB5039212)')).toBe('2024-06');
    expect(titleMonth('Security Update for Access 2013 (KB4484527)')).toBeNull();
    expect(titleMonth('2024-13 Not a month')).toBeNull();
  });
});

describe('Supersedence that runs backwards in time', () => {
  it('drops a link to a later update and narrows a KB link to the KB updates that are not later', () => {
    const older = makeRecord('2024-05 x64', { articleId: '5037771', dateReleased: may });
    const olderArm = makeRecord('2024-05 arm64', {
      articleId: '5037771',
      dateReleased: '2024-07-09T07:00:00.000Z',
    });
    const june23H2 = makeRecord('2024-06 23H2', {
      articleId: '5039212',
      dateReleased: june,
      supersedes: [{ updateId: null, articleId: '5037771', title: 'KB5037771' }],
    });
    const mislabelled = makeRecord('2024-06 24H2', {
      articleId: '5039239',
      dateReleased: '2022-08-09T17:00:13.000Z',
      supersedes: [{ updateId: older.updateId, articleId: null, title: older.title }],
    });
    const records = [older, olderArm, june23H2, mislabelled];
    const changed = dropBackwardSupersedence(records);

    expect(june23H2.supersedes).toEqual([
      { updateId: older.updateId, articleId: null, title: older.title },
    ]);
    expect(mislabelled.supersedes).toEqual([]);
    // Never reversed: the older update gains no link to the newer one.
    expect(older.supersedes).toEqual([]);
    expect(
      changed.map((change) => [
        change.articleId,
        change.later.map((old) => old.updateId),
        change.kept.length,
      ]),
    ).toEqual([
      ['5039212', [olderArm.updateId], 1],
      ['5039239', [older.updateId], 0],
    ]);
    expect(dropBackwardSupersedence(records)).toEqual([]);
  });
});

function wsusUpdate(updateId: string, articleId: string, title: string, date: string): WsusUpdate {
  return {
    updateId,
    revisions: 1,
    articleId,
    bulletinId: '',
    title,
    description: '',
    classification: 'Security Updates',
    severity: 'Critical',
    family: 'Windows',
    productNames: ['Windows 11'],
    architecture: 'x64',
    informationUrl: '',
    dateReleased: date,
    dateRevised: date,
    files: [],
  };
}

function msrcArticle(
  articleId: string,
  supersedes: string[],
  listings: MsrcListing[],
): MsrcArticle {
  return {
    articleId,
    cves: new Map(),
    supersedes: new Set(supersedes),
    restartBehavior: '',
    severity: '',
    listings: new Map(listings.map((entry) => [entry.documentReleased, entry])),
  };
}

describe('The catalog build joining the sources', () => {
  const mayUpdate = wsusUpdate(
    '00000000-0000-0000-0000-000000000005',
    '5037771',
    '2024-05 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5037771)',
    '2024-05-14T17:00:00.000Z',
  );
  const juneUpdate = wsusUpdate(
    '00000000-0000-0000-0000-000000000006',
    '5039212',
    '2024-06 Cumulative Update for Windows 11 Version 23H2 for x64-based Systems (KB5039212)',
    '2022-08-09T17:00:13.000Z',
  );

  it('dates an update by MSRC where WSUS disagrees, so its supersedence runs forward', () => {
    const msrc = new Map([
      ['5039212', msrcArticle('5039212', ['5037771'], [listing(june, { 'CVE-2024-1': june })])],
    ]);
    const joined = joinSources([mayUpdate, juneUpdate], [], msrc);
    const june23H2 = joined.records.find((record) => record.articleId === '5039212');
    expect(june23H2?.dateReleased).toBe(june);
    expect(june23H2?.supersedes).toEqual([
      { updateId: mayUpdate.updateId, articleId: null, title: mayUpdate.title },
    ]);
    expect(joined.dateDisagreements).toEqual([
      {
        updateId: juneUpdate.updateId,
        articleId: '5039212',
        title: juneUpdate.title,
        sourceReleased: '2022-08-09T17:00:13.000Z',
        msrcReleased: june,
        dateReleased: june,
        decision: 'msrc',
      },
    ]);
    expect(joined.changedLinks).toEqual([]);
  });

  it('keeps a date MSRC cannot correct, reports it, and drops the link that runs backwards', () => {
    // MSRC names the supersedence, but lists the KB only under a CVE revised years later.
    const msrc = new Map([
      [
        '5039212',
        msrcArticle(
          '5039212',
          ['5037771'],
          [listing('2018-11-13T08:00:00.000Z', { ADV990001: '2024-09-10T07:00:00.000Z' })],
        ),
      ],
    ]);
    const joined = joinSources([mayUpdate, juneUpdate], [], msrc);
    const june23H2 = joined.records.find((record) => record.articleId === '5039212');
    expect(june23H2?.dateReleased).toBe('2022-08-09T17:00:13.000Z');
    expect(june23H2?.supersedes).toEqual([]);
    expect(joined.dateDisagreements.map((entry) => [entry.articleId, entry.decision])).toEqual([
      ['5039212', 'source'],
    ]);
    expect(joined.changedLinks.map((change) => [change.articleId, change.later.length])).toEqual([
      ['5039212', 1],
    ]);
  });
});
