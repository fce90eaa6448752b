import {
  clockLesson,
  describeClockOffset,
  formatDuration,
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
