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
}

export class CredentialStore {
  private readonly tokens = new Map<string, IssuedSubjectToken>();
  private readonly temporaryKeys = new Map<string, TemporaryKey>();

  addToken(token: string, info: IssuedSubjectToken): void {
    this.tokens.set(token, info);
  }

  token(token: string): IssuedSubjectToken | undefined {
    return this.tokens.get(token);
  }

  addTemporaryKey(access: string, key: TemporaryKey): void {
    this.temporaryKeys.set(access, key);
  }

  temporaryKey(access: string): TemporaryKey | undefined {
    return this.temporaryKeys.get(access);
  }

  clear(): void {
    this.tokens.clear();
    this.temporaryKeys.clear();
  }
}
