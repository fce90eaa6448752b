import { EMPTY_BODY_SHA256, payloadHash, UNSIGNED_PAYLOAD, type HashFunctions } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { sha256 } from './reference';

describe('payloadHash (spec rule 7)', () => {
  it('is the published SHA-256 of the empty string when there is no body', () => {
    expect(EMPTY_BODY_SHA256).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(EMPTY_BODY_SHA256).toBe(sha256(''));
    expect(payloadHash(undefined, nodeCrypto)).toBe(EMPTY_BODY_SHA256);
    expect(payloadHash('', nodeCrypto)).toBe(EMPTY_BODY_SHA256);
    expect(payloadHash(new Uint8Array(0), nodeCrypto)).toBe(EMPTY_BODY_SHA256);
  });

  it('hashes the exact body bytes, lowercase hex', () => {
    // FIPS 180-2 example.
    expect(payloadHash('abc', nodeCrypto)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // Go SDK signer_test testParam2 (note the trailing newline).
    expect(payloadHash('{"Name":"test","Id":1}\n', nodeCrypto)).toBe('a29d7b4c5efd1a22011d69fd7b7aee76fe51e4083c609244228de258afd61289');
  });

  it('hashes a string as its UTF-8 bytes, the same as the equivalent Uint8Array', () => {
    expect(payloadHash('{"name":"é😀"}', nodeCrypto)).toBe(sha256(Buffer.from('{"name":"é😀"}', 'utf8')));
    expect(payloadHash(new Uint8Array(Buffer.from('é', 'utf8')), nodeCrypto)).toBe(payloadHash('é', nodeCrypto));
  });

  it('hashes binary bodies that are not UTF-8 as they are', () => {
    const body = new Uint8Array([0xff, 0x00, 0xfe, 0x80]);
    expect(payloadHash(body, nodeCrypto)).toBe(sha256(body));
  });

  it('is the literal UNSIGNED-PAYLOAD when asked, whatever the body', () => {
    expect(UNSIGNED_PAYLOAD).toBe('UNSIGNED-PAYLOAD');
    expect(payloadHash('abc', nodeCrypto, true)).toBe('UNSIGNED-PAYLOAD');
    expect(payloadHash(undefined, nodeCrypto, true)).toBe('UNSIGNED-PAYLOAD');
  });

  it('hands the body to the injected hash function as it is: text as text, bytes as bytes', () => {
    const seen: Array<string | number[]> = [];
    const fake: HashFunctions = {
      sha256Hex: (d) => (seen.push(typeof d === 'string' ? d : Array.from(d)), 'fake'),
      hmacSha256Hex: () => 'unused',
    };
    expect(payloadHash('hi', fake)).toBe('fake');
    expect(payloadHash(new Uint8Array([0x68, 0x69]), fake)).toBe('fake');
    expect(seen).toEqual(['hi', [0x68, 0x69]]);
  });
});
