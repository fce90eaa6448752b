/**
 * The adapter's side of token mode, in both sandboxes: the request is resolved and written back, stale auth headers
 * go, tokenMode (src/sandbox/tokenMode.ts) runs to completion through pm.sendRequest, and its failure fails closed.
 * The IAM reply comes from the harness responder.
 */
import type { ResponderAnswer, SentRequest } from './harness';
import { eachSandbox } from './helpers';

const PASSWORD = 'pw-NEVER-PRINT-9876';
const TOKEN = 'MIIT' + 'x'.repeat(2000);
const tokenEnv = {
  HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com',
  HUAWEICLOUD_USERNAME: 'alice',
  HUAWEICLOUD_PASSWORD: PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME: 'acme',
  HUAWEICLOUD_PROJECT_NAME: 'ap-southeast-1',
  id: 'srv-1',
};

const issued = (): ResponderAnswer => {
  const now = Date.now();
  return {
    code: 201,
    status: 'Created',
    headers: { 'X-Subject-Token': TOKEN, 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: { issued_at: new Date(now).toISOString().replace('Z', '000Z'), expires_at: new Date(now + 86400000).toISOString().replace('Z', '000Z') } }),
  };
};

eachSandbox('token mode dispatch', (run) => {
  test('resolves and writes back the request, removes stale auth headers, keeps X-Project-Id, sets X-Auth-Token', async () => {
    const calls: SentRequest[] = [];
    const result = await run({
      request: {
        method: 'POST',
        url: 'https://ecs.example.com/v1/servers/{{id}}?t={{$timestamp}}',
        header: [
          { key: 'Authorization', value: 'stale' },
          { key: 'X-Sdk-Date', value: '20000101T000000Z' },
          { key: 'X-Auth-Token', value: 'old' },
          { key: 'X-Project-Id', value: '{{pid}}' },
        ],
        body: { mode: 'raw', raw: '{"n":"{{id}}"}', options: { raw: { language: 'json' } } },
      },
      environment: { ...tokenEnv, pid: 'p-1' },
      responder: (req) => {
        calls.push(req);
        return issued();
      },
    });
    expect(result.tests.filter((t) => !t.passed)).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toMatch(/^https:\/\/iam\.example\.com\/v3\/auth\/tokens/);
    expect(result.header['x-auth-token']).toBe(TOKEN);
    expect(result.headers.filter((h) => /^(authorization|x-sdk-date|x-auth-token)$/i.test(h.key))).toEqual([{ key: 'X-Auth-Token', value: TOKEN }]);
    expect(result.url).toMatch(/^https:\/\/ecs\.example\.com\/v1\/servers\/srv-1\?t=\d+$/);
    expect(result.bodyRaw).toBe('{"n":"srv-1"}');
    expect(result.header['x-project-id']).toBe('p-1'); // the user's own, kept in token mode
    expect(result.consoleText).not.toContain(PASSWORD);
    expect(result.consoleText).not.toContain(TOKEN);
  });

  test('an IAM failure fails closed, without the password', async () => {
    const result = await run({
      request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' },
      environment: tokenEnv,
      responder: () => ({ code: 401, body: JSON.stringify({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }) }),
    });
    expect(result.skipped).toBe(true);
    expect(result.tests).toHaveLength(1);
    expect(result.tests[0]!.passed).toBe(false);
    expect(result.tests[0]!.error?.message).toMatch(/username or password is wrong/);
    expect(result.consoleText).not.toContain(PASSWORD);
    expect(result.header['x-auth-token']).toBeUndefined();
  });
});
