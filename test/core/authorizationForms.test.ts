import { algorithmAuthorizationHeader, parseSignedAuthorization, SDK_HMAC_SHA256, SDK_HMAC_SM3, V11_HMAC_SHA256 } from '../../src/core';

describe('algorithmAuthorizationHeader', () => {
  it('writes the Access form for SDK-HMAC-SHA256 and SDK-HMAC-SM3', () => {
    expect(algorithmAuthorizationHeader(SDK_HMAC_SHA256, 'AK', 'host;x-sdk-date', 'ab01')).toBe(
      'SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab01',
    );
    expect(algorithmAuthorizationHeader(SDK_HMAC_SM3, 'AK', 'x-sdk-date', 'cd', '20060102/r/s')).toBe(
      'SDK-HMAC-SM3 Access=AK, SignedHeaders=x-sdk-date, Signature=cd',
    );
  });

  it('writes the Credential form with the scope for V11-HMAC-SHA256', () => {
    expect(algorithmAuthorizationHeader(V11_HMAC_SHA256, 'AK', 'x-sdk-date', 'ef', '20060102/test-region-1/demo')).toBe(
      'V11-HMAC-SHA256 Credential=AK/20060102/test-region-1/demo, SignedHeaders=x-sdk-date, Signature=ef',
    );
    expect(algorithmAuthorizationHeader(V11_HMAC_SHA256, 'AK', 'x-sdk-date', 'ef')).toBe(
      'V11-HMAC-SHA256 Credential=AK/, SignedHeaders=x-sdk-date, Signature=ef',
    );
  });
});

describe('parseSignedAuthorization', () => {
  it('reads the Access forms, with or without a space after each comma, around whitespace', () => {
    expect(parseSignedAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=aB09')).toEqual({
      algorithm: 'SDK-HMAC-SHA256',
      access: 'AK',
      signedHeaders: ['host', 'x-sdk-date'],
      signature: 'aB09',
    });
    expect(parseSignedAuthorization('  SDK-HMAC-SM3 Access=AK,SignedHeaders=host,Signature=ff\t')).toEqual({
      algorithm: 'SDK-HMAC-SM3',
      access: 'AK',
      signedHeaders: ['host'],
      signature: 'ff',
    });
  });

  it('reads an empty or sloppy SignedHeaders list as the names it holds', () => {
    expect(parseSignedAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=, Signature=00')?.signedHeaders).toEqual([]);
    expect(parseSignedAuthorization('SDK-HMAC-SHA256 Access=AK, SignedHeaders=;host;;, Signature=00')?.signedHeaders).toEqual(['host']);
    expect(parseSignedAuthorization('V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=;a;;b, Signature=00')?.signedHeaders).toEqual(['a', 'b']);
  });

  it('reads the V11 Credential form with its scope', () => {
    expect(parseSignedAuthorization('V11-HMAC-SHA256 Credential=AK/20060102/cn-north-4/iam,SignedHeaders=host,Signature=0a')).toEqual({
      algorithm: 'V11-HMAC-SHA256',
      access: 'AK',
      scope: '20060102/cn-north-4/iam',
      signedHeaders: ['host'],
      signature: '0a',
    });
  });

  it.each([
    '',
    'Bearer x',
    'sdk-hmac-sha256 Access=AK, SignedHeaders=h, Signature=00', // the algorithm is case-sensitive
    'SDK-HMAC-SHA1 Access=AK, SignedHeaders=h, Signature=00',
    'X SDK-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=00', // junk before
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=00 x', // junk after
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=0g', // not hex
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=', // no signature
    'SDK-HMAC-SHA256 Access=, SignedHeaders=h, Signature=00', // no AK
    'SDK-HMAC-SHA256 Access=A K, SignedHeaders=h, Signature=00',
    'SDK-HMAC-SHA256 Access=AK,  SignedHeaders=h, Signature=00', // two spaces
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=h h, Signature=00',
    'SDK-HMAC-SHA256 Access=AK, SignedHeaders=h,x, Signature=00',
    'V11-HMAC-SHA256 Access=AK, SignedHeaders=h, Signature=00', // V11 names a Credential
    'SDK-HMAC-SM3 Credential=AK/20060102/r/s, SignedHeaders=h, Signature=00', // the others an Access
    'X V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=h, Signature=00 x',
    'V11-HMAC-SHA256 Credential=AK/2006010/r/s, SignedHeaders=h, Signature=00', // the day has 8 digits
    'V11-HMAC-SHA256 Credential=AK/2006010a/r/s, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r, SignedHeaders=h, Signature=00', // region and service
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s/t, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102//s, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=/20060102/r/s, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=A K/20060102/r/s, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r s/t, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s t, SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s,  SignedHeaders=h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=h h, Signature=00',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=h, Signature=',
    'V11-HMAC-SHA256 Credential=AK/20060102/r/s, SignedHeaders=h, Signature=zz',
  ])('rejects %j', (header) => {
    expect(parseSignedAuthorization(header)).toBeNull();
  });
});
