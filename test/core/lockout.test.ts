import {
  clearSignatureFailures,
  DEFAULT_LOCKOUT_AFTER,
  GATEWAY_LOCKOUT_FAILURES,
  GATEWAY_LOCKOUT_MINUTES,
  lockoutOf,
  parseSignatureFailures,
  recordSignatureFailure,
} from '../../src/core/lockout';

describe('the lockout guard memory', () => {
  it('counts consecutive failures per AK and stops at the threshold', () => {
    let m = recordSignatureFailure({}, 'AK1', 'fp1');
    m = recordSignatureFailure(m, 'AK1', 'fp1');
    expect(lockoutOf(m, 'AK1', 'fp1', 3)).toBeUndefined();
    m = recordSignatureFailure(m, 'AK1', 'fp1');
    expect(lockoutOf(m, 'AK1', 'fp1', 3)).toEqual({ fingerprint: 'fp1', count: 3 });
    expect(lockoutOf(m, 'AK2', 'fp1', 3)).toBeUndefined();
  });

  it('a fixed SK (another fingerprint) starts afresh; an accepted signature clears the count', () => {
    let m = recordSignatureFailure(recordSignatureFailure(recordSignatureFailure({}, 'AK1', 'fp1'), 'AK1', 'fp1'), 'AK1', 'fp1');
    expect(lockoutOf(m, 'AK1', 'fp2', 3)).toBeUndefined();
    expect(recordSignatureFailure(m, 'AK1', 'fp2')).toEqual({ AK1: { fingerprint: 'fp2', count: 1 } });
    m = clearSignatureFailures(m, 'AK1');
    expect(m).toEqual({});
  });

  it("stops at once when the gateway said it locked the key; 0 turns the count off but not the gateway's lock", () => {
    const locked = recordSignatureFailure({}, 'AK1', 'fp1', true);
    expect(lockoutOf(locked, 'AK1', 'fp1', 3)).toEqual({ fingerprint: 'fp1', count: 1, lockedByGateway: true });
    expect(lockoutOf(locked, 'AK1', 'fp1', 0)).toBeDefined();
    const many = recordSignatureFailure(recordSignatureFailure({}, 'AK1', 'fp1'), 'AK1', 'fp1');
    expect(lockoutOf(many, 'AK1', 'fp1', 0)).toBeUndefined();
  });

  it('reads back what it stored, and nothing else', () => {
    const m = recordSignatureFailure(recordSignatureFailure({}, 'AK1', 'fp1', true), 'AK2', 'fp2');
    expect(parseSignatureFailures(JSON.stringify(m))).toEqual(m);
    expect(parseSignatureFailures(JSON.stringify({ a: { fingerprint: 'x', count: 0 }, b: { count: 2 }, c: null }))).toEqual({});
    expect(parseSignatureFailures('nope')).toEqual({});
  });
});

describe('the lockout guard memory, in detail', () => {
  it("has the gateway's limits (APIG FAQ: 5 failures in a row lock an AK for 5 minutes) and stops at 3 by default", () => {
    expect([GATEWAY_LOCKOUT_FAILURES, GATEWAY_LOCKOUT_MINUTES, DEFAULT_LOCKOUT_AFTER]).toEqual([5, 5, 3]);
  });

  it("keeps the gateway's lock for the same SK only", () => {
    const locked = recordSignatureFailure({}, 'AK1', 'fp1', true);
    expect(recordSignatureFailure(locked, 'AK1', 'fp1')).toEqual({ AK1: { fingerprint: 'fp1', count: 2, lockedByGateway: true } });
    expect(recordSignatureFailure(locked, 'AK1', 'fp2')).toEqual({ AK1: { fingerprint: 'fp2', count: 1 } });
    expect(recordSignatureFailure({}, 'AK1', 'fp1')).toEqual({ AK1: { fingerprint: 'fp1', count: 1 } });
    expect(lockoutOf(locked, 'AK1', 'fp2', 3)).toBeUndefined();
  });

  it('stops at exactly lockoutAfter failures', () => {
    const two = recordSignatureFailure(recordSignatureFailure({}, 'AK1', 'fp1'), 'AK1', 'fp1');
    expect(lockoutOf(two, 'AK1', 'fp1', 2)).toEqual({ fingerprint: 'fp1', count: 2 });
    expect(lockoutOf(two, 'AK1', 'fp1', 1)).toEqual({ fingerprint: 'fp1', count: 2 });
    expect(lockoutOf(two, 'AK1', 'fp1', 3)).toBeUndefined();
    expect(lockoutOf({}, 'AK1', 'fp1', 1)).toBeUndefined();
  });

  it('changes no argument, and keeps the other AKs', () => {
    const m = { AK1: { fingerprint: 'fp1', count: 1 }, AK2: { fingerprint: 'fp2', count: 2 } };
    const copy = JSON.parse(JSON.stringify(m));
    expect(recordSignatureFailure(m, 'AK1', 'fp1')).toEqual({ AK1: { fingerprint: 'fp1', count: 2 }, AK2: m.AK2 });
    expect(clearSignatureFailures(m, 'AK1')).toEqual({ AK2: m.AK2 });
    expect(m).toEqual(copy);
    expect(clearSignatureFailures(m, 'AK3')).toBe(m);
  });

  it.each([undefined, 42, '', 'null', '[]', '5', '{'])('reads %j as empty', (stored) => {
    expect(parseSignatureFailures(stored)).toEqual({});
  });

  it('reads a gateway lock only when it is exactly true', () => {
    expect(parseSignatureFailures('{"a":{"fingerprint":"x","count":1,"lockedByGateway":"yes"},"b":{"fingerprint":"y","count":2,"lockedByGateway":true}}')).toEqual({
      a: { fingerprint: 'x', count: 1 },
      b: { fingerprint: 'y', count: 2, lockedByGateway: true },
    });
    expect(parseSignatureFailures('{"a":{"fingerprint":1,"count":1},"b":{"fingerprint":"y","count":"2"}}')).toEqual({});
  });
});

describe('stored failures in an array', () => {
  it('are not failures by AK', () => {
    expect(parseSignatureFailures('[{"fingerprint":"x","count":1}]')).toEqual({});
  });
});
