import { HEADER, MAX_CLOCK_SKEW_MS } from '../../core/constants';
import { formatSdkDate, parseSdkDate } from '../../core/sdkDate';
import { headerValue, type MockRequest } from '../shared/exchange';

/** The gateway's clock check of a signed request: X-Sdk-Date readable and within 15 minutes, or why not (its words). */
export function sdkDateProblem(req: MockRequest, now: number): { reason: 'bad-sdk-date' | 'signature-expired'; detail: string } | undefined {
  const sdkDate = headerValue(req, HEADER.sdkDate);
  if (sdkDate === undefined) return undefined;
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === null) return { reason: 'bad-sdk-date', detail: `x-sdk-date format error, x-sdk-date:${sdkDate}` };
  if (Math.abs(now - signedAt) > MAX_CLOCK_SKEW_MS) {
    return { reason: 'signature-expired', detail: `signature expired, signature time:${sdkDate}, server time:${formatSdkDate(now)}` };
  }
  return undefined;
}
