import { nodeCrypto } from '../../node/nodeCrypto';

/**
 * The credentials this mock has issued: X-Subject-Tokens (and whether each was revoked) and temporary AK/SK pairs,
 * each with its expiry. Bounded: tokens and security tokens are remembered by their SHA-256 (not their ~10 KB and
 * ~1.6 KB of text), an expired one is forgotten KEPT_AFTER_EXPIRY_MS after its expiry (until then the gateway still
 * answers "expired"), and at most the newest CREDENTIAL_LIMITS.tokens tokens and .temporaryKeys keys are kept (an
 * older one is then answered like an expired one).
 */
export type SubjectTokenScope =
  | { kind: 'project'; id: string; name: string }
  | { kind: 'domain'; id: string; name: string };

export interface IssuedSubjectToken {
  issuedAt: number;
  expiresAt: number;
  user: { id: string; name: string };
  domain: { id: string; name: string };
  scope: SubjectTokenScope;
}

export interface TemporaryKey {
  secret: string;
  /** Hex SHA-256 of the security token issued with the key. */
  securityTokenSha256: string;
  expiresAt: number;
  /** assume_role: the agency (`<delegating domain>/<agency name>`) these credentials act through. */
  agency?: string;
}

export const CREDENTIAL_LIMITS = { tokens: 5000, temporaryKeys: 5000 } as const;
/** How long, on the mock clock, an expired credential is still known as expired before it is forgotten. */
export const KEPT_AFTER_EXPIRY_MS = 60 * 60 * 1000;
/** Expired credentials are swept every this many issues (a full pass: at most a limit's worth of entries). */
const SWEEP_EVERY = 500;

/** The hex SHA-256 a credential is remembered by. */
export function credentialDigest(text: string): string {
  return nodeCrypto.sha256Hex(text);
}

/** A token as the store keeps it: what it was issued for, and whether POST /__mock/revoke-tokens revoked it. */
interface KeptToken {
  info: IssuedSubjectToken;
  expiresAt: number;
  revoked: boolean;
}

export class CredentialStore {
  private readonly tokens = new BoundedExpiringMap<KeptToken>(CREDENTIAL_LIMITS.tokens);
  private readonly temporaryKeys = new BoundedExpiringMap<TemporaryKey>(CREDENTIAL_LIMITS.temporaryKeys);

  /** `now`: the mock's clock, epoch ms. */
  constructor(private readonly now: () => number) {}

  addToken(token: string, info: IssuedSubjectToken): void {
    this.tokens.set(credentialDigest(token), { info, expiresAt: info.expiresAt, revoked: false }, this.now());
  }

  token(token: string): IssuedSubjectToken | undefined {
    return this.tokens.get(credentialDigest(token))?.info;
  }

  /** Revokes every token issued so far (or only a user's), as a password, permission or key change does. */
  revokeTokens(userName?: string): number {
    let n = 0;
    for (const kept of this.tokens.values()) {
      if ((userName === undefined || kept.info.user.name === userName) && !kept.revoked) {
        kept.revoked = true;
        n++;
      }
    }
    return n;
  }

  isRevoked(token: string): boolean {
    return this.tokens.get(credentialDigest(token))?.revoked === true;
  }

  addTemporaryKey(access: string, key: { secret: string; securityToken: string; expiresAt: number; agency?: string }): void {
    const kept: TemporaryKey = { secret: key.secret, securityTokenSha256: credentialDigest(key.securityToken), expiresAt: key.expiresAt };
    if (key.agency !== undefined) kept.agency = key.agency;
    this.temporaryKeys.set(access, kept, this.now());
  }

  temporaryKey(access: string): TemporaryKey | undefined {
    return this.temporaryKeys.get(access);
  }

  /** How many of each are remembered now (GET /__mock/memory). */
  get counts(): { tokens: number; temporaryKeys: number } {
    return { tokens: this.tokens.size, temporaryKeys: this.temporaryKeys.size };
  }

  clear(): void {
    this.tokens.clear();
    this.temporaryKeys.clear();
  }
}

/** A Map in issue order that forgets entries KEPT_AFTER_EXPIRY_MS after they expire, and its oldest past `limit`. */
class BoundedExpiringMap<V extends { expiresAt: number }> {
  private readonly entries = new Map<string, V>();
  private issuedSinceSweep = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (++this.issuedSinceSweep >= SWEEP_EVERY) this.sweep(now);
    // Still over: the oldest issued go first (a Map iterates in insertion order).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
    this.issuedSinceSweep = 0;
  }

  private sweep(now: number): void {
    this.issuedSinceSweep = 0;
    for (const [key, value] of this.entries) {
      if (now >= value.expiresAt + KEPT_AFTER_EXPIRY_MS) this.entries.delete(key);
    }
  }
}
