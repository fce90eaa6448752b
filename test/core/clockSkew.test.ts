import {
  CLOCK_OFFSET_TOLERANCE_MS,
  clockLesson,
  describeClockOffset,
  formatDuration,
  MAX_CLOCK_OFFSET_MS,
  measureClockOffset,
  parseClockOffsets,
  parseHttpDate,
  storeClockOffset,
} from '../../src/core/clockSkew';

const MIN = 60_000;

describe('parseHttpDate', () => {
  it('reads IMF-fixdate and refuses anything else', () => {
    expect(parseHttpDate('Tue, 02 Jan 2024 03:24:18 GMT')).toBe(Date.UTC(2024, 0, 2, 3, 24, 18));
    expect(parseHttpDate('Sun, 06 Nov 1994 08:49:37 GMT')).toBe(784111777000);
    expect(parseHttpDate('2024-01-02T03:24:18Z')).toBeNull();
    expect(parseHttpDate('Tue, 02 Foo 2024 03:24:18 GMT')).toBeNull();
    expect(parseHttpDate('')).toBeNull();
  });
});

describe('measureClockOffset', () => {
  const local = Date.UTC(2024, 0, 2, 3, 4, 5);

  it('from a signature-expired answer: the correction used plus how far the signed time was off', () => {
    expect(measureClockOffset({ signatureTime: local, serverTime: local + 20 * MIN + 13_000, correctionUsedMs: 0, receivedAtMs: local })).toBe(20 * MIN + 13_000);
    // signed 20 min ahead already, and still 40 min behind: the gateway is 60 min ahead of this clock
    expect(measureClockOffset({ signatureTime: local + 20 * MIN, serverTime: local + 60 * MIN, correctionUsedMs: 20 * MIN, receivedAtMs: local })).toBe(60 * MIN);
  });

  it('from the Date header when the answer states no times; undefined without evidence', () => {
    expect(measureClockOffset({ gatewayDate: local - 20 * MIN, correctionUsedMs: 0, receivedAtMs: local })).toBe(-20 * MIN);
    expect(measureClockOffset({ correctionUsedMs: 5, receivedAtMs: local })).toBeUndefined();
  });
});

describe('clockLesson', () => {
  it('learns an offset that differs from the one in use by more than a minute, up to 24 h', () => {
    expect(clockLesson(0, 20 * MIN)).toEqual({ kind: 'learn', offsetMs: 20 * MIN });
    expect(clockLesson(20 * MIN, 20 * MIN + 30_000)).toEqual({ kind: 'keep' });
    expect(clockLesson(20 * MIN, 0)).toEqual({ kind: 'learn', offsetMs: 0 });
    expect(clockLesson(0, 25 * 3600_000)).toEqual({ kind: 'too-far', offsetMs: 25 * 3600_000 });
    expect(clockLesson(0, undefined)).toEqual({ kind: 'keep' });
  });
});

describe('describing an offset', () => {
  it('says it the way people do', () => {
    expect(formatDuration(20 * MIN + 13_000)).toBe('20 min 13 s');
    expect(formatDuration(-45_000)).toBe('45 s');
    expect(formatDuration(65 * MIN)).toBe('1 h 5 min');
    expect(formatDuration(120 * MIN)).toBe('2 h');
    expect(describeClockOffset(20 * MIN + 13_000)).toBe("your clock is 20 min 13 s behind the gateway's");
    expect(describeClockOffset(-20 * MIN)).toBe("your clock is 20 min ahead of the gateway's");
  });
});

describe('offsets by host', () => {
  it('stores per host, drops sub-second ones, and reads back only sane numbers', () => {
    let offsets = storeClockOffset({}, 'a.example.com', 20 * MIN);
    offsets = storeClockOffset(offsets, 'b.example.com:8443', -5 * MIN);
    expect(offsets).toEqual({ 'a.example.com': 20 * MIN, 'b.example.com:8443': -5 * MIN });
    expect(storeClockOffset(offsets, 'a.example.com', 400)).toEqual({ 'b.example.com:8443': -5 * MIN });
    expect(parseClockOffsets(JSON.stringify(offsets))).toEqual(offsets);
    expect(parseClockOffsets(JSON.stringify({ a: 'x', b: 48 * 3600_000, c: 1000 }))).toEqual({ c: 1000 });
    expect(parseClockOffsets('{broken')).toEqual({});
    expect(parseClockOffsets(undefined)).toEqual({});
  });
});

