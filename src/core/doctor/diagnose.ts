import { gatewayQuotedForm } from '../canonicalRequest';
import { describeClockOffset, MAX_CLOCK_OFFSET_MS } from '../clockSkew';
import { GATEWAY_LOCKOUT_MINUTES } from '../lockout';
import { VARIABLES as V } from '../variables';
import { parseCanonicalRequest, type ParsedCanonicalRequest } from './canonicalParts';
import { compareCanonicalRequests, describeDifference, formatCanonicalRequest, maskSecretHeaders, type CanonicalDifference } from './compareCanonical';
import type { AuthRefusal, GatewayAnswer } from './gatewayAnswer';

/** The doctor's verdict on a refused request: `fix` is one line (a failing test's title), `detail` the evidence. */
export interface Diagnosis {
  kind: AuthRefusal['kind'];
  fix: string;
  detail: string;
  /** For a signature mismatch with both canonical requests: the first part that differs (null: none does). */
  difference?: CanonicalDifference | null;
}

/** What the request was signed with, as far as it is known (the response side's hand-off, or the CLI's flags). */
export interface SignedFacts {
  /** The canonical request signed (newlines; secret header values may already be masked). */
  canonicalRequest?: string;
  ak?: string;
  /** The clock correction the request was signed with (X-Sdk-Date = local time + this), for `signature expired`. */
  correctionUsedMs?: number;
}

/** Diagnoses a refusal (classifyRefusal) of a request; never repeats a secret header's value. */
export function diagnoseRefusal(answer: GatewayAnswer, refusal: AuthRefusal, signed: SignedFacts = {}): Diagnosis {
  const said = `the gateway answered ${answer.status}${answer.code ? ' ' + answer.code : ''}`;
  const ak = signed.ak ? ` ${signed.ak}` : '';
  switch (refusal.kind) {
    case 'signature-mismatch': {
      const ours = signed.canonicalRequest !== undefined ? parseCanonicalRequest(signed.canonicalRequest) : null;
      const theirs = refusal.received;
      if (ours && theirs) {
        const difference = compareCanonicalRequests(ours, theirs);
        const fix = describeDifference(difference);
        return { kind: refusal.kind, fix, difference, detail: `${fix}; ${said} (verify aksk signature fail); ${sideBySide(ours, theirs)}` };
      }
      const fix = theirs
        ? 'the gateway rejected the signature: compare its canonical request with the one signed (hwc-auth doctor)'
        : 'the gateway rejected the signature and quoted no canonical request: check the SK and what changes the request after signing';
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}${theirs ? `; the gateway's canonical request: ${oneLine(theirs)}` : ''}` };
    }
    case 'signature-expired': {
      const fix = expiredFix(refusal, signed.correctionUsedMs ?? 0);
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}: ${clip(answer.message)}` };
    }
    case 'ak-locked': {
      const fix = `the gateway locked AK${ak} after repeated signature failures: fix ${V.sk.name}, then wait ${GATEWAY_LOCKOUT_MINUTES} minutes`;
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}: ${clip(answer.message)}` };
    }
    case 'unknown-ak': {
      const fix = `the gateway does not know AK${ak}: check ${V.ak.name} (region, account, a stray space or newline)`;
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}: ${clip(answer.message)}` };
    }
    case 'authorization-replaced': {
      const fix =
        'the gateway did not get the signature: a Postman auth type (collection or folder) or a script replaced or removed the Authorization header: set it to No Auth (hwc-auth inject --fix-auth)';
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}: ${clip(answer.message)}` };
    }
    case 'token-invalid': {
      const fix = `the IAM token is no longer valid (${answer.code ?? answer.status}): it expired or was revoked`;
      return { kind: refusal.kind, fix, detail: `${fix}; ${said}: ${clip(answer.message)}` };
    }
    case 'other': {
      const fix = `the gateway refused the credentials (${answer.status}${answer.code ? ' ' + answer.code : ''})`;
      return { kind: refusal.kind, fix, detail: `${fix}: ${clip(answer.message)}` };
    }
  }
}

/**
 * The title for a `signature expired` refusal, from the two times it states and the correction the request was
 * signed with: how far this machine's clock is from the gateway's.
 */
export function expiredFix(refusal: Extract<AuthRefusal, { kind: 'signature-expired' }>, correctionUsedMs: number): string {
  if (refusal.signatureTime === undefined || refusal.serverTime === undefined) {
    return 'signature expired: X-Sdk-Date is more than 15 minutes away from the gateway\'s clock: sync this machine\'s clock';
  }
  const offset = correctionUsedMs + refusal.serverTime - refusal.signatureTime;
  if (Math.abs(offset) > MAX_CLOCK_OFFSET_MS) {
    return `signature expired: ${describeClockOffset(offset)} (more than a day: not corrected): sync this machine's clock, or unset ${V.signingDate.name}`;
  }
  return `signature expired: ${describeClockOffset(offset)}: sync this machine's clock`;
}

/** Both canonical requests, `|`-joined as the gateway quotes them, secret header values masked. */
function sideBySide(ours: ParsedCanonicalRequest, theirs: ParsedCanonicalRequest): string {
  return `signed: ${oneLine(ours)}; the gateway's: ${oneLine(theirs)}`;
}

function oneLine(parts: ParsedCanonicalRequest): string {
  return gatewayQuotedForm(formatCanonicalRequest(maskSecretHeaders(parts)));
}

/** The gateway's own message, without a quoted canonical request (shown masked elsewhere), kept short. */
function clip(message: string): string {
  const text = message.replace(/canonicalRequest\s*:[\s\S]*$/i, 'canonicalRequest:...');
  return text.length > 300 ? text.slice(0, 300) + '...' : text;
}
