import fc from 'fast-check';
import { percentDecode, percentDecodeBytes, uriEncode, uriEncodeBytes, wireEncode } from '../../src/core';
import { specEncode } from './reference';

describe('uriEncode (spec rule 4: keep A-Z a-z 0-9 - _ . ~, every other UTF-8 byte as uppercase %XX)', () => {
  it.each([
    ['ABCXYZabcxyz0189-_.~', 'ABCXYZabcxyz0189-_.~'],
    [' ', '%20'],
    ['*', '%2A'],
    ['+', '%2B'],
    ['~', '~'],
    ['/', '%2F'],
    ['%', '%25'],
    ["!'()", '%21%27%28%29'],
    ['=&?#', '%3D%26%3F%23'],
    ['é', '%C3%A9'],
    ['中文', '%E4%B8%AD%E6%96%87'],
    ['\u00ff', '%C3%BF'],
    ['😀', '%F0%9F%98%80'],
    ['a😀b', 'a%F0%9F%98%80b'],
    ['\u{10ffff}', '%F4%8F%BF%BF'],
    ['\u0000\u007f', '%00%7F'],
    ['', ''],
    ['\uffffa', '%EF%BF%BFa'], // the last one-unit code point: the character after it is read on its own
    ['\u{10000}a', '%F0%90%80%80a'],
    ['@[`{/:', '%40%5B%60%7B%2F%3A'], // the neighbours of A-Z, a-z, 0-9
  ])('%j -> %s', (text, expected) => {
    expect(uriEncode(text)).toBe(expected);
  });

  it('encodes a lone surrogate as U+FFFD (it has no UTF-8 form)', () => {
    expect(uriEncode('\ud800')).toBe('%EF%BF%BD');
    expect(uriEncode('a\udc00b')).toBe('a%EF%BF%BDb');
  });

  it('matches encodeURIComponent adjusted to the spec set on any well-formed text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme' }), fc.string()), (text) => {
        expect(uriEncode(text)).toBe(specEncode(text));
      }),
      { numRuns: 500 },
    );
  });
});

describe('percentDecode (a server reading the path or query)', () => {
  it.each([
    ['a%20b', 'a b'],
    ['a+b', 'a+b'], // '+' is not a space (RFC 3986, not form encoding)
    ['a%2Bb', 'a+b'],
    ['%2F', '/'],
    ['%2f', '/'],
    ['%7E', '~'],
    ['%41%42', 'AB'],
    ['%C3%A9', 'é'],
    ['%c3%a9', 'é'], // lowercase hex decodes too
    ['%E4%B8%AD%E6%96%87', '中文'],
    ['%F0%9F%98%80', '😀'], // 4 bytes -> one surrogate pair
    ['x%C3%A9y%C3%A9', 'xéyé'],
    ['%', '%'], // a bare '%' stays literal
    ['100%', '100%'],
    ['%4', '%4'],
    ['%zz', '%zz'],
    ['%G1', '%G1'],
    ['%%41', '%A'],
    ['%2', '%2'],
    ['%30%39%41%46%61%66', '09AFaf'], // every hex digit range at both ends
    ['%3g%g3%/0%:0%@0%G0%`0%g0', '%3g%g3%/0%:0%@0%G0%`0%g0'], // their neighbours are not hex digits
    ['a%20', 'a '],
    ['%41b%42', 'AbB'],
    ['é', 'é'], // raw non-ASCII passes through
    ['', ''],
  ])('%j -> %j', (text, expected) => {
    expect(percentDecode(text)).toBe(expected);
  });

  it('turns bytes that are not UTF-8 into U+FFFD', () => {
    expect(percentDecode('%FF')).toBe('\ufffd');
    expect(percentDecode('%C3')).toBe('\ufffd');
    expect(percentDecode('%C3x')).toBe('\ufffdx');
    expect(percentDecode('%80a')).toBe('\ufffda');
  });

  it('undoes the spec encoding, and decodeURIComponent agrees on well-formed input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.boolean(), (text, lower) => {
        const encoded = specEncode(text);
        const wire = lower ? encoded.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : encoded;
        expect(percentDecode(wire)).toBe(text);
        expect(percentDecode(wire)).toBe(decodeURIComponent(wire));
      }),
      { numRuns: 500 },
    );
  });
});

