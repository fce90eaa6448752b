import { BODY_TOO_LARGE_FIX, bodyTooLargeMessage } from '../../src/core';

describe('bodyTooLargeMessage', () => {
  it("states the body's size and the gateway's 12 MB (12,582,912 bytes) limit, and names the fix", () => {
    expect(bodyTooLargeMessage(12582913)).toBe(
      'the body is 12582913 bytes; AK/SK-signed requests are limited to 12582912 bytes (12 MB) by the API gateway: ' +
        'use token auth for large bodies (set hwc_auth_mode=token)',
    );
  });

  it('says "at least" when only a lower bound is known', () => {
    expect(bodyTooLargeMessage(20000000, true)).toBe(
      'the body is at least 20000000 bytes; AK/SK-signed requests are limited to 12582912 bytes (12 MB) by the API gateway: ' +
        'use token auth for large bodies (set hwc_auth_mode=token)',
    );
  });

  it('has a fix short enough for a test title', () => {
    expect(BODY_TOO_LARGE_FIX).toBe('body too large for AK/SK signing, use token auth');
  });
});
