import { VARIABLES as V } from '../../core/variables';
import { clockCorrectionOn, lockoutAfterSetting } from '../akskSettings';
import type { VariableReader } from '../config';

/** The settings the post-response script reads (only when an answer is not a success). */
export interface ResponseSettings {
  clockCorrection: boolean;
  lockoutAfter: number;
  /** hwc_expect_rejection=true: a negative test; the diagnosis is logged, not failed. */
  expectRejection: boolean;
}

/** A malformed hwc_lockout_after already failed the request closed before it was sent; here its default serves. */
function lockoutAfterOrDefault(readVar: VariableReader): number {
  try {
    return lockoutAfterSetting(readVar);
  } catch {
    return Number(V.lockoutAfter.default);
  }
}

export function readResponseSettings(readVar: VariableReader): ResponseSettings {
  return {
    clockCorrection: clockCorrectionOn(readVar),
    lockoutAfter: lockoutAfterOrDefault(readVar),
    expectRejection: /^(true|1|yes)$/i.test(readVar(V.expectRejection.name) ?? ''),
  };
}
