/**
 * Failing closed in both sandboxes: a failing `hwc-auth: ...` test, the message on console.error, skipRequest,
 * nothing thrown (a throw after skipRequest would lose the error), and no secret printed.
 */
import type { RunResult } from './harness';
import { AK, SK, akskEnv, eachSandbox } from './helpers';

function expectFailedClosed(result: RunResult, testName: RegExp, message: RegExp): void {
  expect(result.skipped).toBe(true);
  expect(result.error).toBeUndefined();
  expect(result.tests).toHaveLength(1);
  const t = result.tests[0]!;
  expect(t.passed).toBe(false);
  expect(t.name).toMatch(/^hwc-auth: /);
  expect(t.name).toMatch(testName);
  expect(t.error?.message).toMatch(message);
  expect(result.console.filter((c) => c.level === 'error').map((c) => String(c.messages[0]))).toEqual([t.error?.message]);
  expect(result.consoleText).not.toContain(SK);
  expect(JSON.stringify(result.tests)).not.toContain(SK);
}

const GET = { method: 'GET', url: 'https://vpc.example.com/v1/vpcs' };

eachSandbox('fail closed', (run) => {
  test('no credentials at all: names the variables to set', async () => {
    const result = await run({ request: GET });
    expectFailedClosed(result, /HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/, /HUAWEICLOUD_USERNAME.*hwc_auth_mode=none/);
  });

  test('AK without SK: names HUAWEICLOUD_SDK_SK', async () => {
    const result = await run({ request: GET, environment: { HUAWEICLOUD_SDK_AK: AK } });
    expectFailedClosed(result, /set HUAWEICLOUD_SDK_SK$/, /HUAWEICLOUD_SDK_SK/);
  });

  test('hwc_auth_mode=aksk without AK and SK: names both', async () => {
    const result = await run({ request: GET, environment: { hwc_auth_mode: 'aksk' } });
    expectFailedClosed(result, /HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/, /AK\/SK signing needs/);
  });

  test('an unknown hwc_auth_mode', async () => {
    const result = await run({ request: GET, environment: akskEnv({ hwc_auth_mode: 'basic' }) });
    expectFailedClosed(result, /hwc_auth_mode/, /aksk, token, temporary, app, appcode or none/);
  });

  test('a credential variable that refers to an undefined variable: names it, not the value', async () => {
    const result = await run({ request: GET, environment: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: '{{vault_sk}}' } });
    expectFailedClosed(result, /define variable vault_sk/, /variable HUAWEICLOUD_SDK_SK uses \{\{vault_sk\}\}/);
  });

  test('an unresolved variable in the URL', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://{{endpoint}}/v1/{{project_id}}/vpcs' }, environment: akskEnv({ endpoint: 'vpc.example.com' }) });
    expectFailedClosed(result, /define variable project_id/, /the URL uses \{\{project_id\}\}/);
  });

  test('an unresolved path variable value', async () => {
    const result = await run({
      request: { method: 'GET', url: { raw: 'https://vpc.example.com/v1/:project/vpcs', host: ['vpc', 'example', 'com'], protocol: 'https', path: ['v1', ':project', 'vpcs'], variable: [{ key: 'project', value: '{{pid}}' }] } },
      environment: akskEnv(),
    });
    expectFailedClosed(result, /define variable pid/, /URL/);
  });

  test('an unresolved variable in a header', async () => {
    const result = await run({ request: { ...GET, header: [{ key: 'X-Trace', value: 'id-{{trace}}' }] }, environment: akskEnv() });
    expectFailedClosed(result, /define variable trace/, /header X-Trace/);
  });

  test('an unresolved variable in a disabled header is fine: it is not sent', async () => {
    const result = await run({ request: { ...GET, header: [{ key: 'X-Trace', value: '{{trace}}', disabled: true }] }, environment: akskEnv() });
    expect(result.skipped).toBe(false);
    expect(result.tests).toEqual([]);
    expect(result.header['x-trace']).toBeUndefined();
  });

  test('an unresolved variable in the body', async () => {
    const result = await run({ request: { method: 'POST', url: GET.url, body: { mode: 'raw', raw: '{"name":"{{name}}"}' } }, environment: akskEnv() });
    expectFailedClosed(result, /define variable name/, /body/);
  });

  test('an unresolved variable in an urlencoded field', async () => {
    const result = await run({ request: { method: 'POST', url: GET.url, body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: '{{missing}}' }] } }, environment: akskEnv() });
    expectFailedClosed(result, /define variable missing/, /urlencoded/);
  });

  test('every undefined variable at once, in one test: credentials, URL, headers, raw body', async () => {
    const result = await run({
      request: {
        method: 'POST',
        url: 'https://{{endpoint}}/v1/{{project_id}}/servers?limit={{limit}}',
        header: [
          { key: 'X-Trace', value: '{{trace}}-{{span}}' },
          { key: 'X-Off', value: '{{disabled_one}}', disabled: true },
        ],
        body: { mode: 'raw', raw: '{"name":"{{name}}","zone":"{{zone}}","again":"{{name}}"}', options: { raw: { language: 'json' } } },
      },
      environment: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: '{{vault_sk}}' },
    });
    expectFailedClosed(result, /^hwc-auth: define variables vault_sk, endpoint, project_id, limit, trace, span, name, zone$/, /./);
    expect(result.tests[0]!.error?.message).toBe(
      'hwc-auth: variable HUAWEICLOUD_SDK_SK uses {{vault_sk}}; the URL uses {{endpoint}}, {{project_id}} and {{limit}}; ' +
        'header X-Trace uses {{trace}} and {{span}}; the request body uses {{name}} and {{zone}}, which no variable scope ' +
        'defines; define vault_sk, endpoint, project_id, limit, trace, span, name and zone (environment, collection or globals)',
    );
  });

  test('every undefined variable at once in urlencoded and GraphQL bodies', async () => {
    const form = await run({
      request: { method: 'POST', url: GET.url, body: { mode: 'urlencoded', urlencoded: [{ key: '{{k}}', value: '{{v}}' }, { key: 'b', value: '{{w}}' }, { key: 'off', value: '{{x}}', disabled: true }] } },
      environment: akskEnv(),
    });
    expectFailedClosed(form, /^hwc-auth: define variables k, v, w$/, /urlencoded body field \{\{k\}\} uses \{\{v\}\}; urlencoded body field b uses \{\{w\}\}/);
    const graphql = await run({
      request: { method: 'POST', url: GET.url, body: { mode: 'graphql', graphql: { query: 'query { a(id: "{{id}}") }', variables: '{"x":"{{gx}}"}' } } },
      environment: akskEnv(),
    });
    expectFailedClosed(graphql, /^hwc-auth: define variables id, gx$/, /the GraphQL query uses \{\{id\}\}; the GraphQL variables JSON uses \{\{gx\}\}/);
  });

  test('an undefined variable in a setting is listed with the request\'s', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://vpc.example.com/v1/{{pid}}' }, environment: akskEnv({ HUAWEICLOUD_SDK_PROJECT_ID: '{{pid}}', hwc_signing_date: '{{date}}' }) });
    expectFailedClosed(result, /^hwc-auth: define variables date, pid$/, /./);
    expect(result.tests[0]!.error?.message).toBe(
      'hwc-auth: variable hwc_signing_date uses {{date}}; variable HUAWEICLOUD_SDK_PROJECT_ID uses {{pid}}; the URL uses ' +
        '{{pid}}, which no variable scope defines; define date and pid (environment, collection or globals)',
    );
  });

  test('a secret variable holding a reference, and undefined variables: one test, the secret text not shown', async () => {
    const secretPart = 'ss-Secret-Part';
    const result = await run({ request: { method: 'GET', url: 'https://vpc.example.com/v1/{{pid}}' }, environment: { HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: `Sk{{${secretPart}}}9` } });
    expectFailedClosed(result, /^hwc-auth: define variable pid and resolve the \{\{\.\.\.\}\} reference in HUAWEICLOUD_SDK_SK$/, /HUAWEICLOUD_SDK_SK holds a \{\{\.\.\.\}\} reference/);
    expect(JSON.stringify(result.tests) + result.consoleText).not.toContain(secretPart);
  });

  test('token mode: an undefined variable in the password and in the URL, one test, before any IAM call', async () => {
    const result = await run({
      request: { method: 'GET', url: '{{ecs}}/v1/servers' },
      environment: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com', HUAWEICLOUD_USERNAME: 'alice', HUAWEICLOUD_DOMAIN_NAME: 'acme', HUAWEICLOUD_PROJECT_NAME: 'cn-north-4', HUAWEICLOUD_PASSWORD: '{{vault_pw}}' },
    });
    expectFailedClosed(result, /^hwc-auth: define variables vault_pw, ecs$/, /variable HUAWEICLOUD_PASSWORD uses \{\{vault_pw\}\}; the URL uses \{\{ecs\}\}/);
    expect(result.sent).toEqual([]);
  });

  test('undefined variables come before a URL that cannot be parsed (they may be why)', async () => {
    const result = await run({ request: { method: 'GET', url: '{{base}}/v1', header: [{ key: 'X-A', value: '{{a}}' }] }, environment: akskEnv() });
    expectFailedClosed(result, /^hwc-auth: define variables base, a$/, /the URL uses \{\{base\}\}; header X-A uses \{\{a\}\}/);
  });

  test('a malformed hwc_signing_date', async () => {
    const result = await run({ request: GET, environment: akskEnv({ hwc_signing_date: '2024-01-02T03:04:05Z' }) });
    expectFailedClosed(result, /hwc_signing_date/, /YYYYMMDDTHHMMSSZ/);
  });

  test('a body over 12 MB: says to use token auth for large bodies', async () => {
    const big = 'x'.repeat(12 * 1024 * 1024 + 1);
    const result = await run({ request: { method: 'PUT', url: GET.url, body: { mode: 'raw', raw: big } }, environment: akskEnv() });
    expectFailedClosed(result, /use token auth/, /12582913 bytes.*use token auth for large bodies/);
  });

  test('a body over 12 MB only in UTF-8 bytes (multi-byte characters) is refused too', async () => {
    const big = '\u00e9'.repeat(6 * 1024 * 1024 + 1); // 2 bytes each
    const result = await run({ request: { method: 'PUT', url: GET.url, body: { mode: 'raw', raw: big } }, environment: akskEnv() });
    expectFailedClosed(result, /use token auth/, /use token auth for large bodies/);
  });

  test('a URL that is not absolute http(s)', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://' }, environment: akskEnv() });
    expectFailedClosed(result, /URL/, /not an absolute/);
  });

  test('a non-ASCII host name', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://bücher.example.com/x' }, environment: akskEnv() });
    expectFailedClosed(result, /ASCII host/, /punycode/);
  });
});

eachSandbox('a Postman auth type on the request', (run) => {
  const env = { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'sk-NEVER-PRINT' };
  test.each(['bearer', 'basic'])('%s: fails closed (Postman would replace the signature after the script)', async (type) => {
    const result = await run({ request: { method: 'GET', url: 'https://vpc.example.com/v1/vpcs', auth: { type, [type]: [] } } as never, environment: env });
    expect(result.skipped).toBe(true);
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([['hwc-auth: set the request\'s Authorization type to "No Auth"', false]]);
  });

  test('noauth: signs as usual', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://vpc.example.com/v1/vpcs', auth: { type: 'noauth' } } as never, environment: env });
    expect(result.skipped).toBe(false);
    expect(result.header['authorization']).toMatch(/^SDK-HMAC-SHA256 Access=AK, /);
  });
});
