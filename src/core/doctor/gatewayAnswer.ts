import { parseSdkDate } from '../sdkDate';
import { parseCanonicalRequest, type ParsedCanonicalRequest } from './canonicalParts';

/**
 * What an API gateway (or IAM) says when it refuses a request, read from the status and body: APIG's
 * `{"error_msg","error_code","request_id"}`, IAM's `{"error":{"code","message"}}`, or any text.
 */
export interface GatewayAnswer {
  status: number;
  /** error_code (`APIGW.0301`, `APIG.0307`, `IAM.0066`...), when the body names one. */
  code?: string;
  /** error_msg or error.message; the body text itself when it is not such JSON. */
  message: string;
}

export function readGatewayAnswer(status: number, bodyText: string): GatewayAnswer {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  const b = (body && typeof body === 'object' ? body : {}) as {
    error_msg?: unknown;
    error_code?: unknown;
    error?: { message?: unknown; code?: unknown };
  };
  const answer: GatewayAnswer = { status, message: bodyText };
  if (typeof b.error_msg === 'string') answer.message = b.error_msg;
  else if (b.error && typeof b.error.message === 'string') answer.message = b.error.message;
  if (typeof b.error_code === 'string') answer.code = b.error_code;
  return answer;
}

/**
 * Why an authentication was refused, as far as the answer tells (signing-spec.md, "Gateway errors"; the APIG FAQ
 * "Common Errors Related to IAM Authentication Information"):
 * - signature-mismatch: `verify aksk signature fail` (APIGW.0301) or `verify signature fail` (APIG.0303, app auth),
 *   with the gateway's canonical request when it quotes one;
 * - signature-expired: `signature expired, signature time:..., server time:...` (both times, when readable);
 * - ak-locked: `AK access failed to reach the limit,forbidden` (5 failures in a row lock a key for 5 minutes);
 * - unknown-ak: `ak not exist` / `Get secretKey failed`;
 * - token-invalid: APIG.0307, IAM.0066, `decrypt token fail`, a token that is expired, invalid or must be updated;
 * - authorization-replaced: the Authorization the gateway got is missing or not a signature at all (`Authorization
 *   not found`, `Authorization is not ...`, a format error): something took the signature's place after signing;
 * - other: any other 401/403.
 */
export type AuthRefusal =
  | { kind: 'signature-mismatch'; received?: ParsedCanonicalRequest }
  | { kind: 'signature-expired'; signatureTime?: number; serverTime?: number }
  | { kind: 'ak-locked' }
  | { kind: 'unknown-ak' }
  | { kind: 'token-invalid' }
  | { kind: 'authorization-replaced' }
  | { kind: 'other' };

const TOKEN_CODES = ['APIG.0307', 'APIGW.0307', 'IAM.0066'];

/** The refusal an answer states; undefined when it is not a 401 or 403 (the request was authenticated). */
export function classifyRefusal(answer: GatewayAnswer): AuthRefusal | undefined {
  if (answer.status !== 401 && answer.status !== 403) return undefined;
  const m = answer.message;
  const quoted = /canonicalRequest\s*:\s*/i.exec(m);
  if (quoted || /verify (?:aksk )?signature fail/i.test(m)) {
    const received = quoted ? parseCanonicalRequest(m.slice(quoted.index + quoted[0].length)) : null;
    return received ? { kind: 'signature-mismatch', received } : { kind: 'signature-mismatch' };
  }
  if (/signature expired/i.test(m)) {
    const refusal: AuthRefusal = { kind: 'signature-expired' };
    const signatureTime = sdkTimeAfter(m, 'signature time');
    const serverTime = sdkTimeAfter(m, 'server time');
    if (signatureTime !== null && serverTime !== null) {
      refusal.signatureTime = signatureTime;
      refusal.serverTime = serverTime;
    }
    return refusal;
  }
  if (/failed to reach the limit/i.test(m)) return { kind: 'ak-locked' };
  if (/ak not exist|get secretkey failed/i.test(m)) return { kind: 'unknown-ak' };
  if (/authorization (?:not found|is not|format)/i.test(m)) return { kind: 'authorization-replaced' };
  if (
    (answer.code !== undefined && TOKEN_CODES.indexOf(answer.code.toUpperCase()) >= 0) ||
    /decrypt token fail|token (?:must be updated|is expired|has expired|is invalid|has been revoked)|(?:expired|invalid|revoked) token/i.test(m)
  ) {
    return { kind: 'token-invalid' };
  }
  return { kind: 'other' };
}

/** The X-Sdk-Date style time after `label:` in a message, as epoch ms. */
function sdkTimeAfter(message: string, label: string): number | null {
  const m = new RegExp(label + '\\s*:\\s*(\\d{8}T\\d{6}Z)', 'i').exec(message);
  return m ? parseSdkDate(m[1]!) : null;
}
