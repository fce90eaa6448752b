/**
 * Which hosts get credentials (src/sandbox/hostPolicy.ts), in both sandboxes: hwc_auth_hosts or its default list,
 * and the plain-http rule for tokens. A refused request fails closed before anything is added to it: no signature,
 * no token, no IAM call, and no secret in any message.
 */
import type { ResponderAnswer, RunInput, RunResult, SentRequest } from './harness';
import { AK, SK, akskEnv, eachSandbox } from './helpers';

const PASSWORD = 'pw-NEVER-PRINT-9876';
const TOKEN = 'MIIT' + 'z'.repeat(1500);
const SECURITY_TOKEN = 'gQpjbi1ub3J0aC00-SECURITY-TOKEN-NEVER-PRINT';
const tokenEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com',
  HUAWEICLOUD_USERNAME: 'alice',
  HUAWEICLOUD_PASSWORD: PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME: 'acme',
  HUAWEICLOUD_PROJECT_NAME: 'ap-southeast-1',
  ...extra,
});
/** The script's own default list: the harness's example hosts taken away. */
const DEFAULT_LIST = { hwc_auth_hosts: '' };
const ALLOW_RULE = /add (\S+) to hwc_auth_hosts, or set hwc_auth_mode=none on this request$/;

const issued = (): ResponderAnswer => ({
  code: 201,
  headers: { 'X-Subject-Token': TOKEN },
  body: JSON.stringify({ token: { expires_at: new Date(Date.now() + 86400000).toISOString().replace('Z', '000Z') } }),
});

/** The run failed closed with one test, and nothing of any credential is on the request or in the output. */
function refused(result: RunResult): { title: string; message: string } {
  expect(result.skipped).toBe(true);
  expect(result.error).toBeUndefined();
  expect(result.tests).toHaveLength(1);
  const [test] = result.tests;
  expect(test!.passed).toBe(false);
  for (const name of ['authorization', 'x-sdk-date', 'x-auth-token', 'x-security-token']) expect(result.header[name]).toBeUndefined();
  for (const text of [result.consoleText, JSON.stringify(result.tests)]) {
    for (const secret of [SK, PASSWORD, TOKEN, SECURITY_TOKEN]) expect(text).not.toContain(secret);
  }
  return { title: test!.name, message: test!.error?.message ?? '' };
}

function accepted(result: RunResult): void {
  expect(result.tests.filter((t) => !t.passed)).toEqual([]);
  expect(result.skipped).toBe(false);
}

