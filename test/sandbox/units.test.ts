/**
 * The adapter's own algorithms, in Node, against independent references: node:crypto for the hashes, the
 * strip-json-comments module postman-runtime uses for the JSON comment pass.
 */
import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { utf8ByteLength } from '../../src/core/utf8';
import { hmacSha256, sandboxCrypto, sha256Utf8Hex } from '../../src/sandbox/sandboxCrypto';
import { stripJsonComments, stripJsonCommentsStable } from '../../src/sandbox/stripJsonComments';
import { toWireUrl } from '../../src/sandbox/resolveUrl';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const runtimeStrip: (s: string, o: { whitespace: boolean }) => string = require('../../node_modules/strip-json-comments');

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');
const textArb = fc.string({ unit: fc.constantFrom('a', 'Z', '{', ' ', '\u00e9', '\u65e5', '\ud83d\ude00', '\ud800', '\udc00', '\u0080', '\u07ff', '\u0800', '\uffff') , maxLength: 600 });

describe('sandboxCrypto', () => {
  test('sha256 matches node:crypto at every length around the block and padding edges', () => {
    for (let n = 0; n < 300; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 255);
      expect(sandboxCrypto.sha256Hex(data)).toBe(sha(data));
    }
  });

  test('HMAC-SHA256 matches node:crypto, keys shorter and longer than a block', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ maxLength: 300 }), (key, msg) => {
        expect(sandboxCrypto.hmacSha256Hex(key, msg)).toBe(createHmac('sha256', key).update(msg).digest('hex'));
        expect(Buffer.from(hmacSha256(key, msg)).toString('hex')).toBe(createHmac('sha256', key).update(msg).digest('hex'));
      }),
      { numRuns: 300 },
    );
  });

  test('sha256Utf8Hex of a string equals SHA-256 of its UTF-8 bytes (lone surrogates as U+FFFD)', () => {
    fc.assert(
      fc.property(textArb, fc.nat(200), (text, asciiRun) => {
        const s = 'x'.repeat(asciiRun) + text + 'y'.repeat(asciiRun);
        expect(sha256Utf8Hex(s)).toBe(sha(Buffer.from(s, 'utf8')));
        expect(sandboxCrypto.sha256Hex(s)).toBe(sha(Buffer.from(s, 'utf8')));
        expect(utf8ByteLength(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
      { numRuns: 1000 },
    );
  });

  test('sha256Utf8Hex on a large mixed body', () => {
    const s = 'ab'.repeat(300000) + '\u00e9' + '{"k":"\u65e5"}'.repeat(5000) + 'z'.repeat(70000);
    expect(sha256Utf8Hex(s)).toBe(sha(Buffer.from(s, 'utf8')));
  });
});

describe('stripJsonComments', () => {
  const jsonish = fc.string({ unit: fc.constantFrom('/', '*', '"', '\\', '\n', '\r', 'a', ' ', '{', '}'), maxLength: 80 });

  test('is the runtime strip-json-comments (3.1.1, whitespace: false)', () => {
    fc.assert(fc.property(jsonish, (s) => expect(stripJsonComments(s)).toBe(runtimeStrip(s, { whitespace: false }))), { numRuns: 5000 });
  });

  test('is the runtime strip-json-comments on longer texts of JSON-like tokens (strings, URLs, escapes, comments)', () => {
    const token = fc.constantFrom('"a"', '"https://h.example.com/x"', '"\\""', '\\', '"', '//c', '/*c*/', '/*', '*/', '\r\n', '\n', '/', ':1,', ' ');
    const text = fc.array(token, { maxLength: 120 }).map((t) => t.join(''));
    fc.assert(fc.property(text, (s) => expect(stripJsonComments(s)).toBe(runtimeStrip(s, { whitespace: false }))), { numRuns: 5000 });
  });

  test('the stable form is a fixed point of the runtime pass', () => {
    fc.assert(
      fc.property(jsonish, (s) => {
        const stable = stripJsonCommentsStable(s);
        expect(runtimeStrip(stable, { whitespace: false })).toBe(stable);
      }),
      { numRuns: 5000 },
    );
  });
});

describe('toWireUrl', () => {
  test('output is only unreserved characters, %XX and the kept delimiters, and re-encoding changes nothing', () => {
    const unit = fc.constantFrom('a', '/', '?', '&', '=', '#', '%', '%2F', '+', ' ', '\u00e9', ':', '@', '[', '{', '~', '*', "'");
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 40 }), (tail) => {
        const wire = toWireUrl('https://h.example.com/' + tail);
        expect(wire.url).toMatch(/^https:\/\/h\.example\.com\/[A-Za-z0-9\-._~%!$&'()*+,;=:@/?]*$/);
        expect(toWireUrl(wire.url).url).toBe(wire.url);
      }),
      { numRuns: 2000 },
    );
  });

  test("host and port are the ones Postman's own parser reads, whatever the user info holds ('@', ':')", () => {
    // postman-url-encoder's parser, as the runtime parses a resolved URL string.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const postmanParse: (url: string) => { host?: string[]; port?: string } = require('../../node_modules/postman-runtime/node_modules/postman-url-encoder/parser').parse;
    const userinfo = fc.string({ unit: fc.constantFrom('u', 'P', '@', ':', '1', '-'), maxLength: 12 });
    const host = fc.constantFrom('h.example.com', '127.0.0.1', 'localhost', '[::1]');
    const port = fc.option(fc.integer({ min: 1, max: 65535 }).map(String), { nil: undefined });
    fc.assert(
      fc.property(userinfo, host, port, fc.constantFrom('', '/', '/a@b', '?q=@'), (user, hostname, p, rest) => {
        const url = `http://${user ? user + '@' : ''}${hostname}${p ? ':' + p : ''}${rest}`;
        const parsed = postmanParse(url);
        const expected = (parsed.host ?? []).join('.') + (parsed.port ? ':' + parsed.port : '');
        expect(toWireUrl(url).host).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });
});
