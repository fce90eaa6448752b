import { trimmed } from '../../src/core/trimmed';

describe('trimmed', () => {
  it.each([
    ['  a b  ', 'a b'],
    ['\t\n\v\f\r a \u00a0\u2028\u2029\u3000\ufeff', 'a'],
    ['x', 'x'],
    ['', ''],
    [' \n ', ''],
    ['a\u180e', 'a\u180e'],
  ])('%j -> %j, as String.prototype.trim in Node', (text, expected) => {
    expect(trimmed(text)).toBe(expected);
    expect(trimmed(text)).toBe(text.trim());
  });
});
