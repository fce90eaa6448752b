import { algorithmStringToSign, signature, stringToSign } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { hmacSha256, sha256 } from './reference';

// Go SDK signer_test testParam1 (shared/vectors/published.json).
const GO_CR = 'GET\n/path/\nlimit=1\nx-sdk-date:20060102T150405Z\n\nx-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const GO_SIGNATURE = '5a2ce64c865e0e6046321c6f3d5a77ba8413eeaf355c3166c03d58d02ac79624';

describe('stringToSign (spec rule 8)', () => {
  it('is SDK-HMAC-SHA256 \\n date \\n hex(SHA256(canonical request))', () => {
    expect(stringToSign(GO_CR, '20060102T150405Z', nodeCrypto)).toBe(`SDK-HMAC-SHA256\n20060102T150405Z\n${sha256(GO_CR)}`);
  });

  it('hashes the canonical request as UTF-8', () => {
    const cr = 'GET\n/%C3%A9/\n\nx-name:Ünïcode\n\nx-name\nUNSIGNED-PAYLOAD';
    expect(stringToSign(cr, '20240102T030405Z', nodeCrypto).split('\n')[2]).toBe(sha256(Buffer.from(cr, 'utf8')));
  });

  it("hashes it as Latin-1 bytes for a Node client ('latin1': é is E9, as Node sends it), and refuses what Node cannot send", () => {
    const cr = 'GET\n/\n\nx-name:café\n\nx-name\nUNSIGNED-PAYLOAD';
    const latin1 = stringToSign(cr, '20240102T030405Z', nodeCrypto, 'latin1').split('\n')[2];
    const bytes = Buffer.concat([Buffer.from('GET\n/\n\nx-name:caf'), Buffer.from([0xe9]), Buffer.from('\n\nx-name\nUNSIGNED-PAYLOAD')]);
    expect(latin1).toBe(sha256(bytes));
    expect(latin1).not.toBe(sha256(Buffer.from(cr, 'utf8')));
    // ASCII reads the same either way.
    expect(stringToSign(GO_CR, '20060102T150405Z', nodeCrypto, 'latin1')).toBe(stringToSign(GO_CR, '20060102T150405Z', nodeCrypto));
    expect(() => stringToSign('GET\n/\n\nx-name:€\n\nx-name\nUNSIGNED-PAYLOAD', '20240102T030405Z', nodeCrypto, 'latin1')).toThrow(RangeError);
  });
});

describe('algorithmStringToSign', () => {
  it('V11-HMAC-SHA256 puts its scope on the line before the hash, and cannot do without one', () => {
    expect(algorithmStringToSign('V11-HMAC-SHA256', 'cr', '20240102T030405Z', nodeCrypto, '20240102/cn-north-4/ecs')).toBe(
      'V11-HMAC-SHA256\n20240102T030405Z\n20240102/cn-north-4/ecs\n' + sha256('cr'),
    );
    expect(() => algorithmStringToSign('V11-HMAC-SHA256', 'cr', '20240102T030405Z', nodeCrypto)).toThrow('V11-HMAC-SHA256 needs its derivation scope');
  });
});

describe('signature (spec rule 8)', () => {
  it('reproduces the Go SDK vector', () => {
    expect(signature(stringToSign(GO_CR, '20060102T150405Z', nodeCrypto), 'SecretKey', nodeCrypto)).toBe(GO_SIGNATURE);
  });

  it('is HMAC-SHA256 keyed by the SK itself (no derived key), lowercase hex', () => {
    const sts = `SDK-HMAC-SHA256\n20240102T030405Z\n${sha256('x')}`;
    const sig = signature(sts, 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', nodeCrypto);
    expect(sig).toBe(hmacSha256('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', sts));
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    // Not an AWS-style key chain.
    expect(sig).not.toBe(hmacSha256(Buffer.from(hmacSha256('MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc', '20240102'), 'hex'), sts));
  });

  it('keys the HMAC with the UTF-8 bytes of the SK', () => {
    const sts = 'SDK-HMAC-SHA256\n20240102T030405Z\nabc';
    expect(signature(sts, 'ключ-é', nodeCrypto)).toBe(hmacSha256(Buffer.from('ключ-é', 'utf8'), sts));
  });
});
