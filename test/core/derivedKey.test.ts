import { hkdfSync } from 'node:crypto';
import fc from 'fast-check';
import { derivationScope, derivedSigningKey, hkdfSha256Hex } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, 'hex'));
const range = (from: number, to: number): Uint8Array => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** Node's own HKDF (OpenSSL): independent of ours, which is built on the injected HMAC. */
const nodeHkdf = (ikm: Uint8Array, salt: Uint8Array, info: Uint8Array, length: number): string =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length)).toString('hex');

describe('hkdfSha256Hex', () => {
  // RFC 5869, appendix A: the three SHA-256 test cases.
  it('gives the OKM of RFC 5869 test case 1 (basic)', () => {
    expect(hkdfSha256Hex(bytes('0b'.repeat(22)), range(0x00, 0x0c), range(0xf0, 0xf9), 42, nodeCrypto)).toBe(
      '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865',
    );
  });

  it('gives the OKM of RFC 5869 test case 2 (longer inputs and outputs: three blocks)', () => {
    expect(hkdfSha256Hex(range(0x00, 0x4f), range(0x60, 0xaf), range(0xb0, 0xff), 82, nodeCrypto)).toBe(
      'b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87',
    );
  });

  it('gives the OKM of RFC 5869 test case 3 (no salt: HashLen zero bytes; no info)', () => {
    expect(hkdfSha256Hex(bytes('0b'.repeat(22)), new Uint8Array(0), new Uint8Array(0), 42, nodeCrypto)).toBe(
      '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8',
    );
  });

  it("agrees with Node's HKDF at every length around the block boundaries", () => {
    const ikm = bytes('0b'.repeat(22));
    for (const length of [0, 1, 31, 32, 33, 63, 64, 65, 96, 97]) {
      expect([length, hkdfSha256Hex(ikm, range(1, 5), range(7, 9), length, nodeCrypto)]).toEqual([length, nodeHkdf(ikm, range(1, 5), range(7, 9), length)]);
    }
  });

  it("agrees with Node's HKDF on any input", () => {
    const input = fc.uint8Array({ maxLength: 70 });
    fc.assert(
      fc.property(input, input, input, fc.integer({ min: 0, max: 200 }), (ikm, salt, info, length) => {
        expect(hkdfSha256Hex(ikm, salt, info, length, nodeCrypto)).toBe(nodeHkdf(ikm, salt, info, length));
      }),
      { numRuns: 200 },
    );
  });

  it('gives up to 255 blocks (8160 bytes), as RFC 5869 allows, and refuses more', () => {
    const longest = hkdfSha256Hex(range(1, 3), range(4, 6), range(7, 9), 8160, nodeCrypto);
    expect(longest).toBe(nodeHkdf(range(1, 3), range(4, 6), range(7, 9), 8160));
    expect(() => hkdfSha256Hex(range(1, 3), range(4, 6), range(7, 9), 8161, nodeCrypto)).toThrow('HKDF-SHA256 cannot give more than 8160 bytes');
  });
});

describe('derivedSigningKey', () => {
  it('is HKDF-SHA256 of the UTF-8 SK, salted with the AK, for the scope: 32 bytes as 64 hex digits', () => {
    const enc = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));
    const key = derivedSigningKey('AccessKé', 'SecretKey€', '20060102/test-region-1/demo', nodeCrypto);
    expect(key).toBe(nodeHkdf(enc('SecretKey€'), enc('AccessKé'), enc('20060102/test-region-1/demo'), 32));
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('derivationScope', () => {
  it("is the X-Sdk-Date's day, the region id and the service", () => {
    expect(derivationScope('20060102T150405Z', { regionId: 'cn-north-4', service: 'iam' })).toBe('20060102/cn-north-4/iam');
  });

  it.each([
    { regionId: '', service: 'iam' },
    { regionId: 'cn-north-4', service: '' },
  ])('needs both a region id and a service (%j)', (target) => {
    expect(() => derivationScope('20060102T150405Z', target)).toThrow('V11-HMAC-SHA256 needs a region id and a service name');
  });
});
