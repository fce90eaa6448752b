import { hostHeader, parseUrl } from '../../src/core';

describe('parseUrl (raw parts, no decoding, no normalisation)', () => {
  it('splits the guide example URL', () => {
    expect(parseUrl('https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0')).toEqual({
      protocol: 'https',
      hostname: 'service.region.example.com',
      port: '',
      path: '/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs',
      query: 'limit=2&marker=13551d6b-755d-4757-b956-536f674975c0',
    });
  });

  it('lowercases scheme and host, keeps the port as written, drops the fragment', () => {
    expect(parseUrl('HTTPS://Service.Region.EXAMPLE.com:443/A%2fB?Q=%41#Frag?x')).toEqual({
      protocol: 'https',
      hostname: 'service.region.example.com',
      port: '443',
      path: '/A%2fB',
      query: 'Q=%41',
    });
  });

  it('keeps path and query exactly as written (encoding, dots, empty segments, + and ?)', () => {
    const u = parseUrl('http://h/a%20b//./../c+d?x=a+b&y=?z&&');
    expect(u.path).toBe('/a%20b//./../c+d');
    expect(u.query).toBe('x=a+b&y=?z&&');
  });

  it('gives an empty path and query when absent', () => {
    expect(parseUrl('https://h')).toMatchObject({ path: '', query: '' });
    expect(parseUrl('https://h?x=1')).toMatchObject({ path: '', query: 'x=1' });
    expect(parseUrl('https://h/p?')).toMatchObject({ path: '/p', query: '' });
    expect(parseUrl('https://h#f')).toMatchObject({ path: '', query: '' });
  });

  it("ends the user info at the last '@' before the path (a password may hold '@')", () => {
    expect(parseUrl('http://user:p@ss@127.0.0.1:8080/v1/a?x=@')).toEqual({ protocol: 'http', hostname: '127.0.0.1', port: '8080', path: '/v1/a', query: 'x=@' });
    expect(parseUrl('https://a@b@c@h.example.com')).toMatchObject({ hostname: 'h.example.com', port: '' });
    // An '@' after the authority is path or query, not user info.
    expect(parseUrl('https://h.example.com/p@q?r=@s')).toMatchObject({ hostname: 'h.example.com', path: '/p@q', query: 'r=@s' });
  });

  it('drops user info and reads IPv6 literals', () => {
    expect(parseUrl('https://user:pw@h.example.com/p')).toMatchObject({ hostname: 'h.example.com', path: '/p' });
    expect(parseUrl('http://[2001:DB8::1]:8080/x')).toMatchObject({ hostname: '[2001:db8::1]', port: '8080', path: '/x' });
  });

  it('trims surrounding whitespace', () => {
    expect(parseUrl('  https://h/p?q  ')).toMatchObject({ hostname: 'h', path: '/p', query: 'q' });
  });

  it.each([['not a url'], ['/relative/path'], ['https:///p'], ['mailto:someone@example.com'], ['h.example.com/p'], ['']])('throws on %j', (url) => {
    expect(() => parseUrl(url)).toThrow(/absolute/);
  });
});

describe('hostHeader (spec rule 6: hostname[:port] exactly as in the URL)', () => {
  it.each([
    ['https://h.example.com/p', 'h.example.com'],
    ['https://h.example.com:443/p', 'h.example.com:443'], // a default port that is written is kept
    ['http://localhost:8080', 'localhost:8080'],
    ['http://[::1]:3000/', '[::1]:3000'],
    ['https://H.Example.COM/', 'h.example.com'],
  ])('%s -> %s', (url, expected) => {
    expect(hostHeader(parseUrl(url))).toBe(expected);
  });
});

describe('parseUrl reads the whole text as one URL (no junk before or after)', () => {
  it.each([
    ['junk https://h.example.com/p'], // a URL later in the text
    ['https://h.example.com:80x/p'], // a port followed by something that is not a path
    ['https://h.example.com:abc/p'], // a port that is not a number
    ['https://h.example.com:{{port}}/p'], // an unresolved Postman variable
    ['http://[::1]junk/p'], // junk after an IPv6 literal
  ])('throws on %j', (url) => {
    expect(() => parseUrl(url)).toThrow(/absolute/);
  });

  it('still reads a port followed by a query, a fragment or nothing', () => {
    expect(parseUrl('https://h:8443?x=1')).toMatchObject({ hostname: 'h', port: '8443', path: '', query: 'x=1' });
    expect(parseUrl('https://h:8443#f')).toMatchObject({ hostname: 'h', port: '8443', path: '', query: '' });
    expect(parseUrl('https://h:8443')).toMatchObject({ hostname: 'h', port: '8443', path: '', query: '' });
    expect(parseUrl('http://[::1]?x')).toMatchObject({ hostname: '[::1]', port: '', path: '', query: 'x' });
  });
});
