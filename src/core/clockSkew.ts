/**
 * The offset between this machine's clock and a gateway's, learnt from the gateway's answers, and the per-host
 * memory of it the script signs later requests with (X-Sdk-Date = now + offset). Pure: times come in as arguments.
 */

/** Offsets larger than this are not clocks drifting but something else (a fixed date, a broken answer): ignored. */
export const MAX_CLOCK_OFFSET_MS = 24 * 3600 * 1000;

/** A newly measured offset replaces the one in use only when they differ by more than this. */
export const CLOCK_OFFSET_TOLERANCE_MS = 60 * 1000;

/** Offsets by host (`host[:port]` as signed), in ms: the gateway's clock minus this machine's. */
export type ClockOffsets = Record<string, number>;

/** An HTTP `Date` header (IMF-fixdate, `Sun, 06 Nov 1994 08:49:37 GMT`) as epoch ms, or null. */
export function parseHttpDate(text: string): number | null {
  const m = /^\s*[A-Za-z]{3}, (\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT\s*$/.exec(text);
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase());
  if (month < 0) return null;
  const [d, y, h, mi, s] = [m[1], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  if (d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return null;
  return Date.UTC(y, month, d, h, mi, s);
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export interface OffsetEvidence {
  /** From a `signature expired` answer: the X-Sdk-Date it saw and its own time (epoch ms). */
  signatureTime?: number;
  serverTime?: number;
  /** The correction the refused request was signed with (X-Sdk-Date = local time + this). */
  correctionUsedMs: number;
  /** The answer's Date header (epoch ms) and the local time it arrived at. */
  gatewayDate?: number;
  receivedAtMs: number;
}

/**
 * The gateway's clock minus this machine's, in ms. A `signature expired` answer states both times: the offset is the
 * correction used plus how far the signed time was off. Both are whole seconds (truncated), and the gateway read its
 * clock after the request travelled: this is within 1 s of the true offset plus the time from signing to the
 * gateway's check (never below the true offset when that is whole seconds). Otherwise the Date header against the
 * local arrival time: 0 to 1 s plus the time in flight below it. Either way a few seconds at most, nothing against
 * the gateway's 15-minute window. Undefined without evidence.
 */
export function measureClockOffset(e: OffsetEvidence): number | undefined {
  if (e.signatureTime !== undefined && e.serverTime !== undefined) return e.correctionUsedMs + (e.serverTime - e.signatureTime);
  if (e.gatewayDate !== undefined) return e.gatewayDate - e.receivedAtMs;
  return undefined;
}

export type ClockLesson =
  | { kind: 'keep' }
  | { kind: 'learn'; offsetMs: number }
  /** Over MAX_CLOCK_OFFSET_MS: not used. */
  | { kind: 'too-far'; offsetMs: number };

/** What to do with a measured offset, given the one in use. */
export function clockLesson(currentMs: number, measuredMs: number | undefined): ClockLesson {
  if (measuredMs === undefined) return { kind: 'keep' };
  if (Math.abs(measuredMs) > MAX_CLOCK_OFFSET_MS) return { kind: 'too-far', offsetMs: measuredMs };
  if (Math.abs(measuredMs - currentMs) <= CLOCK_OFFSET_TOLERANCE_MS) return { kind: 'keep' };
  return { kind: 'learn', offsetMs: measuredMs };
}

/** "20 min 13 s", "1 h 5 min", "45 s": a duration as people say it (whole seconds). */
export function formatDuration(ms: number): string {
  let s = Math.round(Math.abs(ms) / 1000);
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const min = Math.floor(s / 60);
  s -= min * 60;
  if (h > 0) return min > 0 ? `${h} h ${min} min` : `${h} h`;
  if (min > 0) return s > 0 ? `${min} min ${s} s` : `${min} min`;
  return `${s} s`;
}

/** "your clock is 20 min 13 s behind the gateway's" (offset > 0: the gateway is ahead) or "... ahead of ...". */
export function describeClockOffset(offsetMs: number): string {
  return `your clock is ${formatDuration(offsetMs)} ${offsetMs >= 0 ? 'behind' : 'ahead of'} the gateway's`;
}

/** Reads the stored offsets; anything unreadable counts as none. */
export function parseClockOffsets(stored: unknown): ClockOffsets {
  if (typeof stored !== 'string' || stored === '') return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const out: ClockOffsets = {};
    for (const [host, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= MAX_CLOCK_OFFSET_MS) out[host] = value;
    }
    return out;
  } catch {
    return {};
  }
}

/** The offsets with `host` set to `offsetMs` (removed when under a second: nothing to correct). */
export function storeClockOffset(offsets: ClockOffsets, host: string, offsetMs: number): ClockOffsets {
  const next: ClockOffsets = { ...offsets };
  if (Math.abs(offsetMs) < 1000) delete next[host];
  else next[host] = Math.round(offsetMs);
  return next;
}
