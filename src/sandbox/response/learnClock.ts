import { clockLesson, describeClockOffset, measureClockOffset, parseHttpDate } from '../../core/clockSkew';
import type { AuthRefusal } from '../../core/doctor/gatewayAnswer';
import { clockCorrectionFor, storeClockCorrection } from '../clockCorrection';
import type { Pm } from '../pm';
import type { RequestAuth } from '../authHandoff';
import { note } from './responseReport';

/** What the answer taught about the gateway's clock. */
export type ClockOutcome =
  | { kind: 'learnt'; offsetMs: number }
  | { kind: 'too-far'; offsetMs: number }
  /** hwc_clock_correction=false: nothing learnt or kept. */
  | { kind: 'off' }
  | { kind: 'nothing' };

/**
 * Measures the offset to the gateway's clock from a refusal of a signed request: the two times a `signature expired`
 * answer states (not when X-Sdk-Date came from hwc_signing_date), else its Date header. A new offset (more than a
 * minute from the one in use, at most 24 h) is stored for the host, said once in the console, and used by every
 * later request to that host (clockCorrection.ts).
 */
export function learnClock(pm: Pm, auth: RequestAuth, refusal: AuthRefusal, enabled: boolean): ClockOutcome {
  if (!enabled) return { kind: 'off' };
  const expired = refusal.kind === 'signature-expired' && !auth.fixedDate ? refusal : undefined;
  const dateHeader = pm.response?.headers.get('Date');
  const gatewayDate = dateHeader ? parseHttpDate(dateHeader) : null;
  const measured = measureClockOffset({
    ...(expired?.signatureTime !== undefined && { signatureTime: expired.signatureTime }),
    ...(expired?.serverTime !== undefined && { serverTime: expired.serverTime }),
    correctionUsedMs: auth.clockCorrectionMs ?? 0,
    ...(gatewayDate !== null && { gatewayDate }),
    receivedAtMs: Date.now(),
  });
  const lesson = clockLesson(clockCorrectionFor(pm, auth.host), measured);
  if (lesson.kind === 'keep') return { kind: 'nothing' };
  if (lesson.kind === 'too-far') return lesson;
  storeClockCorrection(pm, auth.host, lesson.offsetMs);
  note(`${describeClockOffset(lesson.offsetMs)} at ${auth.host}; later requests to it are signed with the corrected time`);
  return { kind: 'learnt', offsetMs: lesson.offsetMs };
}
