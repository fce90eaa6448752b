import { canonicalRequest } from '../../src/core';

describe('canonicalRequest (spec rule 3)', () => {
  it('joins the six parts with \\n, leaving a blank line after the canonical headers (Go SDK testParam1)', () => {
    expect(
      canonicalRequest({
        method: 'GET',
        canonicalUri: '/path/',
        canonicalQuery: 'limit=1',
        canonicalHeaders: 'x-sdk-date:20060102T150405Z\n',
        signedHeaders: 'x-sdk-date',
        payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      }),
    ).toBe('GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('uppercases the method and keeps an empty query as an empty line', () => {
    expect(
      canonicalRequest({
        method: 'post',
        canonicalUri: '/',
        canonicalQuery: '',
        canonicalHeaders: 'host:h\nx-sdk-date:20240102T030405Z\n',
        signedHeaders: 'host;x-sdk-date',
        payloadHash: 'UNSIGNED-PAYLOAD',
      }),
    ).toBe('POST\n/\n\nhost:h\nx-sdk-date:20240102T030405Z\n\nhost;x-sdk-date\nUNSIGNED-PAYLOAD');
  });
});
