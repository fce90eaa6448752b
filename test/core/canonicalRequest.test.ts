import { canonicalRequest, gatewayQuotedForm } from '../../src/core';

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

describe('gatewayQuotedForm (the canonical request as APIGW.0301/APIGW.0303 quote it)', () => {
  it("replaces every newline by '|': the API Request Signing Guide's FAQ example (devg-apisign api-sign-0003)", () => {
    const cr = canonicalRequest({
      method: 'GET',
      canonicalUri: '/test/',
      canonicalQuery: '',
      canonicalHeaders: 'host:d7da6fe436fb48f2af3c5c2e5b203df7.example.com\nx-sdk-date:20230527T015431Z\n',
      signedHeaders: 'host;x-sdk-date',
      payloadHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
    expect(gatewayQuotedForm(cr)).toBe(
      'GET|/test/||host:d7da6fe436fb48f2af3c5c2e5b203df7.example.com|x-sdk-date:20230527T015431Z||host;x-sdk-date|e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
  });
});
