/**
 * Temporary credentials (POST /v3.0/OS-CREDENTIAL/securitytokens, IAM API reference): a temporary AK/SK and security
 * token for the caller (method "token"), or for an agency of another account (method "assume_role"), valid
 * duration_seconds (15 minutes to 24 hours). The caller authenticates the call with its own AK/SK signature or an
 * IAM token.
 */
export const SECURITY_TOKENS_PATH = '/v3.0/OS-CREDENTIAL/securitytokens';
export const MIN_TEMPORARY_DURATION_SECONDS = 900;
export const MAX_TEMPORARY_DURATION_SECONDS = 86400;
export const DEFAULT_TEMPORARY_DURATION_SECONDS = 3600;

/** An agency to assume: its name and the account (domain) that delegates through it. */
export interface Agency {
  name: string;
  domainName: string;
}

/** Who asks for temporary credentials, and for what. Nothing secret: the cache key is made from it. */
export interface TemporaryIdentity {
  iamEndpoint: string;
  /** How the call is authenticated: a permanent AK (signature), or a user's IAM token (its identity key). */
  caller: { kind: 'aksk'; ak: string } | { kind: 'token'; tokenIdentity: string };
  /** assume_role when set, else the caller's own temporary credentials. */
  agency?: Agency;
  durationSeconds: number;
}

export function securityTokensUrl(iamEndpoint: string): string {
  return iamEndpoint.replace(/\/+$/, '') + SECURITY_TOKENS_PATH;
}

/** The request body: `token` for the caller's own credentials, `assume_role` for an agency. */
export function securityTokenRequestBody(identity: TemporaryIdentity): string {
  const duration_seconds = identity.durationSeconds;
  const auth = identity.agency
    ? { identity: { methods: ['assume_role'], assume_role: { agency_name: identity.agency.name, domain_name: identity.agency.domainName, duration_seconds } } }
    : { identity: { methods: ['token'], token: { duration_seconds } } };
  return JSON.stringify({ auth });
}

/** The cache key of temporary credentials: endpoint, caller, agency and duration (a JSON array, nothing secret). */
export function temporaryIdentityKey(identity: TemporaryIdentity): string {
  const caller = identity.caller.kind === 'aksk' ? ['aksk', identity.caller.ak] : ['token', identity.caller.tokenIdentity];
  const agency = identity.agency ? [identity.agency.domainName, identity.agency.name] : [];
  return JSON.stringify([identity.iamEndpoint.replace(/\/+$/, '').toLowerCase(), ...caller, ...agency, identity.durationSeconds]);
}
