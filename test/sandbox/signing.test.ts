/** AK/SK signing by dist/prerequest.js in both real sandboxes: the official vector, credential headers, modes. */
import { AK, DATE, SK, akskEnv, eachSandbox, header, sent, signedAndSent } from './helpers';
import { wireRequest } from './wire';

const published = require('../vectors/published.json') as {
  vectors: Array<{ name: string; ak: string; sk: string; sdkDate: string; authorization: unknown; request?: any }>;
};
const guide = published.vectors.find((v) => v.name === 'guide example')!;

eachSandbox('AK/SK signing', (run) => {
  test('the official guide example yields exactly its Authorization', async () => {
    const result = await run({
      request: { method: guide.request.method, url: guide.request.url, header: [{ key: 'Content-Type', value: 'application/json' }] },
      environment: { HUAWEICLOUD_SDK_AK: guide.ak, HUAWEICLOUD_SDK_SK: guide.sk, hwc_signing_date: guide.sdkDate },
    });
    expect(result.tests).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(result.header['authorization']).toBe(guide.authorization);
    expect(result.header['x-sdk-date']).toBe(guide.sdkDate);
    expect(result.header['host']).toBe('service.region.example.com');
    expect(result.url).toBe(guide.request.url);
    expect(result.consoleText).not.toContain(guide.sk);
  });

  test('the guide example with its values in variables, in different scopes', async () => {
    const result = await run({
      request: {
        method: 'GET',
        url: 'https://{{host}}/v1/{{project}}/vpcs?limit={{limit}}&marker=13551d6b-755d-4757-b956-536f674975c0',
        header: [{ key: 'Content-Type', value: '{{ct}}' }],
      },
      environment: { HUAWEICLOUD_SDK_AK: guide.ak, host: 'service.region.example.com' },
      collectionVariables: { HUAWEICLOUD_SDK_SK: '{{sk_in_globals}}', project: '77b6a44cba5143ab91d13ab9a8ff44fd' },
      globals: { sk_in_globals: guide.sk, limit: '2', hwc_signing_date: guide.sdkDate },
      variables: { ct: 'application/json' },
    });
    expect(result.tests).toEqual([]);
    expect(result.header['authorization']).toBe(guide.authorization);
    expect(result.url).toBe(guide.request.url);
  });

  test('the signature verifies on the request the runtime sends (POST JSON)', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: { method: 'POST', url: 'https://ecs.ap-southeast-1.example.com/v1/p/servers', body: { mode: 'raw', raw: '{"a":1}', options: { raw: { language: 'json' } } } },
    });
    expect(wire.body?.toString()).toBe('{"a":1}');
    expect(check.signedHeaders).toEqual(['content-type', 'host', 'x-sdk-date']);
    expect(header(wire, 'content-type')).toEqual(['application/json']);
    expect(wire.systemHeaders.map(([k]) => k.toLowerCase())).not.toContain('content-type');
  });

  test('credential headers: X-Security-Token, X-Project-Id, X-Domain-Id are added and signed', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: { method: 'GET', url: 'https://iam.example.com/v3/projects' },
      environment: akskEnv({
        HUAWEICLOUD_SDK_SECURITY_TOKEN: 'tmp-token-value',
        HUAWEICLOUD_SDK_PROJECT_ID: 'proj-1',
        HUAWEICLOUD_SDK_DOMAIN_ID: 'dom-1',
      }),
    });
    expect(check.signedHeaders).toEqual(['host', 'x-domain-id', 'x-project-id', 'x-sdk-date', 'x-security-token']);
    expect(header(wire, 'x-security-token')).toEqual(['tmp-token-value']);
    expect(header(wire, 'x-project-id')).toEqual(['proj-1']);
    expect(header(wire, 'x-domain-id')).toEqual(['dom-1']);
  });

  test('stale Authorization, X-Sdk-Date and credential headers are replaced (every copy, any case)', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: {
        method: 'GET',
        url: 'https://vpc.example.com/v1/x',
        header: [
          { key: 'authorization', value: 'Basic old' },
          { key: 'Authorization', value: 'SDK-HMAC-SHA256 stale' },
          { key: 'X-SDK-DATE', value: '20000101T000000Z' },
          { key: 'x-project-id', value: 'stale-project' },
          { key: 'X-Auth-Token', value: 'stale-token' },
        ],
      },
      environment: akskEnv({ HUAWEICLOUD_SDK_PROJECT_ID: 'p2' }),
    });
    expect(header(wire, 'authorization')).toHaveLength(1);
    expect(header(wire, 'x-sdk-date')).toEqual([DATE]);
    expect(header(wire, 'x-project-id')).toEqual(['p2']);
    expect(header(wire, 'x-auth-token')).toEqual([]);
    expect(check.signedHeaders).toEqual(['host', 'x-project-id', 'x-sdk-date']);
  });

  test('a credential header set on the request itself is kept and signed when its variable is unset', async () => {
    const { wire, check } = await signedAndSent(run, {
      request: { method: 'GET', url: 'https://dns.example.com/v2/zones', header: [{ key: 'x-domain-id', value: '{{dom}}' }] },
      environment: akskEnv({ dom: 'd-9' }),
    });
    expect(header(wire, 'x-domain-id')).toEqual(['d-9']);
    expect(check.signedHeaders).toEqual(['host', 'x-domain-id', 'x-sdk-date']);
  });

  test('Host is set explicitly: lowercased host plus the explicit port', async () => {
    const { wire, check } = await signedAndSent(run, { request: { method: 'GET', url: 'https://VPC.Example.COM:8443/v1' } });
    expect(header(wire, 'host')).toEqual(['vpc.example.com:8443']);
    expect(wire.systemHeaders.map(([k]) => k.toLowerCase())).not.toContain('host');
    expect(check.signedHeaders).toContain('host');
  });

  test('an explicit :443 stays in Host, as Postman sends it', async () => {
    const { wire } = await signedAndSent(run, { request: { method: 'GET', url: 'https://vpc.example.com:443/v1' } });
    expect(header(wire, 'host')).toEqual(['vpc.example.com:443']);
  });

  test('hwc_auth_mode=none leaves the request alone', async () => {
    const request = { method: 'POST', url: 'https://x.example.com/{{p}}?a={{$guid}}', header: [{ key: 'A', value: '{{v}}' }], body: { mode: 'raw', raw: '{{$timestamp}}' } };
    const result = await run({ request, environment: { ...akskEnv(), hwc_auth_mode: 'none' } });
    expect(result.tests).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(result.url).toBe('https://x.example.com/{{p}}?a={{$guid}}');
    expect(result.headers).toEqual([{ key: 'A', value: '{{v}}' }]);
    expect(result.bodyRaw).toBe('{{$timestamp}}');
  });

  test('without hwc_auth_mode, AK and SK select AK/SK even when a username is set too', async () => {
    const { check } = await signedAndSent(run, {
      request: { method: 'GET', url: 'https://x.example.com/' },
      environment: akskEnv({ HUAWEICLOUD_USERNAME: 'someone' }),
    });
    expect(check.ok).toBe(true);
  });

  test('hwc_auth_mode=AKSK (any case) signs', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://x.example.com/' }, environment: akskEnv({ hwc_auth_mode: 'AKSK' }) });
    expect(sent(result).check.ok).toBe(true);
  });

  test('the real clock is used when hwc_signing_date is unset', async () => {
    const before = Date.now();
    const result = await run({ request: { method: 'GET', url: 'https://x.example.com/' }, environment: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK } });
    const date = result.header['x-sdk-date']!;
    expect(date).toMatch(/^\d{8}T\d{6}Z$/);
    const ms = Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8), +date.slice(9, 11), +date.slice(11, 13), +date.slice(13, 15));
    expect(Math.abs(ms - before)).toBeLessThan(60_000);
    expect(sent(result).check.ok).toBe(true);
  });

  test('a second run of the script (e.g. collection and folder level) re-signs cleanly', async () => {
    const first = await run({ request: { method: 'PUT', url: 'https://x.example.com/a?b=1', body: { mode: 'raw', raw: 'x' } }, environment: akskEnv() });
    const second = await run({ request: first.request.toJSON(), environment: akskEnv() });
    const { check } = sent(second);
    expect(check.ok).toBe(true);
    expect(wireRequest(second.request).headers.length).toBe(wireRequest(first.request).headers.length);
  });

  test('hwc_debug=true logs the canonical request, with the security token masked; unset, nothing is logged', async () => {
    const request = { method: 'GET', url: 'https://ecs.example.com/v1/servers?limit=1' };
    const securityToken = 'st-NEVER-PRINT-' + 'z'.repeat(40);
    const debug = await run({ request, environment: akskEnv({ hwc_debug: 'true', HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken }) });
    sent(debug);
    expect(debug.console).toHaveLength(1);
    expect(debug.consoleText).toContain("hwc-auth: canonical request (compare with the gateway's APIGW.0301 message):\nGET\n/v1/servers/\nlimit=1\n");
    expect(debug.consoleText).toContain('\nx-security-token:***\n');
    // The same entry ends with the '|' form an APIGW.0301 message quotes, to compare as one line.
    const [entry] = debug.console;
    expect(entry!.messages).toHaveLength(1);
    const text = String(entry!.messages[0]);
    const quoted = text.slice(text.indexOf('\n\nas APIGW.0301 quotes it: ') + '\n\nas APIGW.0301 quotes it: '.length);
    expect(quoted).toMatch(/^GET\|\/v1\/servers\/\|limit=1\|host:ecs\.example\.com\|x-sdk-date:20240102T030405Z\|x-security-token:\*\*\*\|\|host;x-sdk-date;x-security-token\|e3b0c442[0-9a-f]{56}$/);
    expect(quoted).toBe(sent(debug).check.canonicalRequest.replace(/^(x-security-token:).*$/m, '$1***').split('\n').join('|'));
    expect(debug.consoleText).not.toContain(securityToken);
    expect(debug.consoleText).not.toContain(SK);

    const quiet = await run({ request, environment: akskEnv({ HUAWEICLOUD_SDK_SECURITY_TOKEN: securityToken }) });
    sent(quiet);
    expect(quiet.console).toEqual([]);
  });
});
