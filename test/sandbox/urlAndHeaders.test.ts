/**
 * Sign what is sent, for URLs and headers: every case below runs the built script in both sandboxes, then runs the
 * runtime's own URL encoder on the result and checks (1) the exact request line that goes out and (2) that a
 * server-side verifier written from the spec accepts the signature on it.
 */
import { akskEnv, eachSandbox, header, signedAndSent } from './helpers';

const HOST = 'https://obs.example.com';

eachSandbox('URL', (run) => {
  const wirePath = async (url: unknown, environment = akskEnv()) => {
    const { wire, result } = await signedAndSent(run, { request: { method: 'GET', url }, environment });
    // Postman's encoder changes nothing in what the script wrote back.
    expect(wire.path).toBe(result.url.replace(/^https?:\/\/[^/]*/, ''));
    return wire.path;
  };

  test.each([
    ['repeated keys and order kept', '/a?b=2&a=1&b=1', '/a?b=2&a=1&b=1'],
    ['empty value and key without =', '/a?empty=&flag&x=1', '/a?empty=&flag&x=1'],
    ['unicode in path and query', '/dir/日本?name=名前', '/dir/%E6%97%A5%E6%9C%AC?name=%E5%90%8D%E5%89%8D'],
    ['+ * ~ in the query are encoded except ~', '/a?q=a+b*c~d', '/a?q=a%2Bb%2Ac~d'],
    ['+ * ~ in the path stay', '/a+b*c~d', '/a+b*c~d'],
    ['a bare % is encoded, an escape kept', '/p%zz?x=100%&y=%41', '/p%25zz?x=100%25&y=%41'],
    ['an encoded slash stays encoded', '/bucket/a%2Fb?prefix=a%2fb', '/bucket/a%2Fb?prefix=a%2fb'],
    ['spaces, quotes and brackets', '/a b/"c"?q=[1, 2]&r={x}', '/a%20b/%22c%22?q=%5B1%2C%202%5D&r=%7Bx%7D'],
    ['= and ? inside a query value', '/a?expr=a=b?c&d==', '/a?expr=a%3Db%3Fc&d=%3D'],
    ['sub-delims and : @ in the path', "/a:b@c/!$&'(),;=", "/a:b@c/!$&'(),;="],
    ['empty path', '', '/'],
    ['trailing slash kept, not added', '/v1/', '/v1/'],
    ['empty segments kept', '/a//b', '/a//b'],
    ['empty query pieces dropped', '/a?x=1&&y=2&', '/a?x=1&y=2'],
    ['fragment dropped', '/a?x=1#frag', '/a?x=1'],
    // Postman trims only leading whitespace: trailing whitespace is sent encoded, so it is signed that way.
    ['trailing space in the query is sent as %20', '/a?x=1 ', '/a?x=1%20'],
    ['trailing space in the path is sent as %20', '/a ', '/a%20'],
    ['trailing tab and newline are sent as %09, %0A', '/a\t?x=1\n', '/a%09?x=1%0A'],
    ['trailing whitespace before the fragment is sent', '/a?x=1 #frag', '/a?x=1%20'],
    // Escapes that are not UTF-8 go out as written; the verifier keeps their bytes (%E9, %FF) as the gateway does.
    ['escapes that are not UTF-8 (Latin-1 é, %FF)', '/caf%E9/%ff?q=caf%e9&r=%FF', '/caf%E9/%ff?q=caf%e9&r=%FF'],
  ])('%s', async (_name, path, expected) => {
    expect(await wirePath(HOST + path)).toBe(expected);
  });

  test('a segment starting with ":" is not turned into a path variable', async () => {
    expect(await wirePath({ raw: `${HOST}/a/{{seg}}`, protocol: 'https', host: ['obs', 'example', 'com'], path: ['a', '{{seg}}'] }, akskEnv({ seg: ':x' }))).toBe('/a/%3Ax');
  });

  test('path variables (:id) come from url.variables, resolved', async () => {
    const url = {
      raw: `${HOST}/v1/:project_id/servers/:server`,
      protocol: 'https',
      host: ['obs', 'example', 'com'],
      path: ['v1', ':project_id', 'servers', ':server'],
      variable: [
        { key: 'project_id', value: '{{pid}}' },
        { key: 'server', value: 's 1' },
      ],
    };
    expect(await wirePath(url, akskEnv({ pid: 'p-123' }))).toBe('/v1/p-123/servers/s%201');
  });

  test('disabled query params are neither sent nor signed', async () => {
    const url = {
      raw: `${HOST}/a?x=1&y=2`,
      protocol: 'https',
      host: ['obs', 'example', 'com'],
      path: ['a'],
      query: [
        { key: 'x', value: '1' },
        { key: 'y', value: '2', disabled: true },
        { key: 'z', value: '{{undefined_but_disabled}}', disabled: true },
      ],
    };
    expect(await wirePath(url)).toBe('/a?x=1');
  });

  test('a query value holding & and = from the params table is one value', async () => {
    const url = { protocol: 'https', host: ['obs', 'example', 'com'], path: ['a'], query: [{ key: 'k', value: 'a&b=c' }] };
    expect(await wirePath(url)).toBe('/a?k=a%26b%3Dc');
  });

  test('a variable holding & adds parameters, as Postman resolves the whole URL', async () => {
    expect(await wirePath(`${HOST}/a?{{qs}}`, akskEnv({ qs: 'limit=2&marker=m' }))).toBe('/a?limit=2&marker=m');
  });

  test('a base URL variable with a path', async () => {
    const { wire } = await signedAndSent(run, { request: { method: 'GET', url: '{{endpoint}}/servers' }, environment: akskEnv({ endpoint: 'https://ECS.example.com:8443/v1/p' }) });
    expect(wire.path).toBe('/v1/p/servers');
    expect(header(wire, 'host')).toEqual(['ecs.example.com:8443']);
  });

  test('a variable ending in whitespace is sent and signed with it, as plain Postman sends it', async () => {
    const { wire, check } = await signedAndSent(run, { request: { method: 'GET', url: '{{endpoint}}/a/{{id}}?q={{id}}' }, environment: akskEnv({ endpoint: 'https://obs.example.com', id: '5 ' }) });
    expect(wire.path).toBe('/a/5%20?q=5%20');
    expect(check.canonicalRequest.split('\n').slice(1, 3)).toEqual(['/a/5%20/', 'q=5%20']);
  });

  test('a base URL variable ending in a space: the port is read as Postman reads it', async () => {
    const { wire } = await signedAndSent(run, { request: { method: 'GET', url: '{{endpoint}}/v1' }, environment: akskEnv({ endpoint: 'https://obs.example.com:8443 ' }) });
    expect(wire.path).toBe('/v1');
    expect(header(wire, 'host')).toEqual(['obs.example.com:8443']);
  });

  test("user info whose password holds '@': the host is the one after the last '@', signed and sent", async () => {
    const { wire, check, result } = await signedAndSent(run, { request: { method: 'GET', url: 'https://user:p@ss@obs.example.com:8443/a?e=x@y' } });
    expect(header(wire, 'host')).toEqual(['obs.example.com:8443']);
    expect(check.canonicalRequest).toContain('\nhost:obs.example.com:8443\n');
    expect(result.url).toBe('https://user:p@ss@obs.example.com:8443/a?e=x%40y');
  });

  test('an undefined variable in the fragment does not block: the fragment is never sent', async () => {
    const { wire } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/a?x=1#{{nowhere}}/{{neither}}` } });
    expect(wire.path).toBe('/a?x=1');
  });

  test('a URL without a scheme goes out over http, as in Postman', async () => {
    const { result, wire } = await signedAndSent(run, { request: { method: 'GET', url: 'vpc.example.com/v1' } });
    expect(result.url).toBe('http://vpc.example.com/v1');
    expect(header(wire, 'host')).toEqual(['vpc.example.com']);
  });

  test('{{$guid}} in the URL is resolved once: the value signed is the value sent', async () => {
    const { result, wire } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/a/{{$guid}}?t={{$timestamp}}` } });
    expect(wire.path).toMatch(/^\/a\/[0-9a-f-]{36}\?t=\d+$/);
    expect(result.url).not.toContain('{{');
  });
});

eachSandbox('headers', (run) => {
  test('user headers: resolved, trimmed, written back and signed', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: { method: 'GET', url: `${HOST}/`, header: [{ key: 'X-Trace-Id', value: '  {{trace}}  ' }, { key: 'Accept', value: 'application/json' }] },
      environment: akskEnv({ trace: 'abc' }),
    });
    expect(header(wire, 'x-trace-id')).toEqual(['abc']);
    expect(check.signedHeaders).toEqual(['accept', 'host', 'x-sdk-date', 'x-trace-id']);
  });

  test('dynamic variables in headers are resolved once', async () => {
    const { result, wire, check } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/`, header: [{ key: 'X-Request-Id', value: '{{$guid}}' }] } });
    expect(header(wire, 'x-request-id')[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(result.header['x-request-id']).toBe(header(wire, 'x-request-id')[0]);
    expect(check.signedHeaders).toContain('x-request-id');
  });

  test('disabled headers are not sent and not signed', async () => {
    const { wire, check } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/`, header: [{ key: 'X-Off', value: '1', disabled: true }] } });
    expect(header(wire, 'x-off')).toEqual([]);
    expect(check.signedHeaders).not.toContain('x-off');
  });

  test('a header given twice is sent as given, unsigned', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: { method: 'GET', url: `${HOST}/`, header: [{ key: 'X-Dup', value: 'a' }, { key: 'x-dup', value: 'b' }] },
    });
    expect(header(wire, 'x-dup')).toEqual(['a', 'b']);
    expect(check.signedHeaders).not.toContain('x-dup');
  });

  test('hop-by-hop headers, Content-Length and Cookie are sent unsigned', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: {
        method: 'GET',
        url: `${HOST}/`,
        header: [
          { key: 'Connection', value: 'close' },
          { key: 'Cookie', value: 'a=b' },
          { key: 'Content-Length', value: '0' },
          { key: 'X-Keep', value: 'k' },
        ],
      },
    });
    expect(header(wire, 'cookie')).toEqual(['a=b']);
    expect(check.signedHeaders).toEqual(['host', 'x-keep', 'x-sdk-date']);
  });

  test('a value with Latin-1 characters (café) is signed as the bytes Postman sends: one byte per character', async () => {
    const { wire, check } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/a`, header: [{ key: 'X-Name', value: 'café' }] } });
    expect(header(wire, 'x-name')).toEqual(['café']);
    // Node writes header strings as Latin-1: the gateway receives 63 61 66 E9 and hashes those bytes.
    expect(Buffer.from(header(wire, 'x-name')[0]!, 'latin1')).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
    expect(check.canonicalRequest).toContain('\nx-name:café\n');
  });

  test('a value with a character above U+00FF, which Postman cannot send in a header, fails closed without showing it', async () => {
    const result = await run({ request: { method: 'GET', url: `${HOST}/a`, header: [{ key: 'X-Emoji', value: 'a€b' }] }, environment: akskEnv() });
    expect(result.skipped).toBe(true);
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([['hwc-auth: encode the value of header X-Emoji', false]]);
    expect(result.tests[0]!.error?.message).toMatch(/outside Latin-1.*percent-encode or Base64-encode/);
    expect(JSON.stringify(result.tests) + result.consoleText).not.toContain('€');
  });

  test('a user-set Host is kept and signed', async () => {
    const { wire, check } = await signedAndSent(run, { request: { method: 'GET', url: 'https://10.0.0.1/v1', header: [{ key: 'Host', value: 'vpc.example.com' }] } });
    expect(header(wire, 'host')).toEqual(['vpc.example.com']);
    expect(check.signedHeaders).toContain('host');
  });

  test('Content-Type on a GET without body is an ordinary signed header (as in the official example)', async () => {
    const { check } = await signedAndSent(run, { request: { method: 'GET', url: `${HOST}/`, header: [{ key: 'Content-Type', value: 'application/json' }] } });
    expect(check.signedHeaders).toEqual(['content-type', 'host', 'x-sdk-date']);
  });
});
