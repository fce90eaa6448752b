import { parseSignedAuthorization } from '../../core/authorizationForms';
import { gatewayQuotedForm } from '../../core/canonicalRequest';
import { HEADER, MAX_SIGNED_BODY_BYTES } from '../../core/constants';
import { verifySignature } from '../../core/verifySignature';
import { nodeCrypto } from '../../node/nodeCrypto';
import { headerValue, receivedDigests, type MockRequest } from '../shared/exchange';
import { credentialDigest } from '../shared/issuedCredentials';
import type { MockState } from '../shared/state';
import { authFailure, type AuthFailure, type AuthResult, type FailureReason } from './authResult';
import { GATEWAY_CODE } from './gatewayErrors';
import { sdkDateProblem } from './sdkDateWindow';

const PREFIX = 'Incorrect IAM authentication information: ';

/** APIG's answer while an AK/SK is locked (APIG FAQ, "Common Errors Related to IAM Authentication Information"). */
const LOCKED = 'AK access failed to reach the limit,forbidden.';

function refuse(reason: FailureReason, detail: string): AuthFailure {
  return authFailure('aksk', 401, GATEWAY_CODE.iamAuth, reason, PREFIX + detail);
}

/**
 * The gateway's AK/SK check, from the request exactly as received: body size (12 MB), the AK not locked, X-Sdk-Date
 * within 15 minutes of the mock clock, a known AK, the signature recomputed by the core's verifySignature, and for a
 * temporary AK a signed, matching, unexpired X-Security-Token. Like APIG, 5 signature failures of an AK in a row
 * (expired or mismatched) lock it for 5 minutes: every request of it is refused meanwhile, signed right or not.
 */
export function authenticateAksk(req: MockRequest, state: MockState): AuthResult {
  const access = parseSignedAuthorization(headerValue(req, HEADER.authorization) ?? '')?.access;
  if (access !== undefined && state.keyLocks.isLocked(access, state.now())) return refuse('ak-locked', LOCKED);
  const result = verifyAksk(req, state);
  if (access !== undefined) {
    if (result.ok) state.keyLocks.succeed(access);
    else if ((result.reason === 'signature-mismatch' || result.reason === 'signature-expired') && state.keyLocks.fail(access, state.now())) {
      state.stats.accessKeyLocked(access);
    }
  }
  return result;
}

function verifyAksk(req: MockRequest, state: MockState): AuthResult {
  if (req.body.length > MAX_SIGNED_BODY_BYTES) {
    return authFailure('aksk', 413, GATEWAY_CODE.requestError, 'body-too-large', 'Request entity too large.');
  }
  const now = state.now();
  const clock = sdkDateProblem(req, now);
  if (clock) return refuse(clock.reason, clock.detail);

  const result = verifySignature(
    { method: req.method, target: req.target, headers: req.headers, body: receivedDigests(req) },
    (access) => state.secretFor(access),
    nodeCrypto,
  );
  if (!result.ok) {
    switch (result.reason) {
      case 'missing-authorization':
        return authFailure('none', 401, GATEWAY_CODE.iamAuth, 'no-credentials', PREFIX + 'Authorization not found.');
      case 'malformed-authorization':
        return refuse(
          'malformed-authorization',
          'Authorization is not "SDK-HMAC-SHA256|SDK-HMAC-SM3 Access=..., SignedHeaders=..., Signature=..." nor ' +
            '"V11-HMAC-SHA256 Credential=.../YYYYMMDD/region/service, SignedHeaders=..., Signature=..."',
        );
      case 'scope-date-mismatch':
        return refuse('scope-date-mismatch', result.detail);
      case 'missing-sdk-date':
        return refuse('missing-sdk-date', 'x-sdk-date not found');
      case 'missing-signed-header':
        return refuse('missing-signed-header', result.detail);
      case 'unknown-access-key':
        return refuse('unknown-access-key', 'ak not exist');
      case 'signature-mismatch':
        return refuse('signature-mismatch', 'verify aksk signature fail, canonicalRequest:' + gatewayQuotedForm(result.canonicalRequest));
    }
  }

  const signedHeaders = parseSignedAuthorization(headerValue(req, HEADER.authorization) ?? '')?.signedHeaders ?? [];
  const temporary = state.permanentKeys.has(result.access) ? undefined : state.credentials.temporaryKey(result.access);
  if (temporary) {
    const presented = headerValue(req, HEADER.securityToken);
    if (presented === undefined) return refuse('security-token-missing', 'x-security-token not found, a temporary ak needs it');
    if (!signedHeaders.includes(HEADER.securityToken.toLowerCase())) {
      return refuse('security-token-unsigned', 'x-security-token must be a signed header');
    }
    if (credentialDigest(presented.trim()) !== temporary.securityTokenSha256) return refuse('security-token-mismatch', 'x-security-token does not belong to this ak');
    if (now >= temporary.expiresAt) return refuse('security-token-expired', 'the temporary ak and its security token have expired');
  }
  return {
    ok: true,
    auth: 'aksk',
    access: result.access,
    temporary: temporary !== undefined,
    ...(temporary?.agency !== undefined ? { agency: temporary.agency } : {}),
    signedHeaders,
    canonicalRequest: result.canonicalRequest,
    algorithm: result.algorithm,
  };
}
