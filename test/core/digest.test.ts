import sm3Reference from 'sm-crypto';
import {
  digestHex,
  EMPTY_BODY_SM3,
  hmacHex,
  isSigningAlgorithm,
  SDK_HMAC_SHA256,
  SDK_HMAC_SM3,
  SIGNING_ALGORITHMS,
  V11_HMAC_SHA256,
  type HashFunctions,
} from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';

const text = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
const sha256Only: HashFunctions = { sha256Hex: nodeCrypto.sha256Hex, hmacSha256Hex: nodeCrypto.hmacSha256Hex };

describe('the signing algorithms', () => {
  it('are the three names Huawei Cloud signs with', () => {
    expect(SIGNING_ALGORITHMS).toEqual(['SDK-HMAC-SHA256', 'V11-HMAC-SHA256', 'SDK-HMAC-SM3']);
    expect([SDK_HMAC_SHA256, V11_HMAC_SHA256, SDK_HMAC_SM3]).toEqual(['SDK-HMAC-SHA256', 'V11-HMAC-SHA256', 'SDK-HMAC-SM3']);
  });

  it('isSigningAlgorithm knows each of them, exactly as spelt', () => {
    for (const a of SIGNING_ALGORITHMS) expect(isSigningAlgorithm(a)).toBe(true);
    for (const other of ['', 'sdk-hmac-sha256', 'SDK-HMAC-SHA256 ', 'HMAC-SHA256', 'SDK-HMAC-SHA1']) expect(isSigningAlgorithm(other)).toBe(false);
  });
});

describe('digestHex', () => {
  it('is SHA-256 for SDK-HMAC-SHA256 and V11-HMAC-SHA256 (FIPS 180-2 "abc")', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    expect(digestHex(SDK_HMAC_SHA256, sha256Only, 'abc')).toBe(abc);
    expect(digestHex(V11_HMAC_SHA256, sha256Only, text('abc'))).toBe(abc);
  });

  it('is SM3 for SDK-HMAC-SM3 (GB/T 32905-2016 example 1, "abc")', () => {
    expect(digestHex(SDK_HMAC_SM3, nodeCrypto, 'abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
  });

  it('has the SM3 of nothing as the empty-body hash', () => {
    expect(EMPTY_BODY_SM3).toBe(sm3Reference.sm3(''));
    expect(digestHex(SDK_HMAC_SM3, nodeCrypto, '')).toBe(EMPTY_BODY_SM3);
  });

  it('refuses SDK-HMAC-SM3 without SM3 functions', () => {
    expect(() => digestHex(SDK_HMAC_SM3, sha256Only, 'abc')).toThrow('SDK-HMAC-SM3 needs SM3 hash functions, and none were given');
  });
});

describe('hmacHex', () => {
  it('is HMAC-SHA256 for SDK-HMAC-SHA256 and V11-HMAC-SHA256 (RFC 4231 test case 2)', () => {
    const expected = '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843';
    expect(hmacHex(SDK_HMAC_SHA256, sha256Only, text('Jefe'), text('what do ya want for nothing?'))).toBe(expected);
    expect(hmacHex(V11_HMAC_SHA256, sha256Only, text('Jefe'), text('what do ya want for nothing?'))).toBe(expected);
  });

  it('is HMAC-SM3 for SDK-HMAC-SM3 (as sm-crypto computes it)', () => {
    const expected = sm3Reference.sm3(Array.from(text('what do ya want for nothing?')), { key: Buffer.from('Jefe').toString('hex') });
    expect(hmacHex(SDK_HMAC_SM3, nodeCrypto, text('Jefe'), text('what do ya want for nothing?'))).toBe(expected);
    expect(expected).not.toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
  });

  it('refuses SDK-HMAC-SM3 without SM3 functions', () => {
    expect(() => hmacHex(SDK_HMAC_SM3, sha256Only, text('k'), text('m'))).toThrow('SDK-HMAC-SM3 needs SM3 hash functions, and none were given');
  });
});