eachSandbox('which hosts get credentials', (run) => {
  const iamCalls: SentRequest[] = [];
  const runToken = (input: Partial<RunInput> & { url: string; env?: Record<string, string> }): Promise<RunResult> =>
    run({
      request: { method: 'GET', url: input.url },
      environment: tokenEnv(input.env),
      globals: input.globals ?? {},
      responder: (req) => {
        iamCalls.push(req);
        return issued();
      },
    });
  beforeEach(() => {
    iamCalls.length = 0;
  });

  describe('the default list: Huawei Cloud API domains, the IAM endpoint host, loopback', () => {
    it('signs a request to a Huawei Cloud endpoint', async () => {
      const result = await run({ request: { method: 'GET', url: 'https://ecs.cn-north-4.myhuaweicloud.com/v1/p/servers' }, environment: akskEnv(), globals: DEFAULT_LIST });
      accepted(result);
      expect(result.header['authorization']).toMatch(/^SDK-HMAC-SHA256 Access=/);
    });

    it.each(['https://ecs.example.com/v1/servers', 'https://myhuaweicloud.com/v1', 'https://myhuaweicloud.com.example.com/v1', 'http://127.1:8080/v1'])(
      'AK/SK: refuses %s, names the host and how to allow it',
      async (url) => {
        const host = /^\w+:\/\/([^/:]+)/.exec(url)![1]!;
        const result = await run({ request: { method: 'GET', url }, environment: akskEnv(), globals: DEFAULT_LIST });
        const failure = refused(result);
        expect(failure.title).toBe(`hwc-auth: add ${host} to hwc_auth_hosts, or set hwc_auth_mode=none on this request`);
        expect(failure.message).toMatch(new RegExp(`^hwc-auth: ${host.replace(/\./g, '\\.')}(:\\d+)? is not among the hosts that get credentials: the default list`));
        expect(failure.message).toMatch(/The request was not sent/);
        expect(result.console.filter((c) => c.level === 'error').map((c) => String(c.messages[0]))).toEqual([failure.message]);
      },
    );

    it('token mode: the IAM endpoint host gets the token; another host is refused before IAM is asked', async () => {
      accepted(await runToken({ url: 'https://iam.example.com/v3/projects', globals: DEFAULT_LIST }));
      expect(iamCalls).toHaveLength(1);

      iamCalls.length = 0;
      const result = await runToken({ url: 'https://evil.example.com/steal', globals: DEFAULT_LIST });
      expect(refused(result).title).toMatch(ALLOW_RULE);
      expect(iamCalls).toEqual([]);
    });

    it('token mode: a cached token is not added for a refused host either', async () => {
      const first = await runToken({ url: 'https://iam.example.com/v3/projects', globals: DEFAULT_LIST });
      accepted(first);
      const cache = String(first.environment.hwc_token_cache);
      expect(cache).toContain(TOKEN);
      iamCalls.length = 0;
      const result = await runToken({ url: 'https://other.example.com/x', env: { hwc_token_cache: cache }, globals: DEFAULT_LIST });
      refused(result);
      expect(iamCalls).toEqual([]);
    });

    it('loopback, by name and address, over plain http, in both modes', async () => {
      for (const url of ['http://127.0.0.1:9080/v1', 'http://localhost:9080/v1', 'http://[::1]:9080/v1', 'http://127.3.2.1/v1']) {
        accepted(await run({ request: { method: 'GET', url }, environment: akskEnv({ HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN }), globals: DEFAULT_LIST }));
        accepted(await runToken({ url, globals: DEFAULT_LIST }));
      }
    });
  });

  describe('hwc_auth_hosts set', () => {
    it('replaces the default list: a Huawei Cloud host not in it is refused', async () => {
      const env = akskEnv({ hwc_auth_hosts: 'api.example.com' });
      accepted(await run({ request: { method: 'GET', url: 'https://api.example.com/v1' }, environment: env }));
      const failure = refused(await run({ request: { method: 'GET', url: 'https://ecs.cn-north-4.myhuaweicloud.com/v1' }, environment: env }));
      expect(failure.title).toBe('hwc-auth: add ecs.cn-north-4.myhuaweicloud.com to hwc_auth_hosts, or set hwc_auth_mode=none on this request');
      expect(failure.message).toMatch(/is not among the hosts that get credentials: hwc_auth_hosts \("api\.example\.com"\)/);
    });

    it('127.0.0.1 only: localhost is refused, 127.0.0.1 gets credentials (AK/SK and token)', async () => {
      const only = { hwc_auth_hosts: '127.0.0.1' };
      const local = (mode: 'aksk' | 'token', url: string): Promise<RunResult> =>
        mode === 'aksk'
          ? run({ request: { method: 'GET', url }, environment: akskEnv(only) })
          : runToken({ url, env: { ...only, HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://127.0.0.1:9' } });
      for (const mode of ['aksk', 'token'] as const) {
        accepted(await local(mode, 'http://127.0.0.1:9080/v1'));
        expect(refused(await local(mode, 'http://localhost:9080/v1')).title).toBe(
          'hwc-auth: add localhost to hwc_auth_hosts, or set hwc_auth_mode=none on this request',
        );
      }
    });

    it('a port in a pattern admits only that port (443 when an https URL names none)', async () => {
      const env = akskEnv({ hwc_auth_hosts: 'api.example.com:8443, *.svc.example.com:443' });
      accepted(await run({ request: { method: 'GET', url: 'https://api.example.com:8443/v1' }, environment: env }));
      accepted(await run({ request: { method: 'GET', url: 'https://a.svc.example.com/v1' }, environment: env }));
      refused(await run({ request: { method: 'GET', url: 'https://api.example.com/v1' }, environment: env }));
      refused(await run({ request: { method: 'GET', url: 'http://a.svc.example.com/v1' }, environment: env }));
      refused(await run({ request: { method: 'GET', url: 'https://svc.example.com/v1' }, environment: env }));
    });

    it('* admits every host', async () => {
      accepted(await run({ request: { method: 'GET', url: 'https://anything.test/v1' }, environment: akskEnv({ hwc_auth_hosts: '*' }) }));
    });

    it('an entry that is not a host pattern fails every request, naming it', async () => {
      const failure = refused(
        await run({ request: { method: 'GET', url: 'https://api.example.com/v1' }, environment: akskEnv({ hwc_auth_hosts: 'api.example.com, https://b.example.com/' }) }),
      );
      expect(failure.title).toBe('hwc-auth: fix hwc_auth_hosts');
      expect(failure.message).toMatch(/not a host pattern: "https:\/\/b\.example\.com\/"/);
    });

    it('hwc_auth_mode=none leaves a request to any host alone', async () => {
      const result = await run({ request: { method: 'GET', url: 'https://elsewhere.test/v1' }, environment: akskEnv({ hwc_auth_mode: 'none' }), globals: DEFAULT_LIST });
      accepted(result);
      expect(result.tests).toEqual([]);
      expect(result.header['authorization']).toBeUndefined();
    });
  });

  describe('tokens never cross plain http but to loopback, unless hwc_allow_http=true', () => {
    it('token mode: an http URL to another host is refused, and IAM is not asked', async () => {
      const failure = refused(await runToken({ url: 'http://api.example.com/v1' }));
      expect(failure.title).toBe('hwc-auth: use https for api.example.com, or set hwc_allow_http=true');
      expect(failure.message).toMatch(/refusing to send the X-Auth-Token header over plain http to api\.example\.com/);
      expect(iamCalls).toEqual([]);
    });

    it('token mode: hwc_allow_http=true lets it through', async () => {
      const result = await runToken({ url: 'http://api.example.com/v1', env: { hwc_allow_http: 'true' } });
      accepted(result);
      expect(result.header['x-auth-token']).toBe(TOKEN);
    });

    it('token mode: an http IAM endpoint off loopback is refused before the password is sent', async () => {
      const failure = refused(await runToken({ url: 'https://api.example.com/v1', env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://iam.example.com' } }));
      expect(failure.title).toBe('hwc-auth: use https for iam.example.com, or set hwc_allow_http=true');
      expect(failure.message).toMatch(/the password to IAM/);
      expect(iamCalls).toEqual([]);
      accepted(await runToken({ url: 'https://api.example.com/v1', env: { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'http://iam.example.com', hwc_allow_http: 'true' } }));
      expect(iamCalls).toHaveLength(1);
    });

    it('AK/SK: a security token over http is refused (variable or header); a plain signature is not a token', async () => {
      const url = 'http://api.example.com/v1';
      const withToken = refused(await run({ request: { method: 'GET', url }, environment: akskEnv({ HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN }) }));
      expect(withToken.title).toBe('hwc-auth: use https for api.example.com, or set hwc_allow_http=true');
      expect(withToken.message).toMatch(/X-Security-Token/);
      // one the request carries itself: not signed, not sent (it stays on the skipped request, as the user wrote it)
      const own = await run({ request: { method: 'GET', url, header: [{ key: 'X-Security-Token', value: SECURITY_TOKEN }] }, environment: akskEnv() });
      expect(own.skipped).toBe(true);
      expect(own.tests.map((t) => [t.name, t.passed])).toEqual([['hwc-auth: use https for api.example.com, or set hwc_allow_http=true', false]]);
      expect(own.header['authorization']).toBeUndefined();
      accepted(await run({ request: { method: 'GET', url }, environment: akskEnv({ HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN, hwc_allow_http: 'yes' }) }));
      const plain = await run({ request: { method: 'GET', url }, environment: akskEnv() });
      accepted(plain);
      expect(plain.header['authorization']).toContain(`Access=${AK}`);
    });
  });

  it('a backslash in the host part: the host checked is the one Postman connects to (it reads the backslash as "/")', async () => {
    const trap = 'https://evil.test\\@ecs.cn-north-4.myhuaweicloud.com';
    for (const input of [
      { request: { method: 'GET', url: `${trap}/v1` }, environment: akskEnv() },
      { request: { method: 'GET', url: '{{base}}/v1' }, environment: akskEnv({ base: trap }) },
    ]) {
      const failure = refused(await run({ ...input, globals: DEFAULT_LIST }));
      expect(failure.title).toBe('hwc-auth: add evil.test to hwc_auth_hosts, or set hwc_auth_mode=none on this request');
    }
  });
});
