/** X-Sdk-Date: YYYYMMDDTHHMMSSZ in UTC. */
export function formatSdkDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/** Days in each month of a common year. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether `text` is an X-Sdk-Date naming a real instant (no 31 November, no 24:00:00), in the proleptic Gregorian
 * calendar as Date counts it. Every signing checks its date, so this builds no Date: with one, the check was 4-5 % of
 * the core's time signing small requests on Node's crypto (npm run bench, core vs the official SDK).
 */
export function isSdkDate(text: string): boolean {
  const m = SDK_DATE.exec(text);
  if (!m) return false;
  const y = Number(m[1]), mo = Number(m[2]), d = Number(m[3]);
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59 || mo < 1 || mo > 12 || d < 1) return false;
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1]!);
}

/** Epoch milliseconds of an X-Sdk-Date, or null when the text is not a valid one. */
export function parseSdkDate(text: string): number | null {
  if (!isSdkDate(text)) return null;
  const [y, mo, d, h, mi, s] = SDK_DATE.exec(text)!.slice(1).map(Number) as [number, number, number, number, number, number];
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
  const at = new Date(0);
  at.setUTCFullYear(y, mo - 1, d);
  at.setUTCHours(h, mi, s, 0);
  return at.getTime();
}
