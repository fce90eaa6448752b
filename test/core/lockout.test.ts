import { clearSignatureFailures, lockoutOf, parseSignatureFailures, recordSignatureFailure } from '../../src/core/lockout';

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