describe('clock skew, in detail', () => {
  const H = 3600_000;
  const at = Date.UTC(2024, 0, 2, 3, 24, 18);

  it.each([
    [' Tue, 02 Jan 2024 03:24:18 GMT ', at],
    ['Tue, 2 Jan 2024 03:24:18 GMT', at],
    ['TUE, 02 JAN 2024 03:24:18 GMT', at],
    ['Sun, 31 Dec 2023 23:59:59 GMT', Date.UTC(2023, 11, 31, 23, 59, 59)],
    ['Mon, 01 Jan 2024 00:00:00 GMT', Date.UTC(2024, 0, 1, 0, 0, 0)],
    ['Sat, 31 Dec 2016 23:59:60 GMT', Date.UTC(2017, 0, 1, 0, 0, 0)], // a leap second
    ['Thu, 01 Feb 2024 00:00:00 GMT', Date.UTC(2024, 1, 1)],
    ['Thu, 01 Mar 2024 00:00:00 GMT', Date.UTC(2024, 2, 1)],
    ['Thu, 01 Apr 2024 00:00:00 GMT', Date.UTC(2024, 3, 1)],
    ['Thu, 01 May 2024 00:00:00 GMT', Date.UTC(2024, 4, 1)],
    ['Thu, 01 Jun 2024 00:00:00 GMT', Date.UTC(2024, 5, 1)],
    ['Thu, 01 Jul 2024 00:00:00 GMT', Date.UTC(2024, 6, 1)],
    ['Thu, 01 Aug 2024 00:00:00 GMT', Date.UTC(2024, 7, 1)],
    ['Thu, 01 Sep 2024 00:00:00 GMT', Date.UTC(2024, 8, 1)],
    ['Thu, 01 Oct 2024 00:00:00 GMT', Date.UTC(2024, 9, 1)],
    ['Thu, 01 Nov 2024 00:00:00 GMT', Date.UTC(2024, 10, 1)],
    ['Thu, 01 Dec 2024 00:00:00 GMT', Date.UTC(2024, 11, 1)],
  ])('parseHttpDate reads %j', (text, expected) => {
    expect(parseHttpDate(text)).toBe(expected);
  });

  it.each([
    'x Tue, 02 Jan 2024 03:24:18 GMT',
    'Tue, 02 Jan 2024 03:24:18 GMT x',
    'Tue, 02 Jan 2024 03:24:18 UTC',
    'Tu, 02 Jan 2024 03:24:18 GMT',
    'Tue, 002 Jan 2024 03:24:18 GMT',
    'Tue, 00 Jan 2024 03:24:18 GMT',
    'Tue, 32 Jan 2024 03:24:18 GMT',
    'Tue, 02 Jan 2024 24:00:00 GMT',
    'Tue, 02 Jan 2024 03:60:00 GMT',
    'Tue, 02 Jan 2024 03:24:61 GMT',
    'Tue, 02 Jan 24 03:24:18 GMT',
    'Tue, 02 Jan 2024 3:24:18 GMT',
    'Tue, 02 Jnu 2024 03:24:18 GMT',
  ])('parseHttpDate refuses %j', (text) => {
    expect(parseHttpDate(text)).toBeNull();
  });

  it('measures from the stated times only when both are there', () => {
    expect(measureClockOffset({ signatureTime: at, correctionUsedMs: 0, gatewayDate: at + 5000, receivedAtMs: at })).toBe(5000);
    expect(measureClockOffset({ serverTime: at, correctionUsedMs: 0, gatewayDate: at + 5000, receivedAtMs: at })).toBe(5000);
    expect(measureClockOffset({ signatureTime: at, serverTime: at + 1000, correctionUsedMs: 0, gatewayDate: at + 5000, receivedAtMs: at })).toBe(1000);
  });

  it('learns up to exactly 24 h either way, and keeps a change of exactly a minute', () => {
    expect(MAX_CLOCK_OFFSET_MS).toBe(24 * H);
    expect(CLOCK_OFFSET_TOLERANCE_MS).toBe(60_000);
    expect(clockLesson(0, 24 * H)).toEqual({ kind: 'learn', offsetMs: 24 * H });
    expect(clockLesson(0, -24 * H)).toEqual({ kind: 'learn', offsetMs: -24 * H });
    expect(clockLesson(0, 24 * H + 1)).toEqual({ kind: 'too-far', offsetMs: 24 * H + 1 });
    expect(clockLesson(0, -24 * H - 1)).toEqual({ kind: 'too-far', offsetMs: -24 * H - 1 });
    expect(clockLesson(5 * MIN, 6 * MIN)).toEqual({ kind: 'keep' });
    expect(clockLesson(5 * MIN, 4 * MIN)).toEqual({ kind: 'keep' });
    expect(clockLesson(5 * MIN, 6 * MIN + 1)).toEqual({ kind: 'learn', offsetMs: 6 * MIN + 1 });
    expect(clockLesson(5 * MIN, 4 * MIN - 1)).toEqual({ kind: 'learn', offsetMs: 4 * MIN - 1 });
  });

  it('says durations in whole seconds, rounded', () => {
    expect(formatDuration(0)).toBe('0 s');
    expect(formatDuration(1499)).toBe('1 s');
    expect(formatDuration(1500)).toBe('2 s');
    expect(formatDuration(59_499)).toBe('59 s');
    expect(formatDuration(59_500)).toBe('1 min');
    expect(formatDuration(-20 * MIN)).toBe('20 min');
    expect(formatDuration(H + 5000)).toBe('1 h');
    expect(formatDuration(2 * H + 59 * MIN + 59_000)).toBe('2 h 59 min');
    expect(formatDuration(-(H + MIN))).toBe('1 h 1 min');
    expect(describeClockOffset(0)).toBe("your clock is 0 s behind the gateway's");
    expect(describeClockOffset(-1000)).toBe("your clock is 1 s ahead of the gateway's");
  });

  it('stores whole milliseconds from a second up, either way, and changes no argument', () => {
    const before = { h: 5000 };
    expect(storeClockOffset(before, 'a', 1000.6)).toEqual({ h: 5000, a: 1001 });
    expect(storeClockOffset(before, 'a', -1000)).toEqual({ h: 5000, a: -1000 });
    expect(storeClockOffset(before, 'h', 999)).toEqual({});
    expect(storeClockOffset(before, 'h', -999)).toEqual({});
    expect(before).toEqual({ h: 5000 });
  });

  it('reads offsets up to 24 h either way, and nothing from anything else', () => {
    expect(parseClockOffsets(JSON.stringify({ a: 24 * H, b: -24 * H, c: 24 * H + 1, d: -24 * H - 1, e: null, f: '5' }))).toEqual({ a: 24 * H, b: -24 * H });
    for (const stored of [42, '', 'null', '[]', '5']) expect(parseClockOffsets(stored)).toEqual({});
  });
});

describe('stored offsets in an array', () => {
  it('are not offsets by host', () => {
    expect(parseClockOffsets('[5000]')).toEqual({});
  });
});
