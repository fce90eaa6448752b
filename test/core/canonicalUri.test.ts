import fc from 'fast-check';
import { canonicalUri } from '../../src/core';
import { specEncode, specEncodeBytes } from './reference';

describe('canonicalUri (spec rule 4)', () => {
  it.each([
    ['', '/'], // empty path
    ['/', '/'],
    ['/v1', '/v1/'], // trailing slash appended
    ['/v1/', '/v1/'],
    ['/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs', '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/'], // guide example
    ['/a%20b', '/a%20b/'], // space is %20
    ['/a b', '/a%20b/'],
    ['/a+b', '/a%2Bb/'], // '+' is a literal plus
    ['/a*b', '/a%2Ab/'], // '*' is %2A
    ['/~user', '/~user/'], // '~' kept
    ['/%7Euser', '/~user/'], // decoded, then kept
    ['/%41%62c', '/Abc/'],
    ['/a%2Fb', '/a/b/'], // %2F decoded, then split
    ['/a%2fb/', '/a/b/'],
    ['//a//b', '//a//b/'], // empty segments kept
    ['/a//', '/a//'],
    ['/a/./../b', '/a/./../b/'], // no dot-segment removal
    ['/100%', '/100%25/'], // bare '%' kept literal, then encoded
    ['/%zz/%4', '/%25zz/%254/'],
    ['/a%2520b', '/a%2520b/'], // decoded exactly once
    ['/é', '/%C3%A9/'],
    ['/%c3%a9', '/%C3%A9/'],
    ['/😀', '/%F0%9F%98%80/'],
    ['/%F0%9F%98%80', '/%F0%9F%98%80/'],
    ["/!'()", '/%21%27%28%29/'],
    ['/a:b@c;d=e,f', '/a%3Ab%40c%3Bd%3De%2Cf/'],
  ])('%j -> %s', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  it('is decode, split on /, encode each segment, join, end with / (any segments, any wire encoding)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 6 }), { minLength: 1, maxLength: 5 }), (segments) => {
        const decoded = '/' + segments.join('/');
        const wire = '/' + segments.map(encodeURIComponent).join('/');
        const joined = decoded.split('/').map(specEncode).join('/');
        expect(canonicalUri(wire)).toBe(joined.endsWith('/') ? joined : joined + '/');
      }),
      { numRuns: 500 },
    );
  });

  // Huawei's Go signer escapes the bytes of the decoded URL.Path (core/auth/signer/escape.go), and Go's PathUnescape
  // does not check UTF-8: a byte that is not UTF-8 is escaped back to itself (spec rule 4, "decode to bytes").
  it.each([
    ['/%FF', '/%FF/'],
    ['/caf%E9', '/caf%E9/'], // Latin-1 é
    ['/caf%e9', '/caf%E9/'],
    ['/%C3', '/%C3/'], // a truncated UTF-8 sequence
    ['/%C3%A9%E9', '/%C3%A9%E9/'], // valid UTF-8 then a stray byte
    ['/é%E9', '/%C3%A9%E9/'], // a raw character is its UTF-8 bytes
    ['/%80%2F%FF', '/%80/%FF/'], // %2F still splits
    ['/%ED%A0%80', '/%ED%A0%80/'], // an encoded surrogate: not UTF-8, kept as bytes
  ])('keeps bytes that are not UTF-8: %j -> %s', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  it('is the bytes of the decoded path, each escaped as Go escapes them (any bytes, UTF-8 or not)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 24 }), (bytes) => {
        const wire = '/' + Array.from(bytes, (b) => '%' + b.toString(16).padStart(2, '0')).join('');
        const segments = Buffer.from(bytes).toString('latin1').split('/').map((s) => specEncodeBytes(Buffer.from(s, 'latin1')));
        const joined = '/' + segments.join('/');
        expect(canonicalUri(wire)).toBe(joined.endsWith('/') ? joined : joined + '/');
      }),
      { numRuns: 500 },
    );
  });
});
