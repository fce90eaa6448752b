import fc from 'fast-check';
import { canonicalQuery, parseRawQuery } from '../../src/core';
import { specEncode } from './reference';

const cq = (raw: string): string => canonicalQuery(parseRawQuery(raw));

describe('parseRawQuery', () => {
  it('splits on & and the first =, keeping order, duplicates, empty values and encoding', () => {
    expect(parseRawQuery('')).toEqual([]);
    expect(parseRawQuery('b=2&a=1&b=1')).toEqual([
      { name: 'b', value: '2' },
      { name: 'a', value: '1' },
      { name: 'b', value: '1' },
    ]);
    expect(parseRawQuery('a')).toEqual([{ name: 'a', value: null }]);
    expect(parseRawQuery('a=')).toEqual([{ name: 'a', value: '' }]);
    expect(parseRawQuery('a=b=c')).toEqual([{ name: 'a', value: 'b=c' }]);
    expect(parseRawQuery('=x')).toEqual([{ name: '', value: 'x' }]);
    expect(parseRawQuery('&&a=1&')).toEqual([{ name: 'a', value: '1' }]);
    expect(parseRawQuery('a%20b=c+d%2B')).toEqual([{ name: 'a%20b', value: 'c+d%2B' }]);
  });
});

describe('canonicalQuery (spec rule 5)', () => {
  it.each([
    ['', ''], // no query: empty line
    ['limit=2&marker=13551d6b-755d-4757-b956-536f674975c0', 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0'],
    ['b=2&a=1', 'a=1&b=2'], // sorted by name
    ['a=2&a=10&a=1', 'a=1&a=10&a=2'], // repeated key: one pair per value, sorted by value (code units)
    ['a=&b', 'a=&b='], // empty value and missing '=' both give name=
    ['b=1&B=1&a=1&A=1', 'A=1&B=1&a=1&b=1'], // uppercase before lowercase
    ['q=a%20b', 'q=a%20b'], // space is %20
    ['q=a+b', 'q=a%2Bb'], // '+' is not a space
    ['q=a%2Bb', 'q=a%2Bb'],
    ['q=*', 'q=%2A'],
    ['q=%2a', 'q=%2A'],
    ['q=%7E~', 'q=~~'], // '~' kept, and decoded to it
    ['q=é', 'q=%C3%A9'],
    ['q=%c3%a9', 'q=%C3%A9'],
    ['q=😀', 'q=%F0%9F%98%80'],
    ['q=100%', 'q=100%25'], // bare '%' literal
    ['q=%zz', 'q=%25zz'],
    ['a%20b=1&a*=2', 'a%20b=1&a%2A=2'], // names are encoded too
    ['q=a%2Fb/c', 'q=a%2Fb%2Fc'],
    ['x=1&x', 'x=&x=1'], // the empty value sorts first
    ['aA=2&a%41=1', 'aA=1&aA=2'], // the same decoded name, written two ways, is one key
    // Bytes that are not UTF-8 stay those bytes, as in the path (Go's escape of the decoded bytes).
    ['q=%FF', 'q=%FF'],
    ['q=caf%E9', 'q=caf%E9'],
    ['caf%e9=1', 'caf%E9=1'],
    ['q=%C3', 'q=%C3'],
  ])('%j -> %j', (raw, expected) => {
    expect(cq(raw)).toBe(expected);
  });

  it('sorts decoded names and values, not encoded ones (the Java SDK bug the spec warns about)', () => {
    // '~' (0x7E) < 'é' (0xE9) decoded, but '%C3%A9' < '~' encoded.
    expect(cq('a%C3%A9=1&a~=2')).toBe('a~=2&a%C3%A9=1');
    // '_' (0x5F) < '{' (0x7B) decoded, but '%7B' < '_' encoded.
    expect(cq('a%7B=1&a_=2')).toBe('a_=2&a%7B=1');
    expect(cq('k=%C3%A9&k=~')).toBe('k=~&k=%C3%A9');
    // ' ' (0x20) < '!' decoded; '%20' < '%21' encoded too: same answer either way.
    expect(cq('k=!&k=%20')).toBe('k=%20&k=%21');
  });

  it('matches a model: decode, sort pairs by name then value in code-unit order, encode, join', () => {
    const text = fc.oneof(fc.constantFrom('', 'a', 'A', 'b', '~', 'é', '_', '{', ' ', '+'), fc.string({ unit: 'binary', maxLength: 5 }));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { maxLength: 6 }), (pairs) => {
        const raw = pairs.map(([n, v]) => encodeURIComponent(n) + '=' + encodeURIComponent(v)).join('&');
        const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
        const expected = [...pairs]
          .sort((x, y) => cmp(x[0], y[0]) || cmp(x[1], y[1]))
          .map(([n, v]) => specEncode(n) + '=' + specEncode(v))
          .join('&');
        expect(cq(raw)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonicalQuery on bytes that are not UTF-8', () => {
  it('orders names and values that read alike (both invalid bytes) by their bytes, whatever the input order', () => {
    expect(cq('k=%FF&k=%FE')).toBe('k=%FE&k=%FF');
    expect(cq('k=%FE&k=%FF')).toBe('k=%FE&k=%FF');
    expect(cq('%FF=1&%FE=2')).toBe('%FE=2&%FF=1');
  });

  it('sorts a stray byte with the text it reads as (U+FFFD sorts after ASCII and é)', () => {
    expect(cq('k=%E9&k=z&k=%C3%A9')).toBe('k=z&k=%C3%A9&k=%E9');
  });
});
