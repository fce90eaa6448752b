import { authorizationHeader, parseAuthorization } from '../../src/core';

const GUIDE = 'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-sdk-date, Signature=7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe';

describe('authorizationHeader (spec rule 1)', () => {
  it('has one space after the algorithm and ", " between the parts (the guide example)', () => {
    expect(authorizationHeader('QTWAOYTTINDUT2QVKYUC', 'content-type;host;x-sdk-date', '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe')).toBe(GUIDE);
  });
});

describe('parseAuthorization', () => {
  it('reads the guide example', () => {
    expect(parseAuthorization(GUIDE)).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      access: 'QTWAOYTTINDUT2QVKYUC',
      signedHeaders: ['content-type', 'host', 'x-sdk-date'],
      signature: '7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe',
    });
  });

  it('round-trips authorizationHeader', () => {
    const parsed = parseAuthorization(authorizationHeader('AK123', 'host;x-sdk-date', 'ab'.repeat(32)));
    expect(parsed).toEqual({ algorithm: 'SDK-HMAC-SHA256', access: 'AK123', signedHeaders: ['host', 'x-sdk-date'], signature: 'ab'.repeat(32) });
  });

  it('tolerates surrounding whitespace, a missing space after the commas, and uppercase hex', () => {
    expect(parseAuthorization(`  SDK-HMAC-SHA256 Access=AK,SignedHeaders=host,Signature=ABCDEF01  `)).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      access: 'AK',
      signedHeaders: ['host'],
      signature: 'ABCDEF01',
    });
  });

  it('reads an empty SignedHeaders as no headers', () => {
    expect(parseAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=, Signature=00')?.signedHeaders).toEqual([]);
  });

  it.each([
    [''],
    ['Bearer abc'],
    ['SDK-HMAC-SM3 Access=AK, SignedHeaders=x-sdk-date, Signature=acde'],
    ['V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=x-sdk-date, Signature=8fd3'],
    ['SDK-HMAC-SHA256 Credential=AK/20191115//svc/sdk_request, SignedHeaders=host, Signature=00'], // the old 2019 form
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host'],
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=xyz'],
    ['SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=00'],
    ['SDK-HMAC-SHA256  Access=AK, SignedHeaders=host, Signature=00'],
    ['sdk-hmac-sha256 Access=AK, SignedHeaders=host, Signature=00'],
    // Junk before or after a well-formed header: the whole value must be the header.
    ['x SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00'],
    ['Bearer t, SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00'],
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00 junk'],
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00, Signature=11'],
    ['SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=00xyz'],
  ])('rejects %j', (header) => {
    expect(parseAuthorization(header)).toBeNull();
  });
});
