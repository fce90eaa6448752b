import { MAX_CLOCK_SKEW_MS, MAX_SIGNED_BODY_BYTES } from '../../src/core';

describe('the gateway limits (signing-spec.md, rules 2 and 10)', () => {
  it('allows AK/SK-signed bodies up to 12 MB (12 x 1024 x 1024 bytes)', () => {
    expect(MAX_SIGNED_BODY_BYTES).toBe(12_582_912);
  });

  it('rejects an X-Sdk-Date more than 15 minutes off its clock', () => {
    expect(MAX_CLOCK_SKEW_MS).toBe(900_000);
  });
});
