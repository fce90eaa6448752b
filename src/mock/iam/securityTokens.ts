import { MOCK_AGENCIES, MOCK_TEMP_AK_PREFIX } from '../fixtures';
import { gatewayError } from '../gateway/gatewayErrors';
import { authenticate } from '../gateway/requestAuth';
import { isObject, jsonBody, type MockRequest, type MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { IAM_CODE, iamV3Error, keystoneError } from './iamErrors';
import { iamDate, newTemporaryCredential } from './iamFormat';

export const MIN_DURATION_SECONDS = 900;
export const MAX_DURATION_SECONDS = 86400;

/**
 * POST /v3.0/OS-CREDENTIAL/securitytokens: authenticated by X-Auth-Token or an AK/SK signature; body
 * `{"auth":{"identity":{"methods":["token"],"token":{"duration_seconds":900}}}}` (900 to 86400, default 900), or
 * `{"auth":{"identity":{"methods":["assume_role"],"assume_role":{"agency_name","domain_name"|"domain_id",
 * "duration_seconds"}}}}` for an agency of MOCK_AGENCIES (another one: 404, Keystone style).
 * 201 `{"credential":{"access","secret","securitytoken","expires_at"}}`. An expired token gets IAM.0066 (the v3.0
 * style); other authentication failures get the gateway's answer. Counted per identity: the caller (`aksk:<AK>` or
 * `token:<user>`) and, for assume_role, `-> <domain>/<agency>`.
 */
export function handleSecurityTokens(req: MockRequest, state: MockState, requestId: string): MockResponse {
  if (req.method !== 'POST') return iamV3Error(405, IAM_CODE.iamV3BadParameter, 'The method is not allowed.', 'method');
  state.stats.securityTokenRequest();
  const auth = authenticate(req, state);
  if (!auth.ok) {
    if (auth.reason === 'token-expired' || auth.reason === 'token-revoked') return iamV3Error(401, IAM_CODE.iamV3TokenExpired, 'The token is expired.', 'token expired');
    return gatewayError(auth.status, auth.code, auth.message, requestId, `${auth.auth} ${auth.reason}`);
  }
  const parsed = parseIdentity(jsonBody(req));
  if (typeof parsed === 'string') return iamV3Error(400, IAM_CODE.iamV3BadParameter, parsed, 'bad-request');
  const caller = auth.auth === 'aksk' ? `aksk:${auth.access}` : auth.auth === 'token' ? `token:${auth.token.user.name}` : 'none';
  const agencyKey = parsed.agency ? `${parsed.agency.domain}/${parsed.agency.name}` : undefined;
  state.stats.securityTokenIdentity(agencyKey ? `${caller} -> ${agencyKey}` : caller);
  if (parsed.agency) {
    const { name, domain } = parsed.agency;
    if (!MOCK_AGENCIES.some((a) => a.name === name && (a.domainName === domain || a.domainId === domain))) {
      return keystoneError(404, `Could not find agency ${name} in domain ${domain}.`, 'agency not found');
    }
  }

  const credential = newTemporaryCredential(MOCK_TEMP_AK_PREFIX);
  const expiresAt = state.now() + parsed.duration * 1000;
  state.credentials.addTemporaryKey(credential.access, {
    secret: credential.secret,
    securityToken: credential.securitytoken,
    expiresAt,
    ...(agencyKey !== undefined ? { agency: agencyKey } : {}),
  });
  state.stats.securityTokenIssued();
  return { status: 201, body: { credential: { ...credential, expires_at: iamDate(expiresAt) } }, verdict: `${auth.auth} temporary key issued` };
}

/** The method (token or assume_role with its agency) and duration_seconds, or an error message. */
function parseIdentity(body: unknown): { duration: number; agency?: { name: string; domain: string } } | string {
  const identity = isObject(body) && isObject(body.auth) ? body.auth.identity : undefined;
  const methods = isObject(identity) && Array.isArray(identity.methods) ? identity.methods : [];
  if (!isObject(identity) || methods.length !== 1 || (methods[0] !== 'token' && methods[0] !== 'assume_role')) {
    return 'Request parameter auth.identity.methods must be ["token"] or ["assume_role"].';
  }
  if (methods[0] === 'assume_role') {
    const role = identity.assume_role;
    if (!isObject(role) || typeof role.agency_name !== 'string' || role.agency_name === '') {
      return 'Request parameter auth.identity.assume_role.agency_name is required.';
    }
    const domain = typeof role.domain_name === 'string' && role.domain_name ? role.domain_name : typeof role.domain_id === 'string' ? role.domain_id : '';
    if (domain === '') return 'Request parameter auth.identity.assume_role.domain_name or domain_id is required.';
    const duration = parseDuration(role.duration_seconds);
    return typeof duration === 'string' ? duration : { duration, agency: { name: role.agency_name, domain } };
  }
  const token = identity.token;
  if (token !== undefined && !isObject(token)) return 'Request parameter auth.identity.token is invalid.';
  const duration = parseDuration(token === undefined ? undefined : token.duration_seconds);
  return typeof duration === 'string' ? duration : { duration };
}

/** duration_seconds (default 900), or an error message. */
function parseDuration(d: unknown): number | string {
  if (d === undefined) return MIN_DURATION_SECONDS;
  if (typeof d !== 'number' || !Number.isInteger(d) || d < MIN_DURATION_SECONDS || d > MAX_DURATION_SECONDS) {
    return `Request parameter duration_seconds must be an integer from ${MIN_DURATION_SECONDS} to ${MAX_DURATION_SECONDS}.`;
  }
  return d;
}
