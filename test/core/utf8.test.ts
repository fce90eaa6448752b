import fc from 'fast-check';
import { utf8Decode, utf8Encode } from '../../src/core';

const bytes = (s: string): number[] => Array.from(utf8Encode(s));
/** Any UTF-16 code units, lone surrogates included. */
const anyUnits = fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 30 }).map((units) => String.fromCharCode(...units));

describe('utf8Encode', () => {
  it.each([
    ['', []],
    ['A', [0x41]],
    ['\u007f', [0x7f]],
    ['\u0080', [0xc2, 0x80]],
    ['é', [0xc3, 0xa9]],
    ['\u07ff', [0xdf, 0xbf]],
    ['\u0800', [0xe0, 0xa0, 0x80]],
    ['中', [0xe4, 0xb8, 0xad]],
    ['\uffff', [0xef, 0xbf, 0xbf]],
    ['\u{10000}', [0xf0, 0x90, 0x80, 0x80]],
    ['😀', [0xf0, 0x9f, 0x98, 0x80]],
    ['\u{10ffff}', [0xf4, 0x8f, 0xbf, 0xbf]],
  ])('%j -> %j', (text, expected) => {
    expect(bytes(text)).toEqual(expected);
  });

  it('writes a lone surrogate (either half, or a reversed pair) as U+FFFD', () => {
    expect(bytes('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('\udc00')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('\udc00\ud800')).toEqual([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
    expect(bytes('\ud800a')).toEqual([0xef, 0xbf, 0xbd, 0x61]);
  });

  it("agrees with Node's Buffer on any UTF-16 text", () => {
    fc.assert(
      fc.property(fc.oneof(anyUnits, fc.string({ unit: 'binary' })), (text) => {
        expect(bytes(text)).toEqual(Array.from(Buffer.from(text, 'utf8')));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('utf8Decode', () => {
  it('reads UTF-8 the way TextDecoder does whenever the bytes are valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const b = Buffer.from(text, 'utf8');
        expect(utf8Decode(b)).toBe(text);
        expect(utf8Decode(Array.from(b))).toBe(new TextDecoder('utf-8', { fatal: true }).decode(b));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    [[0x80], '\ufffd'], // lone continuation byte
    [[0xff], '\ufffd'],
    [[0xc3], '\ufffd'], // truncated at the end
    [[0xc3, 0x41], '\ufffdA'], // truncated before ASCII: the ASCII survives
    [[0xe4, 0xb8], '\ufffd'],
    [[0xe4, 0xb8, 0x41], '\ufffdA'],
    [[0xc0, 0x80], '\ufffd\ufffd'], // overlong NUL
    [[0x41, 0xff, 0x42], 'A\ufffdB'],
  ])('invalid %j -> %j', (input, expected) => {
    expect(utf8Decode(input)).toBe(expected);
  });

  it('never throws, and marks any invalid input with U+FFFD', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (input) => {
        const out = utf8Decode(input);
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          valid = false;
        }
        if (!valid) expect(out).toContain('\ufffd');
      }),
      { numRuns: 1000 },
    );
  });
});