describe('wireEncode (for the wire: existing %XX kept, the rest as rule 4, `keep` passes through)', () => {
  it.each([
    ['a b', '', 'a%20b'],
    ['a%20b', '', 'a%20b'],
    ['a%2Fb', '', 'a%2Fb'],
    ['a%2fb', '', 'a%2fb'],
    ['100%', '', '100%25'],
    ['%zz', '', '%25zz'],
    ['é', '', '%C3%A9'],
    ['😀', '', '%F0%9F%98%80'],
    ['/a b/c', '/', '/a%20b/c'],
    ['/a b/c', '', '%2Fa%20b%2Fc'],
    ['a=1&b', '=&', 'a=1&b'],
    ['a*+~', '', 'a%2A%2B~'],
    ['\uffffa', '', '%EF%BF%BFa'],
    ['😀a b', '', '%F0%9F%98%80a%20b'],
    ['@[`{/:', '', '%40%5B%60%7B%2F%3A'],
    ['%30%39%41%46%61%66%3a', '', '%30%39%41%46%61%66%3a'], // every hex digit range at both ends is an escape
    ['%3g%g3%/0%:0%@0%G0%`0%g0', '', '%253g%25g3%25%2F0%25%3A0%25%400%25G0%25%600%25g0'], // their neighbours are not
  ])('%j keep %j -> %s', (text, keep, expected) => {
    expect(wireEncode(text, keep)).toBe(expected);
  });

  it('keeps nothing extra when no `keep` is given: every reserved character is encoded (RFC 3986 section 2.2)', () => {
    expect(wireEncode('a b!')).toBe('a%20b%21');
    expect(wireEncode("!*'();:@&=+$,/?#[] ")).toBe('%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D%20');
  });

  it('is idempotent, leaves only safe characters, and does not change what a server decodes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.array(fc.constantFrom('%', '2', 'F', 'c', '3', 'a', '9')).map((a) => a.join('')), (text, pctish) => {
        const input = text + pctish;
        const once = wireEncode(input);
        expect(wireEncode(once)).toBe(once);
        expect(once).toMatch(/^(?:[A-Za-z0-9\-_.~]|%[0-9A-Fa-f]{2})*$/);
        expect(percentDecode(once)).toBe(percentDecode(input));
      }),
      { numRuns: 500 },
    );
  });
});

describe('percentDecodeBytes (a server reads %XX as bytes, whatever they mean as text)', () => {
  it.each([
    ['', []],
    ['abc', [0x61, 0x62, 0x63]],
    ['%FF', [0xff]],
    ['caf%E9', [0x63, 0x61, 0x66, 0xe9]],
    ['caf%c3%a9', [0x63, 0x61, 0x66, 0xc3, 0xa9]],
    ['é', [0xc3, 0xa9]], // a raw character is its UTF-8 bytes
    ['é%E9', [0xc3, 0xa9, 0xe9]],
    ['100%', [0x31, 0x30, 0x30, 0x25]], // a bare '%' is literal
    ['%zz%4', [0x25, 0x7a, 0x7a, 0x25, 0x34]],
    ['a+b', [0x61, 0x2b, 0x62]], // '+' is not a space
    ['\ud800', [0xef, 0xbf, 0xbd]], // a lone surrogate as U+FFFD
  ])('%j -> %j', (text, bytes) => {
    expect(Array.from(percentDecodeBytes(text))).toEqual(bytes);
  });
});

describe('uriEncodeBytes (spec rule 4 on bytes)', () => {
  it('keeps unreserved bytes and the one kept byte, escapes every other byte uppercase', () => {
    expect(uriEncodeBytes([0x41, 0x7e, 0x2f, 0x20, 0xe9, 0xff, 0x00])).toBe('A~%2F%20%E9%FF%00');
    expect(uriEncodeBytes([0x61, 0x2f, 0x62], 0x2f)).toBe('a/b');
  });

  it('is uriEncode on the UTF-8 bytes of any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(uriEncodeBytes(Buffer.from(text, 'utf8'))).toBe(specEncode(text));
      }),
      { numRuns: 300 },
    );
  });
});
