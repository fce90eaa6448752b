/**
 * The sandbox's SM3 (src/sandbox/sandboxSm3.ts) in Node against two independent implementations: sm-crypto from the
 * npm registry (pure JS) and OpenSSL's (node:crypto), plus the standard's own examples (GB/T 32905-2016, appendix A).
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import smCrypto from 'sm-crypto';
import { hmacSm3, sandboxSm3, sm3Utf8 } from '../../src/sandbox/sandboxSm3';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');
const textArb = fc.string({ unit: fc.constantFrom('a', 'Z', '{', ' ', '\u00e9', '\u65e5', '\ud83d\ude00', '\ud800', '\udc00', '\u0080', '\u07ff', '\u0800', '\uffff'), maxLength: 600 });

describe('sandboxSm3', () => {
  test("the standard's examples: abc and abcd repeated 16 times", () => {
    expect(sandboxSm3.sm3Hex('abc')).toBe('66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0');
    expect(sandboxSm3.sm3Hex('abcd'.repeat(16))).toBe('debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732');
  });

  test('matches sm-crypto and OpenSSL at every length around the block and padding edges', () => {
    for (let n = 0; n < 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      const expected = smCrypto.sm3(Array.from(data));
      expect(sandboxSm3.sm3Hex(data)).toBe(expected);
      expect(createHash('sm3').update(data).digest('hex')).toBe(expected);
    }
  });

  test('text is hashed as its UTF-8 bytes (lone surrogates as U+FFFD), like sm-crypto and OpenSSL', () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const bytes = Buffer.from(text, 'utf8');
        expect(hex(sm3Utf8(text).digest)).toBe(smCrypto.sm3(Array.from(bytes)));
        expect(sm3Utf8(text).byteLength).toBe(bytes.length);
        expect(sandboxSm3.sm3Hex(text)).toBe(createHash('sm3').update(bytes).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  test('HMAC-SM3 matches sm-crypto and OpenSSL, keys shorter and longer than a block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 150 }), fc.uint8Array({ maxLength: 300 }), (key, msg) => {
        const expected = createHmac('sm3', key).update(msg).digest('hex');
        expect(hex(hmacSm3(key, msg))).toBe(expected);
        expect(sandboxSm3.hmacSm3Hex(key, msg)).toBe(expected);
        if (key.length > 0) expect(smCrypto.sm3(Array.from(msg), { key: Buffer.from(key).toString('hex') })).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
