import fc from 'fast-check';
import { formatSdkDate, isSdkDate, parseSdkDate } from '../../src/core';

describe('formatSdkDate (spec rule 2: YYYYMMDDTHHMMSSZ, UTC)', () => {
  it.each([
    [Date.UTC(2019, 10, 15, 3, 36, 55), '20191115T033655Z'],
    [Date.UTC(2006, 0, 2, 15, 4, 5), '20060102T150405Z'],
    [0, '19700101T000000Z'],
    [Date.UTC(2024, 1, 29, 23, 59, 59, 999), '20240229T235959Z'], // milliseconds dropped, not rounded
  ])('%d -> %s', (ms, expected) => {
    expect(formatSdkDate(ms)).toBe(expected);
  });
});

describe('parseSdkDate / isSdkDate', () => {
  it('reads a valid date as epoch milliseconds', () => {
    expect(parseSdkDate('20191115T033655Z')).toBe(Date.UTC(2019, 10, 15, 3, 36, 55));
    expect(parseSdkDate('20000229T000000Z')).toBe(Date.UTC(2000, 1, 29));
    expect(parseSdkDate('99991231T235959Z')).toBe(Date.parse('9999-12-31T23:59:59Z'));
    expect(isSdkDate('20191115T033655Z')).toBe(true);
  });

  it('reads years 0000-0099 as themselves (not 1900-1999)', () => {
    expect(parseSdkDate('00500101T000000Z')).toBe(Date.parse('0050-01-01T00:00:00Z'));
    expect(parseSdkDate('00000101T000000Z')).toBe(Date.parse('0000-01-01T00:00:00Z'));
  });

  it.each([
    [''],
    ['2019-11-15T03:36:55Z'], // ISO extended
    ['20191115T033655'], // no Z
    ['20191115T033655z'],
    ['20191115t033655Z'],
    ['20191115T033655.000Z'],
    ['20191115T033655+0800'],
    [' 20191115T033655Z'],
    ['20191115T033655Z\n'],
    ['2019111T033655Z'],
    ['20191315T000000Z'], // month 13
    ['20190015T000000Z'], // month 0
    ['20191100T000000Z'], // day 0
    ['20191131T000000Z'], // 31 November
    ['20190229T000000Z'], // not a leap year
    ['21000229T000000Z'], // not a leap year (century)
    ['20191115T240000Z'], // hour 24
    ['20191115T236000Z'], // minute 60
    ['20191115T235960Z'], // leap second
    ['20191115T126000Z'], // minute 60 mid-day (would roll over into 13:00 silently)
    ['20191115T125960Z'], // second 60 mid-day
    ['20191115T129900Z'],
    ['Fri, 15 Nov 2019 03:36:55 GMT'],
  ])('rejects %j', (text) => {
    expect(parseSdkDate(text)).toBeNull();
    expect(isSdkDate(text)).toBe(false);
  });

  it('agrees with Date on every month and day of leap, common and century years, 0000-9999', () => {
    // Date as the judge: a date is valid when Date keeps its fields as they are (no rollover into the next month).
    const viaDate = (y: number, mo: number, d: number): number | null => {
      if (mo < 1 || mo > 12 || d < 1) return null;
      const at = new Date(0);
      at.setUTCFullYear(y, mo - 1, d);
      return at.getUTCFullYear() === y && at.getUTCMonth() === mo - 1 && at.getUTCDate() === d ? at.getTime() : null;
    };
    const pad = (n: number, w: number) => String(n).padStart(w, '0');
    let checked = 0;
    for (const y of [0, 1, 4, 99, 100, 400, 1582, 1900, 1970, 2000, 2019, 2023, 2024, 2100, 2400, 9996, 9999]) {
      for (let mo = 0; mo <= 13; mo++) {
        for (let d = 0; d <= 32; d++) {
          const text = `${pad(y, 4)}${pad(mo, 2)}${pad(d, 2)}T235959Z`;
          const expected = viaDate(y, mo, d);
          expect([text, isSdkDate(text)]).toEqual([text, expected !== null]);
          expect([text, parseSdkDate(text)]).toEqual([text, expected === null ? null : expected + ((23 * 60 + 59) * 60 + 59) * 1000]);
          checked++;
        }
      }
    }
    expect(checked).toBe(17 * 14 * 33);
  });

  it('round-trips with formatSdkDate for any instant in years 0-9999, to the second', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59.999Z'), noInvalidDate: true }), (d) => {
        const ms = d.getTime();
        const text = formatSdkDate(ms);
        const iso = d.toISOString();
        expect(text).toBe(iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10) + 'T' + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z');
        expect(parseSdkDate(text)).toBe(ms - (((ms % 1000) + 1000) % 1000));
      }),
      { numRuns: 1000 },
    );
  });
});
