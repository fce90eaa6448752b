/** The credentials this mock has issued: X-Subject-Tokens and temporary AK/SK pairs, each with its expiry. */
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
  securityToken: string;
  expiresAt: number;
  /** assume_role: the agency (`<delegating domain>/<agency name>`) these credentials act through. */
  agency?: string;
}

export class CredentialStore {
  private readonly tokens = new Map<string, IssuedSubjectToken>();
  private readonly revoked = new Set<string>();
  private readonly temporaryKeys = new Map<string, TemporaryKey>();

  addToken(token: string, info: IssuedSubjectToken): void {
    this.tokens.set(token, info);
  }

  token(token: string): IssuedSubjectToken | undefined {
    return this.tokens.get(token);
  }

  /** Revokes every token issued so far (or only a user's), as a password, permission or key change does. */
  revokeTokens(userName?: string): number {
    let n = 0;
    for (const [token, info] of this.tokens) {
      if ((userName === undefined || info.user.name === userName) && !this.revoked.has(token)) {
        this.revoked.add(token);
        n++;
      }
    }
    return n;
  }

  isRevoked(token: string): boolean {
    return this.revoked.has(token);
  }

  addTemporaryKey(access: string, key: TemporaryKey): void {
    this.temporaryKeys.set(access, key);
  }

  temporaryKey(access: string): TemporaryKey | undefined {
    return this.temporaryKeys.get(access);
  }

  clear(): void {
    this.tokens.clear();
    this.revoked.clear();
    this.temporaryKeys.clear();
  }
}
