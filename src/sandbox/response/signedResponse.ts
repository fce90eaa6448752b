import { describeClockOffset } from '../../core/clockSkew';
import { diagnoseRefusal, type Diagnosis } from '../../core/doctor/diagnose';
import type { AuthRefusal, GatewayAnswer } from '../../core/doctor/gatewayAnswer';
import { GATEWAY_LOCKOUT_FAILURES, GATEWAY_LOCKOUT_MINUTES } from '../../core/lockout';
import { VARIABLES as V } from '../../core/variables';
import { noteSignatureAccepted, noteSignatureFailure } from '../lockoutGuard';
import type { Pm } from '../pm';
import type { RequestAuth } from '../authHandoff';
import { learnClock, type ClockOutcome } from './learnClock';
import type { ResponseSettings } from './responseSettings';
import { reportRefusal } from './responseReport';

/**
 * The answer to an AK/SK-signed request that was not a success. Not an authentication refusal: the signature was
 * accepted, so the AK's failures are no longer in a row. A refusal: learn the gateway's clock from it, count it
 * against the AK (lockoutGuard.ts) when it is a signature failure, and record a failing test that names the cause:
 * the first part of the canonical request that differs, the clock offset, a locked or unknown AK.
 */
export function respondToSignedRequest(pm: Pm, auth: RequestAuth, answer: GatewayAnswer, refusal: AuthRefusal | undefined, settings: ResponseSettings): void {
  const ak = auth.ak ?? '';
  if (!refusal) {
    noteSignatureAccepted(pm, ak);
    return;
  }
  const clock = learnClock(pm, auth, refusal, settings.clockCorrection);
  const diagnosis = diagnoseRefusal(answer, refusal, {
    ...(auth.canonicalRequest !== undefined && { canonicalRequest: auth.canonicalRequest }),
    ak,
    correctionUsedMs: auth.clockCorrectionMs ?? 0,
  });
  const fix = refusal.kind === 'signature-expired' ? expiredTitle(auth, clock, diagnosis) : diagnosis.fix;
  let detail = fix === diagnosis.fix ? diagnosis.detail : `${fix}; ${diagnosis.detail}`;

  if (refusal.kind === 'signature-mismatch' || refusal.kind === 'signature-expired' || refusal.kind === 'ak-locked') {
    const count = noteSignatureFailure(pm, ak, auth.skFingerprint ?? '', refusal.kind === 'ak-locked');
    if (refusal.kind === 'ak-locked' || (settings.lockoutAfter > 0 && count >= settings.lockoutAfter)) {
      detail +=
        `; ${refusal.kind === 'ak-locked' ? 'the gateway locked the key' : `${count} signature failures in a row`}: requests ` +
        `with AK ${ak} are not sent for the rest of this run (the gateway locks a key for ${GATEWAY_LOCKOUT_MINUTES} ` +
        `minutes after ${GATEWAY_LOCKOUT_FAILURES})`;
    }
  }
  reportRefusal(pm, fix, detail, settings.expectRejection);
}

/** The title of a `signature expired` refusal: what happened to the clock, and what happens next. */
function expiredTitle(auth: RequestAuth, clock: ClockOutcome, diagnosis: Diagnosis): string {
  if (auth.fixedDate) return `signature expired: X-Sdk-Date ${auth.sdkDate ?? ''} comes from ${V.signingDate.name}: unset it outside tests`;
  if (clock.kind === 'learnt') return `${describeClockOffset(clock.offsetMs)}; later requests are signed with the corrected time`;
  if (clock.kind === 'off') return `${diagnosis.fix} (${V.clockCorrection.name} is off)`;
  return diagnosis.fix;
}
