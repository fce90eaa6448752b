import {
  CREDENTIAL_LIMITS,
  CredentialStore,
  credentialDigest,
  KEPT_AFTER_EXPIRY_MS,
  type IssuedSubjectToken,
} from '../../src/mock/shared/issuedCredentials';
import { manualClock } from './client';

/** The mock's memory of issued credentials: by digest, forgotten after expiry, never more than the limits. */
const HOUR = 3600 * 1000;
const info = (now: number, ttlMs: number): IssuedSubjectToken => ({
  issuedAt: now,
  expiresAt: now + ttlMs,
  user: { id: 'u', name: 'mock-user' },
  domain: { id: 'd', name: 'mock-account' },
  scope: { kind: 'project', id: 'p', name: 'cn-north-4' },
});

describe('CredentialStore', () => {
  it('finds a token by its text, though it keeps only the digest', () => {
    const clock = manualClock(0);
    const store = new CredentialStore(clock.now);
    const token = 'MII' + 'a'.repeat(10_000);
    store.addToken(token, info(0, HOUR));
    expect(store.token(token)).toEqual(info(0, HOUR));
    expect(store.token(token + 'b')).toBeUndefined();
    expect(JSON.stringify(store)).not.toContain('a'.repeat(100));
  });

  it('keeps a temporary key with the digest of its security token', () => {
    const store = new CredentialStore(() => 0);
    store.addTemporaryKey('HWCMOCKTEMPAK0000001', { secret: 's', securityToken: 'sec-token', expiresAt: HOUR });
    expect(store.temporaryKey('HWCMOCKTEMPAK0000001')).toEqual({ secret: 's', securityTokenSha256: credentialDigest('sec-token'), expiresAt: HOUR });
  });

  it('an expired token is still known within KEPT_AFTER_EXPIRY_MS, and forgotten at the next sweep after that', () => {
    const clock = manualClock(0);
    const store = new CredentialStore(clock.now);
    store.addToken('short', info(0, 60_000));
    store.addToken('long', info(0, 48 * HOUR));
    clock.set(60_000 + KEPT_AFTER_EXPIRY_MS - 1);
    for (let i = 0; i < 600; i++) store.addToken(`t${i}`, info(clock.now(), 24 * HOUR));
    expect(store.token('short')).toBeDefined(); // swept once, but still within the grace

    clock.set(60_000 + KEPT_AFTER_EXPIRY_MS);
    for (let i = 0; i < 600; i++) store.addToken(`u${i}`, info(clock.now(), 24 * HOUR));
    expect(store.token('short')).toBeUndefined();
    expect(store.token('long')).toBeDefined();
    expect(store.counts.tokens).toBe(1201);
  });

  it(`never keeps more than ${CREDENTIAL_LIMITS.tokens} tokens: the oldest go first`, () => {
    const store = new CredentialStore(() => 0);
    const n = CREDENTIAL_LIMITS.tokens + 250;
    for (let i = 0; i < n; i++) store.addToken(`t${i}`, info(0, 24 * HOUR));
    expect(store.counts.tokens).toBe(CREDENTIAL_LIMITS.tokens);
    expect(store.token('t249')).toBeUndefined();
    expect(store.token('t250')).toBeDefined();
    expect(store.token(`t${n - 1}`)).toBeDefined();
  });

  it(`never keeps more than ${CREDENTIAL_LIMITS.temporaryKeys} temporary keys`, () => {
    const store = new CredentialStore(() => 0);
    for (let i = 0; i < CREDENTIAL_LIMITS.temporaryKeys + 10; i++) store.addTemporaryKey(`AK${i}`, { secret: 's', securityToken: 't', expiresAt: HOUR });
    expect(store.counts.temporaryKeys).toBe(CREDENTIAL_LIMITS.temporaryKeys);
    expect(store.temporaryKey('AK9')).toBeUndefined();
    expect(store.temporaryKey('AK10')).toBeDefined();
  });

  it('clear forgets everything', () => {
    const store = new CredentialStore(() => 0);
    store.addToken('t', info(0, HOUR));
    store.addTemporaryKey('AK', { secret: 's', securityToken: 't', expiresAt: HOUR });
    store.clear();
    expect(store.counts).toEqual({ tokens: 0, temporaryKeys: 0 });
  });
});
