import { canonicalHeaders } from '../../src/core';

describe('canonicalHeaders (spec rule 6)', () => {
  it('lowercases names, trims values, sorts by name, ends every line with \\n', () => {
    expect(
      canonicalHeaders([
        ['X-Sdk-Date', '20191115T033655Z'],
        ['Content-Type', ' application/json '],
        ['Host', 'service.region.example.com'],
      ]),
    ).toEqual({
      canonicalHeaders: 'content-type:application/json\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n',
      signedHeaders: 'content-type;host;x-sdk-date',
    });
  });

  it('trims tabs and names too, and keeps inner whitespace', () => {
    expect(canonicalHeaders([[' X-A\t', '\t a  b \t']])).toEqual({ canonicalHeaders: 'x-a:a  b\n', signedHeaders: 'x-a' });
  });

  it('keeps an empty value as name:', () => {
    expect(canonicalHeaders([['X-Empty', '']]).canonicalHeaders).toBe('x-empty:\n');
    expect(canonicalHeaders([['X-Blank', '   ']]).canonicalHeaders).toBe('x-blank:\n');
  });

  it('sorts names in code-unit order (- 0x2D < 1 0x31 < _ 0x5F < b)', () => {
    const r = canonicalHeaders([['x_a', '3'], ['xb', '4'], ['x1', '2'], ['x-b', '1']]);
    expect(r.signedHeaders).toBe('x-b;x1;x_a;xb');
    expect(r.canonicalHeaders).toBe('x-b:1\nx1:2\nx_a:3\nxb:4\n');
  });

  it('sorts after lowercasing (uppercase input does not sort first)', () => {
    expect(canonicalHeaders([['b', '1'], ['A', '2'], ['C', '3']]).signedHeaders).toBe('a;b;c');
  });

  it('throws on a header given twice, in any case', () => {
    expect(() => canonicalHeaders([['X-A', '1'], ['x-a', '2']])).toThrow(/x-a/);
    expect(() => canonicalHeaders([['Host', 'a'], [' host ', 'a']])).toThrow(/given twice/);
  });

  it('never signs Authorization, in any case', () => {
    expect(canonicalHeaders([['Authorization', 'SDK-HMAC-SHA256 x'], ['AUTHORIZATION', 'y'], ['X-A', '1']])).toEqual({
      canonicalHeaders: 'x-a:1\n',
      signedHeaders: 'x-a',
    });
  });

  it('gives empty strings for no headers', () => {
    expect(canonicalHeaders([])).toEqual({ canonicalHeaders: '', signedHeaders: '' });
  });

  it('keeps the value bytes as they are otherwise (case, unicode)', () => {
    expect(canonicalHeaders([['X-Name', 'Ünïcode Value']]).canonicalHeaders).toBe('x-name:Ünïcode Value\n');
  });
});
