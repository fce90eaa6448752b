/** What the mock has seen, for GET /__mock/stats. The JSON keys are a contract other helpers code against. */
export type AuthKind = 'aksk' | 'token' | 'none' | 'app' | 'appcode';

export interface Verdict {
  method: string;
  /** Raw path as received, without the query. */
  path: string;
  auth: AuthKind;
  ok: boolean;
  status: number;
  code?: string;
  /** AK/SK requests accepted: the signing algorithm verified (SDK-HMAC-SHA256, V11-HMAC-SHA256, SDK-HMAC-SM3). */
  algorithm?: string;
}

export interface MockStats {
  /** Every POST /v3/auth/tokens, whatever its outcome (faults and bad bodies included). */
  iamTokenRequests: number;
  /** By `<domain name or id>/<user name>/<project:name-or-id | domain:name-or-id>` as requested; bodies too broken to name an identity are not counted here. */
  iamTokenRequestsByIdentity: Record<string, number>;
  /** X-Subject-Tokens issued. */
  tokensIssued: number;
  /** Requests that reached the gateway (every path that is not IAM or /__mock/). */
  gatewayRequests: number;
  /** The gateway's decisions, oldest first, the last VERDICTS_KEPT only. */
  verdicts: Verdict[];
  /** POST /v3.0/OS-CREDENTIAL/securitytokens requests, and temporary credentials issued. */
  securityTokenRequests: number;
  securityTokensIssued: number;
  /** Authenticated securitytokens requests by `aksk:<AK>` or `token:<user name>`, plus ` -> <domain>/<agency>` for assume_role. */
  securityTokenRequestsByIdentity: Record<string, number>;
  /** GET /v3/projects requests. */
  projectRequests: number;
  /** How often the gateway locked each AK (5 signature failures in a row: locked 5 minutes). */
  accessKeyLockouts: Record<string, number>;
  /** How often IAM locked each user, by `<domain>/<user>` (5 failed logins in a row: locked 15 minutes). */
  userLockouts: Record<string, number>;
  /** X-Subject-Tokens revoked through POST /__mock/revoke-tokens. */
  tokensRevoked: number;
  /** Authenticated GET /v3/projects requests by `aksk:<AK>` or `token:<user>`, plus ` name=<name>` when filtered. */
  projectRequestsByIdentity: Record<string, number>;
  /** GET /v3/auth/domains requests, and the authenticated ones by `aksk:<AK>` or `token:<user>`. */
  domainRequests: number;
  domainRequestsByIdentity: Record<string, number>;
}

export const VERDICTS_KEPT = 200;

export class StatsRecorder {
  private stats: MockStats = StatsRecorder.empty();

  private static empty(): MockStats {
    return {
      iamTokenRequests: 0,
      iamTokenRequestsByIdentity: {},
      tokensIssued: 0,
      gatewayRequests: 0,
      verdicts: [],
      securityTokenRequests: 0,
      securityTokensIssued: 0,
      securityTokenRequestsByIdentity: {},
      projectRequests: 0,
      accessKeyLockouts: {},
      userLockouts: {},
      tokensRevoked: 0,
      projectRequestsByIdentity: {},
      domainRequests: 0,
      domainRequestsByIdentity: {},
    };
  }

  snapshot(): MockStats {
    return {
      ...this.stats,
      iamTokenRequestsByIdentity: { ...this.stats.iamTokenRequestsByIdentity },
      securityTokenRequestsByIdentity: { ...this.stats.securityTokenRequestsByIdentity },
      projectRequestsByIdentity: { ...this.stats.projectRequestsByIdentity },
      domainRequestsByIdentity: { ...this.stats.domainRequestsByIdentity },
      verdicts: [...this.stats.verdicts],
      accessKeyLockouts: { ...this.stats.accessKeyLockouts },
      userLockouts: { ...this.stats.userLockouts },
    };
  }

  accessKeyLocked(ak: string): void {
    this.stats.accessKeyLockouts[ak] = (this.stats.accessKeyLockouts[ak] ?? 0) + 1;
  }

  userLocked(key: string): void {
    this.stats.userLockouts[key] = (this.stats.userLockouts[key] ?? 0) + 1;
  }

  tokensRevoked(n: number): void {
    this.stats.tokensRevoked += n;
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
  }

  iamTokenRequest(identity: string | undefined): void {
    this.stats.iamTokenRequests++;
    if (identity !== undefined) {
      const by = this.stats.iamTokenRequestsByIdentity;
      by[identity] = (by[identity] ?? 0) + 1;
    }
  }

  tokenIssued(): void {
    this.stats.tokensIssued++;
  }

  securityTokenRequest(): void {
    this.stats.securityTokenRequests++;
  }

  securityTokenIdentity(identity: string): void {
    const by = this.stats.securityTokenRequestsByIdentity;
    by[identity] = (by[identity] ?? 0) + 1;
  }

  securityTokenIssued(): void {
    this.stats.securityTokensIssued++;
  }

  projectRequest(): void {
    this.stats.projectRequests++;
  }

  projectIdentity(identity: string): void {
    const by = this.stats.projectRequestsByIdentity;
    by[identity] = (by[identity] ?? 0) + 1;
  }

  domainRequest(identity: string | undefined): void {
    this.stats.domainRequests++;
    if (identity === undefined) return;
    const by = this.stats.domainRequestsByIdentity;
    by[identity] = (by[identity] ?? 0) + 1;
  }

  gatewayVerdict(verdict: Verdict): void {
    this.stats.gatewayRequests++;
    this.stats.verdicts.push(verdict);
    if (this.stats.verdicts.length > VERDICTS_KEPT) this.stats.verdicts.splice(0, this.stats.verdicts.length - VERDICTS_KEPT);
  }
}
