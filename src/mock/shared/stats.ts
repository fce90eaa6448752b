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
  /**
   * By `<domain name or id>/<user name>/<project:name-or-id | domain:name-or-id>` as requested; bodies too broken to
   * name an identity are not counted here. At most NAMES_KEPT identities, each name cut to NAME_CHARS_KEPT.
   */
  iamTokenRequestsByIdentity: Record<string, number>;
  /** Token requests for identities beyond the first NAMES_KEPT (counted, not named). */
  iamTokenRequestsOtherIdentities: number;
  /** X-Subject-Tokens issued. */
  tokensIssued: number;
  /** Requests that reached the gateway (every path that is not IAM or /__mock/). */
  gatewayRequests: number;
  /** The gateway's decisions, oldest first, the last VERDICTS_KEPT only. */
  verdicts: Verdict[];
  /** POST /v3.0/OS-CREDENTIAL/securitytokens requests, and temporary credentials issued. */
  securityTokenRequests: number;
  securityTokensIssued: number;
  /** Authenticated securitytokens requests by `aksk:<AK>` or `token:<user name>`, plus ` -> <domain>/<agency>` for assume_role (NAMES_KEPT at most, like every by-name count). */
  securityTokenRequestsByIdentity: Record<string, number>;
  /** GET /v3/projects requests. */
  projectRequests: number;
  /**
   * How often the gateway locked each AK (5 signature failures in a row: locked 5 minutes). Named like identities:
   * at most NAMES_KEPT, cut to NAME_CHARS_KEPT; lockouts of further AKs in accessKeyLockoutsOtherKeys.
   */
  accessKeyLockouts: Record<string, number>;
  accessKeyLockoutsOtherKeys: number;
  /** How often IAM locked each user, by `<domain>/<user>` (5 failed logins in a row: locked 15 minutes); likewise. */
  userLockouts: Record<string, number>;
  userLockoutsOtherUsers: number;
  /** X-Subject-Tokens revoked through POST /__mock/revoke-tokens. */
  tokensRevoked: number;
  /** Authenticated GET /v3/projects requests by `aksk:<AK>` or `token:<user>`, plus ` name=<name>` when filtered (NAMES_KEPT at most). */
  projectRequestsByIdentity: Record<string, number>;
  /** GET /v3/auth/domains requests, and the authenticated ones by `aksk:<AK>` or `token:<user>` (NAMES_KEPT at most). */
  domainRequests: number;
  domainRequestsByIdentity: Record<string, number>;
}

export const VERDICTS_KEPT = 200;
/** Names kept in each per-name count (identities, AKs, users); more are only counted, so many names stay small. */
export const NAMES_KEPT = 100;
/** Longer names and verdict paths are cut to this many characters, marked with their full length. */
export const NAME_CHARS_KEPT = 200;

/** A name as stats keep it: at most NAME_CHARS_KEPT characters, a longer one cut and marked `...(N chars)`. */
export function keptName(name: string): string {
  return name.length <= NAME_CHARS_KEPT ? name : `${name.slice(0, NAME_CHARS_KEPT)}...(${name.length} chars)`;
}

/** Counts by name (the caller's text, kept in a Map), the first NAMES_KEPT names only; the rest counted together. */
class NamedCounts {
  private readonly counts = new Map<string, number>();
  others = 0;

  add(name: string): void {
    const kept = keptName(name);
    const count = this.counts.get(kept);
    if (count !== undefined) this.counts.set(kept, count + 1);
    else if (this.counts.size < NAMES_KEPT) this.counts.set(kept, 1);
    else this.others++;
  }

  toObject(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }
}

export class StatsRecorder {
  private stats: MockStats = StatsRecorder.empty();
  private byIdentity = new NamedCounts();
  private keyLockouts = new NamedCounts();
  private userLockouts = new NamedCounts();
  private securityTokensBy = new NamedCounts();
  private projectsBy = new NamedCounts();
  private domainsBy = new NamedCounts();

  private static empty(): MockStats {
    return {
      iamTokenRequests: 0,
      iamTokenRequestsByIdentity: {},
      iamTokenRequestsOtherIdentities: 0,
      tokensIssued: 0,
      gatewayRequests: 0,
      verdicts: [],
      securityTokenRequests: 0,
      securityTokensIssued: 0,
      securityTokenRequestsByIdentity: {},
      projectRequests: 0,
      accessKeyLockouts: {},
      accessKeyLockoutsOtherKeys: 0,
      userLockouts: {},
      userLockoutsOtherUsers: 0,
      tokensRevoked: 0,
      projectRequestsByIdentity: {},
      domainRequests: 0,
      domainRequestsByIdentity: {},
    };
  }

  snapshot(): MockStats {
    return {
      ...this.stats,
      iamTokenRequestsByIdentity: this.byIdentity.toObject(),
      iamTokenRequestsOtherIdentities: this.byIdentity.others,
      securityTokenRequestsByIdentity: this.securityTokensBy.toObject(),
      projectRequestsByIdentity: this.projectsBy.toObject(),
      domainRequestsByIdentity: this.domainsBy.toObject(),
      verdicts: [...this.stats.verdicts],
      accessKeyLockouts: this.keyLockouts.toObject(),
      accessKeyLockoutsOtherKeys: this.keyLockouts.others,
      userLockouts: this.userLockouts.toObject(),
      userLockoutsOtherUsers: this.userLockouts.others,
    };
  }

  accessKeyLocked(ak: string): void {
    this.keyLockouts.add(ak);
  }

  userLocked(key: string): void {
    this.userLockouts.add(key);
  }

  tokensRevoked(n: number): void {
    this.stats.tokensRevoked += n;
  }

  reset(): void {
    this.stats = StatsRecorder.empty();
    this.byIdentity = new NamedCounts();
    this.keyLockouts = new NamedCounts();
    this.userLockouts = new NamedCounts();
    this.securityTokensBy = new NamedCounts();
    this.projectsBy = new NamedCounts();
    this.domainsBy = new NamedCounts();
  }

  iamTokenRequest(identity: string | undefined): void {
    this.stats.iamTokenRequests++;
    if (identity !== undefined) this.byIdentity.add(identity);
  }

  tokenIssued(): void {
    this.stats.tokensIssued++;
  }

  securityTokenRequest(): void {
    this.stats.securityTokenRequests++;
  }

  securityTokenIdentity(identity: string): void {
    this.securityTokensBy.add(identity);
  }

  securityTokenIssued(): void {
    this.stats.securityTokensIssued++;
  }

  projectRequest(): void {
    this.stats.projectRequests++;
  }

  projectIdentity(identity: string): void {
    this.projectsBy.add(identity);
  }

  domainRequest(identity: string | undefined): void {
    this.stats.domainRequests++;
    if (identity !== undefined) this.domainsBy.add(identity);
  }

  gatewayVerdict(verdict: Verdict): void {
    this.stats.gatewayRequests++;
    this.stats.verdicts.push({ ...verdict, path: keptName(verdict.path) });
    if (this.stats.verdicts.length > VERDICTS_KEPT) this.stats.verdicts.splice(0, this.stats.verdicts.length - VERDICTS_KEPT);
  }
}
