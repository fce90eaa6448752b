import { latin1Encode } from '../../src/core';

describe('latin1Encode (how Node writes a header string: one byte per character)', () => {
  it.each([
    ['', []],
    ['abc', [0x61, 0x62, 0x63]],
    ['café', [0x63, 0x61, 0x66, 0xe9]],
    ['\u0000\u007f\u0080\u00ff', [0x00, 0x7f, 0x80, 0xff]],
    ['Ã©', [0xc3, 0xa9]], // a UTF-8 é as a Node server reads it
  ])('%j -> %j', (text, bytes) => {
    expect(Array.from(latin1Encode(text))).toEqual(bytes);
    // The same bytes Node's own Buffer writes for 'latin1'.
    expect(Array.from(latin1Encode(text))).toEqual(Array.from(Buffer.from(text, 'latin1')));
  });

  it.each([['€', /U\+20AC/], ['a中b', /U\+4E2D/], ['😀', /U\+D83D/]])('throws on %j, which has no Latin-1 byte', (text, message) => {
    expect(() => latin1Encode(text)).toThrow(RangeError);
    expect(() => latin1Encode(text)).toThrow(message);
  });
});

describe('latin1Encode names the character it cannot write', () => {
  it('as U+ and four hex digits, zero-padded', () => {
    expect(() => latin1Encode('\u0100')).toThrow('U+0100 has no Latin-1 byte');
  });
});
