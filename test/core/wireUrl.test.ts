import { toWireUrl, isWireUrlError } from '../../src/core';

/** Expected values are written out by hand from RFC 3986 (unreserved, pchar, %XX in upper case). */
describe('toWireUrl', () => {
  it.each([
    ['https://Example.COM/a b?x=1 2#frag', 'https://example.com/a%20b?x=1%202'],
    ['HTTPS://h.example.com/p', 'https://h.example.com/p'],
    ['h.example.com/p', 'http://h.example.com/p'], // no scheme: Postman sends it over http
    ['h.example.com/p?next=https://x.example.com', 'http://h.example.com/p?next=https%3A%2F%2Fx.example.com'], // "://" in the query
    ['https://h.example.com/to/http://x', 'https://h.example.com/to/http://x'], // only the first "://" ends a scheme
    ['https:///h.example.com/p', 'https://h.example.com/p'], // extra slashes after the scheme are dropped
    ['https:////h.example.com/p', 'https://h.example.com/p'], // all of them
    ['https://@h.example.com/p', 'https://@h.example.com/p'], // empty user info, kept as written
    ['https://h.example.com\\a\\b', 'https://h.example.com/a/b'], // backslashes are slashes
    ['https://h.example.com', 'https://h.example.com/'],
    ['https://h.example.com?x=1', 'https://h.example.com/?x=1'],
    ['https://h.example.com/p?', 'https://h.example.com/p'], // an empty query is no query
    ['https://h.example.com/p?&&', 'https://h.example.com/p'],
    ['https://h.example.com/p#a?b=1', 'https://h.example.com/p'], // a '?' in the fragment is not a query
    ["https://h.example.com/a!$&'()*+,;=:@b", "https://h.example.com/a!$&'()*+,;=:@b"], // pchar kept in the path
    ['https://h.example.com/:id/x:y', 'https://h.example.com/%3Aid/x:y'], // ':' leading a segment would be a path variable
    ['https://h.example.com/%2F%41/%zz/%4', 'https://h.example.com/%2F%41/%25zz/%254'], // valid escapes kept, a stray '%' encoded
    ['https://h.example.com/caf\u00e9/\u65e5', 'https://h.example.com/caf%C3%A9/%E6%97%A5'],
    ['https://h.example.com/\u{1f600}', 'https://h.example.com/%F0%9F%98%80'],
    ['https://h.example.com/p?a=1&&b&c=', 'https://h.example.com/p?a=1&b&c='], // order, keys without '=', empty values; empty pieces dropped
    ['https://h.example.com/p?a=b=c&d=x?y', 'https://h.example.com/p?a=b%3Dc&d=x%3Fy'],
    ["https://h.example.com/p?q=a+b/c:d@e!f'g(h)*,;$", 'https://h.example.com/p?q=a%2Bb%2Fc%3Ad%40e%21f%27g%28h%29%2A%2C%3B%24'],
    ['https://h.example.com/p?a%20b=%3D', 'https://h.example.com/p?a%20b=%3D'],
    ['https://h.example.com/p?-._~=AZaz09', 'https://h.example.com/p?-._~=AZaz09'],
    ['https://h.example.com/p?=v', 'https://h.example.com/p?=v'],
  ])('%j -> %j', (input, expected) => {
    expect(toWireUrl(input).url).toBe(expected);
  });

  it('reads host and port as Node does: lower case, the port after the last colon outside brackets, spaces around it dropped', () => {
    expect(toWireUrl('https://H.Example.com:8443/p')).toEqual({
      url: 'https://h.example.com:8443/p',
      host: 'h.example.com:8443',
      target: { scheme: 'https', hostname: 'h.example.com', port: '8443' },
    });
    expect(toWireUrl('https://h.example.com: 8443 /p').target).toEqual({ scheme: 'https', hostname: 'h.example.com', port: '8443' });
    expect(toWireUrl('http://[::1]:9080/p')).toEqual({ url: 'http://[::1]:9080/p', host: '[::1]:9080', target: { scheme: 'http', hostname: '[::1]', port: '9080' } });
    expect(toWireUrl('http://[::1]/p')).toEqual({ url: 'http://[::1]/p', host: '[::1]', target: { scheme: 'http', hostname: '[::1]', port: '' } });
    expect(toWireUrl('http://h.example.com:/p')).toEqual({ url: 'http://h.example.com/p', host: 'h.example.com', target: { scheme: 'http', hostname: 'h.example.com', port: '' } });
  });

  it('keeps the user info as written, up to the last @ before the path', () => {
    expect(toWireUrl('https://u:p@ss@H.example.com:8443/a@b')).toEqual({
      url: 'https://u:p@ss@h.example.com:8443/a@b',
      host: 'h.example.com:8443',
      target: { scheme: 'https', hostname: 'h.example.com', port: '8443' },
    });
  });

  it.each([
    ['#x', 'fix the request URL', 'the request URL "#x" is not an absolute http(s) URL'],
    ['?x', 'fix the request URL', 'the request URL "?x" is not an absolute http(s) URL'],
    ['/p', 'fix the request URL', 'the request URL "/p" is not an absolute http(s) URL'],
    ['https:///', 'fix the request URL', 'the request URL "https:///" is not an absolute http(s) URL'],
    ['https://:8443/p', 'fix the request URL', 'the request URL "https://:8443/p" is not an absolute http(s) URL'],
    ['https://u@/p', 'fix the request URL', 'the request URL "https://u@/p" is not an absolute http(s) URL'],
    ['https://h.example.com:84a3/p', 'fix the request URL', 'the request URL "https://h.example.com:84a3/p" is not an absolute http(s) URL'],
    ['https://h.example.com:-1/p', 'fix the request URL', 'the request URL "https://h.example.com:-1/p" is not an absolute http(s) URL'],
    // Postman's parser takes everything before the first "://" as the scheme: a URL it cannot send is not signed.
    ['_https://h.example.com/p', 'fix the request URL', 'the request URL "_https://h.example.com/p" has "_https" before "://", which is not a scheme'],
    ['://h.example.com/p', 'fix the request URL', 'the request URL "://h.example.com/p" has "" before "://", which is not a scheme'],
    ['x y://h.example.com/p', 'fix the request URL', 'the request URL "x y://h.example.com/p" has "x y" before "://", which is not a scheme'],
    [
      'h.example.com/to/https://x.example.com',
      'fix the request URL',
      'the request URL "h.example.com/to/https://x.example.com" has "h.example.com/to/https" before "://", which is not a scheme',
    ],
    ['https://h .example.com/p', 'fix the request URL', 'the host "h .example.com" of the request URL holds a space or a control character'],
    ['https://h\t.example.com/p', 'fix the request URL', 'the host "h\t.example.com" of the request URL holds a space or a control character'],
    ['https://h\u007f.example.com/p', 'fix the request URL', 'the host "h\u007f.example.com" of the request URL holds a space or a control character'],
    [
      'https://b\u00fccher.example/p',
      'use an ASCII host name',
      'the host "b\u00fccher.example" is not ASCII; write it in its punycode (xn--) form so the signed Host is the one sent',
    ],
  ])('refuses %j: %s', (input, fix, message) => {
    let error: unknown;
    try {
      toWireUrl(input);
    } catch (e) {
      error = e;
    }
    expect(isWireUrlError(error)).toBe(true);
    expect(error).toMatchObject({ name: 'WireUrlError', fix, message });
  });

  it('takes any printable ASCII host as written', () => {
    expect(toWireUrl('https://!~.example/p').host).toBe('!~.example');
  });
});
