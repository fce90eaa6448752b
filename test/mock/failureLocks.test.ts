import { FailureLocks, LOCK_KEYS_KEPT } from '../../src/mock/shared/failureLocks';

/** The gateway's and IAM's failure locks stay bounded whatever keys requests name (test/mock/gateway/lockout.test.ts: the behaviour). */
describe('FailureLocks bounds', () => {
  it(`remembers at most ${LOCK_KEYS_KEPT} keys per map: the least recently failed are forgotten`, () => {
    const locks = new FailureLocks(5, 60_000);
    for (let i = 0; i < LOCK_KEYS_KEPT + 500; i++) locks.fail(`AK${i}`, 0);
    expect(locks.size).toBe(LOCK_KEYS_KEPT);
    // AK0's one failure was forgotten: four more do not lock it; the newest key's do
    for (let i = 0; i < 4; i++) expect(locks.fail('AK0', 0)).toBe(false);
    for (let i = 0; i < 3; i++) locks.fail(`AK${LOCK_KEYS_KEPT + 499}`, 0);
    expect(locks.fail(`AK${LOCK_KEYS_KEPT + 499}`, 0)).toBe(true);
  });

  it('keeps a long key by its digest: still exact, and small', () => {
    const locks = new FailureLocks(2, 60_000);
    const long = 'A'.repeat(64 * 1024);
    locks.fail(long, 0);
    expect(locks.fail(long.slice(0, -1) + 'B', 0)).toBe(false);
    expect(locks.fail(long, 0)).toBe(true);
    expect(locks.isLocked(long, 1)).toBe(true);
    const kept = [...(locks as unknown as { lockedUntil: Map<string, number> }).lockedUntil.keys()];
    expect(kept).toEqual([expect.stringMatching(/^sha256:[0-9a-f]{64}$/)]);
  });

  it('drops an ended lock when it is next asked about', () => {
    const locks = new FailureLocks(1, 60_000);
    expect(locks.fail('AK', 0)).toBe(true);
    expect(locks.size).toBe(1);
    expect(locks.isLocked('AK', 59_999)).toBe(true);
    expect(locks.isLocked('AK', 60_000)).toBe(false);
    expect(locks.size).toBe(0);
  });
});
