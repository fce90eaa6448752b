import { parseClockOffsets, storeClockOffset } from '../core/clockSkew';
import { VARIABLES as V } from '../core/variables';
import { exportedScope } from './exportedScope';
import type { Pm } from './pm';

/**
 * The clock offsets the response side learnt (hwc_clock_offsets, ms by host), kept where the token cache is: later
 * requests of the run sign with X-Sdk-Date = now + offset, and an exported environment carries the offsets to the
 * next run. Not secret.
 */
const VARIABLE = V.clockOffsets.name;

/** The correction (ms) to add to this machine's clock for requests to `host`; 0 when none was learnt. */
export function clockCorrectionFor(pm: Pm, host: string): number {
  const stored = exportedScope(pm).get(VARIABLE);
  if (stored === undefined || stored === null || stored === '') return 0;
  return parseClockOffsets(stored)[host] ?? 0;
}

export function storeClockCorrection(pm: Pm, host: string, offsetMs: number): void {
  const scope = exportedScope(pm);
  scope.set(VARIABLE, JSON.stringify(storeClockOffset(parseClockOffsets(scope.get(VARIABLE)), host, offsetMs)));
}
