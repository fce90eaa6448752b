import fc from 'fast-check';
import { utf8ByteLength, utf8Decode, utf8Encode } from '../../src/core';

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
    ['\ud7ff', [0xed, 0x9f, 0xbf]], // the last code point before the surrogates
    ['\ue000', [0xee, 0x80, 0x80]], // the first after them
    ['\ud800\udc00', [0xf0, 0x90, 0x80, 0x80]], // the lowest pair
    ['\udbff\udfff', [0xf4, 0x8f, 0xbf, 0xbf]], // the highest pair
  ])('%j -> %j', (text, expected) => {
    expect(bytes(text)).toEqual(expected);
  });

  it('writes a lone surrogate (either half, or a reversed pair) as U+FFFD', () => {
    expect(bytes('\ud800')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('\udc00')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('\udc00\ud800')).toEqual([0xef, 0xbf, 0xbd, 0xef, 0xbf, 0xbd]);
    expect(bytes('\ud800a')).toEqual([0xef, 0xbf, 0xbd, 0x61]);
    expect(bytes('\udbff')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('\udfff')).toEqual([0xef, 0xbf, 0xbd]);
    expect(bytes('a\udbff')).toEqual([0x61, 0xef, 0xbf, 0xbd]); // a high surrogate that ends the text
  });

  it('counts the bytes it writes (utf8ByteLength)', () => {
    for (const text of ['', 'A', '\u007f', '\u0080', '\u07ff', '\u0800', '\ud7ff', '\ud800', '\udbff\udfff', '\udfff', '\ue000', '\uffff', 'a\ud800', '😀é']) {
      expect(utf8ByteLength(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
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

  // Each lead byte range at both ends, and the smallest and largest code point of each length (RFC 3629, table 3-7
  // of the Unicode standard).
  it.each([
    [[0x00], '\u0000'],
    [[0x7f], '\u007f'],
    [[0xc2, 0x80], '\u0080'],
    [[0xdf, 0xbf], '\u07ff'],
    [[0xe0, 0xa0, 0x80], '\u0800'],
    [[0xed, 0x9f, 0xbf], '\ud7ff'],
    [[0xee, 0x80, 0x80], '\ue000'],
    [[0xef, 0xbf, 0xbf], '\uffff'],
    [[0xf0, 0x90, 0x80, 0x80], '\u{10000}'],
    [[0xf4, 0x8f, 0xbf, 0xbf], '\u{10ffff}'],
  ])('valid %j -> %j', (input, expected) => {
    expect(utf8Decode(input)).toBe(expected);
  });

  // Invalid lead bytes (0x80-0xC1, 0xF5-0xFF) and lone continuation bytes are one U+FFFD each. A sequence with the
  // shape of a 2-4 byte character (a lead byte and its continuation bytes) that encodes an overlong form, a UTF-16
  // surrogate or a value above U+10FFFF is one U+FFFD; a sequence cut short is one U+FFFD and the byte that cut it
  // is read again.
  it.each([
    [[0xc1, 0xbf], '\ufffd\ufffd'], // overlong U+007F: C1 is never a lead byte
    [[0xe0, 0x80, 0x80], '\ufffd'], // overlong NUL in 3 bytes
    [[0xe0, 0x9f, 0xbf], '\ufffd'], // overlong U+07FF in 3 bytes
    [[0xf0, 0x80, 0x80, 0x80], '\ufffd'], // overlong NUL in 4 bytes
    [[0xf0, 0x8f, 0xbf, 0xbf], '\ufffd'], // overlong U+FFFF in 4 bytes
    [[0xed, 0xa0, 0x80], '\ufffd'], // U+D800, the first surrogate
    [[0xed, 0xbf, 0xbf], '\ufffd'], // U+DFFF, the last surrogate
    [[0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80], '\ufffd\ufffd'], // a surrogate pair written as two 3-byte sequences (CESU-8)
    [[0xf4, 0x90, 0x80, 0x80], '\ufffd'], // U+110000, one above the last code point
    [[0xf7, 0xbf, 0xbf, 0xbf], '\ufffd\ufffd\ufffd\ufffd'], // F7 is never a lead byte
    [[0xf5, 0x80, 0x80, 0x80], '\ufffd\ufffd\ufffd\ufffd'], // nor is F5
    [[0xf0, 0x90, 0x80], '\ufffd'], // a 4-byte character cut short at the end
    [[0xf0, 0x90, 0x80, 0x41], '\ufffdA'], // ... or by ASCII
    [[0xe0, 0xa0, 0xc3, 0xa9], '\ufffd\u00e9'], // ... or by the lead byte of the next character
    [[0xc3, 0xc3, 0xa9], '\ufffd\u00e9'],
    [[0x80, 0xbf], '\ufffd\ufffd'], // lone continuation bytes
  ])('invalid %j -> %j', (input, expected) => {
    expect(utf8Decode(input)).toBe(expected);
  });

  it('decodes any bytes as TextDecoder does, up to how many U+FFFD mark one invalid run', () => {
    // TextDecoder writes one U+FFFD per byte of an overlong or surrogate sequence, this decoder one per sequence:
    // both only mark the run as invalid, so runs of U+FFFD are compared as one.
    const collapse = (text: string): string => text.replace(/\ufffd+/g, '\ufffd');
    const interesting = fc.constantFrom(0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xed, 0xee, 0xef, 0xf0, 0xf4, 0xf5, 0xff);
    fc.assert(
      fc.property(fc.array(fc.oneof(interesting, fc.integer({ min: 0, max: 255 })), { maxLength: 12 }), (input) => {
        expect(collapse(utf8Decode(input))).toBe(collapse(new TextDecoder('utf-8').decode(new Uint8Array(input))));
      }),
      { numRuns: 2000 },
    );
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
