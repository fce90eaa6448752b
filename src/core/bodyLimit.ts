import { MAX_SIGNED_BODY_BYTES } from './constants';

/** The fix, as the script's failing test names it, for a body over the gateway's AK/SK limit. */
export const BODY_TOO_LARGE_FIX = 'body too large for AK/SK signing, use token auth';

/** Why: the same words in the script's failing test and in `hwc-auth sign`'s warning. */
export function bodyTooLargeMessage(bytes: number, atLeast = false): string {
  return (
    `the body is ${atLeast ? 'at least ' : ''}${bytes} bytes; AK/SK-signed requests are limited to ${MAX_SIGNED_BODY_BYTES} bytes ` +
    '(12 MB) by the API gateway: use token auth for large bodies (set hwc_auth_mode=token)'
  );
}
