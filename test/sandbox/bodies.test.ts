/**
 * Sign what is sent, for bodies: per body mode, the bytes the runtime sends after the script (its own body builders
 * and raw-JSON comment pass, see ./wire.ts) are the bytes hashed, and they are the bytes Postman would have sent for
 * the original request without the script.
 */
import { createHash } from 'node:crypto';
import { MAX_SIGNED_BODY_BYTES } from '../../src/core/constants';
import { bundleSource, SandboxRunner } from './harness';
import { akskEnv, eachSandbox, EXAMPLE_HOSTS, header, signedAndSent } from './helpers';
import { wireRequest } from './wire';

const URL = 'https://svc.example.com/v1/items';

eachSandbox('bodies', (run, kind) => {
  /** Signs, verifies, and checks the body sent equals what Postman sends for the original request. */
  const bodyCase = async (request: Record<string, unknown>, environment = akskEnv(), ppb: Record<string, unknown> = {}) => {
    const out = await signedAndSent(run, { request, environment }, ppb);
    return { ...out, original: wireRequest(request, ppb) };
  };

  test('raw JSON with // and /* */ comments: stripped as the runtime strips them, hashed as sent', async () => {
    const raw = '{\n  // a comment\n  "url": "http://x/*not a comment*/", /* block */\n  "n": 1 // end\r\n}';
    const { wire, original, result, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } });
    expect(wire.body?.toString()).toBe(original.body?.toString());
    expect(wire.body?.toString()).toBe('{\n  \n  "url": "http://x/*not a comment*/", \n  "n": 1 \n}');
    expect(result.bodyRaw).toBe(wire.body?.toString());
    expect(check.signedHeaders).toEqual(['content-type', 'host', 'x-sdk-date']);
    expect(header(wire, 'content-type')).toEqual(['application/json']);
  });

  test('raw without language but a JSON Content-Type: comments stripped too', async () => {
    const raw = '{"a": 1 /* x */}';
    const { wire, original } = await bodyCase({ method: 'POST', url: URL, header: [{ key: 'Content-Type', value: 'application/vnd.api+json' }], body: { mode: 'raw', raw } });
    expect(wire.body?.toString()).toBe('{"a": 1 }');
    expect(original.body?.toString()).toBe('{"a": 1 }');
    expect(header(wire, 'content-type')).toEqual(['application/vnd.api+json']);
  });

  test('an undefined variable in a commented-out line of a JSON body does not block: the runtime strips it unsent', async () => {
    const raw = '{\n  "a": "{{a}}",\n  // "old": "{{gone}}",\n  /* "older": "{{gone_too}}" */\n  "b": 1\n}';
    const { wire, original } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } }, akskEnv({ a: 'x' }));
    expect(wire.body?.toString()).toBe('{\n  "a": "x",\n  \n  \n  "b": 1\n}');
    expect(original.body?.toString()).toBe('{\n  "a": "{{a}}",\n  \n  \n  "b": 1\n}');
  });

  test('an undefined variable in a comment of a raw text body blocks: text comments are sent', async () => {
    const result = await run({ request: { method: 'POST', url: URL, body: { mode: 'raw', raw: 'a // {{gone}}', options: { raw: { language: 'text' } } } }, environment: akskEnv() });
    expect(result.skipped).toBe(true);
    expect(result.tests.map((t) => t.name)).toEqual(['hwc-auth: define variable gone']);
  });

  test('an undefined variable in a GET body that Postman does not send does not block', async () => {
    const { wire } = await bodyCase({ method: 'GET', url: URL, body: { mode: 'raw', raw: '{"a":"{{gone}}"}', options: { raw: { language: 'json' } } } });
    expect(wire.body).toBeUndefined();
  });

  test('raw text keeps its comments and gets text/plain, set and signed', async () => {
    const raw = 'a // b /* c */';
    const { wire, original, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'text' } } } });
    expect(wire.body?.toString()).toBe(raw);
    expect(original.body?.toString()).toBe(raw);
    expect(header(wire, 'content-type')).toEqual(['text/plain']);
    expect(check.signedHeaders).toContain('content-type');
  });

  test.each([
    ['xml', 'application/xml'],
    ['html', 'text/html'],
    ['javascript', 'application/javascript'],
  ])('raw %s gets %s, as the runtime would add', async (language, contentType) => {
    const { wire, original } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw: '<a/>', options: { raw: { language } } } });
    expect(header(wire, 'content-type')).toEqual([contentType]);
    expect(original.systemHeaders).toContainEqual(['Content-Type', contentType]);
  });

  test('a user Content-Type is kept (last enabled one) and signed', async () => {
    const { wire, check } = await bodyCase({
      method: 'PUT',
      url: URL,
      header: [
        { key: 'content-type', value: 'text/csv', disabled: true },
        { key: 'Content-Type', value: 'application/json;charset=utf8' },
      ],
      body: { mode: 'raw', raw: '{}', options: { raw: { language: 'json' } } },
    });
    expect(header(wire, 'content-type')).toEqual(['application/json;charset=utf8']);
    expect(check.signedHeaders).toContain('content-type');
  });

  test('variables and dynamic variables in a raw body are resolved once and written back', async () => {
    const raw = '{"id":"{{$guid}}","name":"{{name}}","at":{{$timestamp}}}';
    const { wire, result } = await signedAndSent(run, { request: { method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } }, environment: akskEnv({ name: 'n1' }) });
    const sentBody = wire.body!.toString();
    expect(sentBody).toMatch(/^\{"id":"[0-9a-f-]{36}","name":"n1","at":\d+\}$/);
    expect(result.bodyRaw).toBe(sentBody);
  });

  test('unicode body: hashed as UTF-8', async () => {
    const raw = '{"name":"日本語 é 😀"}';
    const { wire } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } });
    expect(wire.body?.equals(Buffer.from(raw, 'utf8'))).toBe(true);
  });

  test('urlencoded: regrouped, encoded and typed exactly as the runtime sends it, written back as raw', async () => {
    const urlencoded = [
      { key: 'b', value: '2' },
      { key: 'a', value: 'x y+z&=' },
      { key: 'b', value: '3' },
      { key: '10', value: "!'()*~" },
      { key: 'off', value: 'no', disabled: true },
      { key: 'ü', value: '€' },
      { key: 'empty', value: '' },
    ];
    const { wire, original, result, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'urlencoded', urlencoded } });
    expect(wire.body?.toString()).toBe(original.body?.toString());
    expect(wire.body?.toString()).toBe("10=%21%27%28%29%2A~&b=2&b=3&a=x%20y%2Bz%26%3D&%C3%BC=%E2%82%AC&empty=");
    expect(result.bodyMode).toBe('raw');
    expect(header(wire, 'content-type')).toEqual(['application/x-www-form-urlencoded']);
    expect(check.signedHeaders).toContain('content-type');
  });

  test('urlencoded with a non-form Content-Type: replaced by the form type, as postman-request does', async () => {
    const { wire } = await bodyCase({ method: 'POST', url: URL, header: [{ key: 'Content-Type', value: 'text/plain' }], body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1' }] } });
    expect(header(wire, 'content-type')).toEqual(['application/x-www-form-urlencoded']);
  });

  test('urlencoded with every field disabled: no body', async () => {
    const { wire, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '1', disabled: true }] } });
    expect(wire.body).toBeUndefined();
    expect(check.payloadHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('GraphQL: the body the runtime builds (variables text verbatim), application/json', async () => {
    const graphql = { query: 'query Q($id: ID!) { item(id: $id) { name } }', variables: '{\n  "id": "{{id}}"\n}' };
    const { wire, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'graphql', graphql } }, akskEnv({ id: '42' }));
    const expected = '{"query":' + JSON.stringify(graphql.query) + ',"variables":{\n  "id": "42"\n}}';
    expect(wire.body?.toString()).toBe(expected);
    expect(header(wire, 'content-type')).toEqual(['application/json']);
    expect(check.signedHeaders).toContain('content-type');
    const resolved = wireRequest({ method: 'POST', url: URL, body: { mode: 'graphql', graphql: { ...graphql, variables: '{\n  "id": "42"\n}' } } });
    expect(resolved.body?.toString()).toBe(expected);
  });

  test('GraphQL variables with // inside are not touched by the JSON comment pass', async () => {
    const graphql = { query: '{ a }', variables: '{"u":"http://x"} // trailing' };
    const { wire, original } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'graphql', graphql } });
    expect(wire.body?.toString()).toBe(original.body?.toString());
  });

  test('multipart: UNSIGNED-PAYLOAD, Content-Type left to the runtime and unsigned', async () => {
    const { wire, check, result } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'formdata', formdata: [{ key: 'a', value: '1', type: 'text' }] } });
    expect(wire.bodyKind).toBe('multipart');
    expect(check.payloadHash).toBe('UNSIGNED-PAYLOAD');
    expect(check.signedHeaders).toEqual(['host', 'x-sdk-content-sha256', 'x-sdk-date']);
    expect(header(wire, 'content-type')).toEqual([]);
    expect(result.bodyMode).toBe('formdata');
  });

  test('multipart with a user Content-Type: sent, not signed', async () => {
    const { wire, check } = await bodyCase({
      method: 'POST',
      url: URL,
      header: [{ key: 'Content-Type', value: 'multipart/form-data' }],
      body: { mode: 'formdata', formdata: [{ key: 'a', value: '1', type: 'text' }] },
    });
    expect(header(wire, 'content-type')).toEqual(['multipart/form-data']);
    expect(check.signedHeaders).not.toContain('content-type');
  });

  test('file body: UNSIGNED-PAYLOAD', async () => {
    const { check, result } = await bodyCase({ method: 'PUT', url: URL, body: { mode: 'file', file: { src: '/tmp/some-file.bin' } } });
    expect(check.payloadHash).toBe('UNSIGNED-PAYLOAD');
    expect(check.signedHeaders).not.toContain('content-type');
    expect(result.bodyMode).toBe('file');
  });

  test('GET with a body: not sent by Postman, so disabled on write-back and hashed as empty', async () => {
    const { wire, original, check, result } = await bodyCase({ method: 'GET', url: URL, body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } });
    expect(original.body).toBeUndefined();
    expect(wire.body).toBeUndefined();
    expect(result.request.body.disabled).toBe(true);
    expect(check.payloadHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(check.signedHeaders).toEqual(['host', 'x-sdk-date']);
  });

  test('GET with a body and hwc_disable_body_pruning (item has disableBodyPruning): hashed and sent', async () => {
    const ppb = { disableBodyPruning: true };
    const request = { method: 'GET', url: URL, body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } };
    const { wire, check } = await bodyCase(request, akskEnv({ hwc_disable_body_pruning: 'true' }), ppb);
    expect(wire.body?.toString()).toBe('{"a":1}');
    expect(check.payloadHash).not.toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('DELETE with a body: sent and hashed', async () => {
    const { wire } = await bodyCase({ method: 'DELETE', url: URL, body: { mode: 'raw', raw: '{"ids":[1]}', options: { raw: { language: 'json' } } } });
    expect(wire.body?.toString()).toBe('{"ids":[1]}');
  });

  test('an empty raw body: nothing sent, no Content-Type added, empty hash', async () => {
    const { wire, original, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw: '', options: { raw: { language: 'json' } } } });
    expect(wire.body).toBeUndefined();
    expect(original.systemHeaders.map(([k]) => k.toLowerCase())).not.toContain('content-type');
    expect(check.signedHeaders).toEqual(['host', 'x-sdk-date']);
  });

  test('a disabled body: nothing sent, empty hash', async () => {
    const { wire, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw: 'x', disabled: true } });
    expect(wire.body).toBeUndefined();
    expect(check.payloadHash).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  test('WebCrypto and TextEncoder: in sandbox 6.x only (bodyHash.ts uses them when they are there)', async () => {
    const script = "console.log(typeof crypto !== 'undefined' && !!crypto && !!crypto.subtle && typeof crypto.subtle.digest, typeof TextEncoder);";
    const r = await run({ script, request: { method: 'GET', url: URL } });
    const expected = kind.name.includes('6.') ? 'function function' : 'false undefined';
    expect(r.console.map((c) => c.messages.join(' '))).toEqual([expected]);
  });

  test('a large body is hashed by WebCrypto in sandbox 6.x, by the bundled SHA-256 in Newman\'s (seen from a fake digest)', async () => {
    // A digest that answers 32 zero bytes: the payload hash shows which hash signed the body.
    const fake = "if (typeof crypto !== 'undefined' && crypto && crypto.subtle) { crypto.subtle.digest = () => Promise.resolve(new ArrayBuffer(32)); }\n";
    const raw = 'x'.repeat(300 * 1024);
    // A sandbox of its own: the fake stays in the context it was made in.
    const own = await SandboxRunner.create(kind);
    const r = await own
      .run({
        script: fake + bundleSource(),
        request: { method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'text' } } } },
        environment: akskEnv({ hwc_debug: 'true' }),
        globals: { hwc_auth_hosts: EXAMPLE_HOSTS }, // its own runner: not through eachSandbox, which adds this
      })
      .finally(() => own.dispose());
    expect(r.tests).toEqual([]);
    // hwc_debug's entry: the canonical request (its last line is the payload hash), then the form APIGW.0301 quotes.
    const payloadHash = r.consoleText.split('\n\nas APIGW.0301')[0]!.split('\n').pop();
    expect(payloadHash).toBe(kind.name.includes('6.') ? '0'.repeat(64) : createHash('sha256').update(raw).digest('hex'));
  });

  test('a large body (hashed by WebCrypto in sandbox 6.x) with non-ASCII text and a lone surrogate: signed as sent', async () => {
    // Over bodyHash.ts's NATIVE_HASH_MIN_CHARS (256 KiB); the lone surrogate goes out as U+FFFD (EF BF BD).
    const raw = 'é€𝄞 text '.repeat(40000) + '\ud800 end';
    expect(raw.length).toBeGreaterThan(256 * 1024);
    const { wire, check } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'text' } } } });
    expect(check.ok).toBe(true);
    expect(wire.body?.subarray(-7).toString('hex')).toBe('efbfbd20656e64');
    expect(wire.body?.length).toBe(Buffer.byteLength(raw, 'utf8'));
  });

  test('a 12 MB JSON body (the limit) is signed; signing time reported', async () => {
    const item = '{"id":"0123456789","name":"item","tags":["a","b"]},';
    const raw = '[' + item.repeat(Math.floor((MAX_SIGNED_BODY_BYTES - 2) / item.length)).slice(0, -1) + ']';
    expect(raw.length).toBeLessThanOrEqual(MAX_SIGNED_BODY_BYTES);
    const { wire, result } = await bodyCase({ method: 'POST', url: URL, body: { mode: 'raw', raw, options: { raw: { language: 'json' } } } });
    expect(wire.body?.length).toBe(raw.length);
    console.log(`12 MB JSON body: whole sandbox execution ${result.durationMs} ms (includes moving 12 MB in and out of the sandbox)`);
  });
});
