/**
 * Token mode's failures, in both sandboxes: each fails closed with a test titled with the fix (never "internal
 * error"), a message that says what happened, and neither the password nor a token anywhere.
 */
import type { Responder, RunInput, RunResult } from './harness';
import { eachSandbox } from './helpers';

const PASSWORD = 'pw-NEVER-PRINT-9876';
const TOKEN = 'MIIT' + 'y'.repeat(500);
const tokenEnv = {
  HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com',
  HUAWEICLOUD_USERNAME: 'alice',
  HUAWEICLOUD_PASSWORD: PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME: 'acme',
  HUAWEICLOUD_PROJECT_NAME: 'ap-southeast-1',
};
const request = { method: 'GET', url: 'https://ecs.example.com/v1/servers' };

const iamError = (code: number, message: string): ReturnType<Responder> => ({
  code,
  body: JSON.stringify({ error: { code, message, title: 'Error' } }),
});

/** The one failing hwc-auth test of a run that failed closed, after the checks every such run must pass. */
function failedClosed(result: RunResult): { title: string; message: string } {
  expect(result.skipped).toBe(true);
  expect(result.tests).toHaveLength(1);
  const [test] = result.tests;
  expect(test!.passed).toBe(false);
  expect(result.header['x-auth-token']).toBeUndefined();
  for (const text of [result.consoleText, JSON.stringify(result.tests)]) {
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain('[object Object]');
  }
  expect(result.environment.hwc_token_cache ?? result.collectionVariables.hwc_token_cache).toBeUndefined();
  return { title: test!.name, message: test!.error?.message ?? '' };
}

eachSandbox('token mode failures', (run) => {
  const runWith = (input: Partial<RunInput>): Promise<RunResult> => run({ request, environment: tokenEnv, ...input });

  describe('settings: the title names the variables to set or fix, and IAM is not called', () => {
    it.each([
      [
        'password and account name unset',
        { HUAWEICLOUD_PASSWORD: '', HUAWEICLOUD_DOMAIN_NAME: '' },
        'hwc-auth: set HUAWEICLOUD_PASSWORD and HUAWEICLOUD_DOMAIN_NAME',
        /HUAWEICLOUD_PASSWORD is not set; HUAWEICLOUD_DOMAIN_NAME is not set/,
      ],
      [
        'no project',
        { HUAWEICLOUD_PROJECT_NAME: '' },
        'hwc-auth: set HUAWEICLOUD_PROJECT_NAME or HUAWEICLOUD_SDK_PROJECT_ID',
        /set HUAWEICLOUD_PROJECT_NAME \(e\.g\. cn-north-4\) or HUAWEICLOUD_SDK_PROJECT_ID, or hwc_token_scope=domain/,
      ],
      [
        'IAM endpoint not a URL, timeout not a number',
        { HUAWEICLOUD_SDK_IAM_ENDPOINT: 'iam.example.com', hwc_iam_timeout_ms: '20s' },
        'hwc-auth: fix HUAWEICLOUD_SDK_IAM_ENDPOINT and hwc_iam_timeout_ms',
        /HUAWEICLOUD_SDK_IAM_ENDPOINT must be an http\(s\) URL; hwc_iam_timeout_ms must be a whole number/,
      ],
      [
        'user unset and scope unknown (hwc_auth_mode=token)',
        { hwc_auth_mode: 'token', HUAWEICLOUD_USERNAME: '', hwc_token_scope: 'account' },
        'hwc-auth: set HUAWEICLOUD_USERNAME and fix hwc_token_scope',
        /HUAWEICLOUD_USERNAME is not set; hwc_token_scope must be project or domain/,
      ],
    ])('%s', async (_label, env, title, message) => {
      const result = await runWith({ environment: { ...tokenEnv, ...env }, responder: () => ({ code: 500 }) });
      const failure = failedClosed(result);
      expect(failure.title).toBe(title);
      expect(failure.message).toMatch(message);
      expect(result.sent).toEqual([]);
    });
  });

  describe('IAM: the title says what IAM did and what to check; the message keeps its words', () => {
    it.each([
      [
        '401',
        () => iamError(401, 'The username or password is wrong.'),
        'hwc-auth: IAM refused the credentials for user alice in domain acme',
        /401 The username or password is wrong\..*check HUAWEICLOUD_USERNAME, HUAWEICLOUD_PASSWORD and HUAWEICLOUD_DOMAIN_NAME/,
      ],
      [
        '403',
        () => iamError(403, 'The user is disabled.'),
        'hwc-auth: IAM refused the credentials for user alice in domain acme',
        /403 The user is disabled\./,
      ],
      [
        '400 (another 4xx)',
        () => iamError(400, 'project ap-southeast-9 not found'),
        'hwc-auth: IAM rejected the token request (HTTP 400): check the token variables',
        /400 project ap-southeast-9 not found.*iam\.example\.com\/v3\/auth\/tokens/,
      ],
      ['503', () => ({ code: 503, body: 'Service Unavailable' }), 'hwc-auth: IAM failed (HTTP 503): try again later', /503/],
      [
        '201 without X-Subject-Token',
        () => ({ code: 201, body: JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00.000000Z' } }) }),
        "hwc-auth: no token in IAM's reply: check HUAWEICLOUD_SDK_IAM_ENDPOINT",
        /201 reply without an X-Subject-Token header/,
      ],
      [
        '200 from something that is not IAM',
        () => ({ code: 200, headers: { 'Content-Type': 'text/html' }, body: '<html>portal</html>' }),
        "hwc-auth: no token in IAM's reply: check HUAWEICLOUD_SDK_IAM_ENDPOINT",
        /200/,
      ],
      [
        'a refused connection (no message, only a code, as Newman hands it over)',
        () => ({ rawError: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 443 } }),
        'hwc-auth: cannot reach IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT',
        /ECONNREFUSED/,
      ],
      [
        'a DNS failure with a message',
        () => new Error('getaddrinfo ENOTFOUND iam.example.com'),
        'hwc-auth: cannot reach IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT',
        /getaddrinfo ENOTFOUND iam\.example\.com/,
      ],
      [
        'a DNS failure as Newman hands it over (only a code)',
        () => ({ rawError: { errno: -3008, code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'iam.example.com' } }),
        'hwc-auth: cannot reach IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT',
        /ENOTFOUND: the host name does not resolve \(DNS\) \(POST https:\/\/iam\.example\.com\/v3\/auth\/tokens/,
      ],
      [
        'a socket hang-up (IAM closed the connection)',
        () => ({ rawError: { code: 'ECONNRESET' } }),
        'hwc-auth: no usable reply from IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT and proxies',
        /ECONNRESET: the server closed the connection without a reply \(socket hang up\) \(POST https:\/\/iam\.example\.com\/v3\/auth\/tokens/,
      ],
      [
        'a token too large for the header limit (HPE_HEADER_OVERFLOW)',
        () => ({ rawError: { code: 'HPE_HEADER_OVERFLOW', reason: 'Header overflow' } }),
        "hwc-auth: IAM's reply is too large for this client: run with NODE_OPTIONS=--max-http-header-size=65536",
        /HPE_HEADER_OVERFLOW: the reply's headers are larger than this client accepts.*X-Subject-Token/,
      ],
      [
        'a reply that is not HTTP',
        () => ({ rawError: { code: 'HPE_INVALID_STATUS' } }),
        'hwc-auth: no usable reply from IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT and proxies',
        /HPE_INVALID_STATUS: the reply is not valid HTTP/,
      ],
      [
        'a certificate IAM presents that is not accepted',
        () => new Error('certificate has expired'),
        'hwc-auth: cannot reach IAM at iam.example.com: check HUAWEICLOUD_SDK_IAM_ENDPOINT',
        /certificate has expired/,
      ],
      [
        'a certificate error with its code',
        () => ({ rawError: { code: 'CERT_HAS_EXPIRED', message: 'certificate has expired' } }),
        'hwc-auth: TLS with IAM at iam.example.com failed: check HUAWEICLOUD_SDK_IAM_ENDPOINT and its certificate',
        /CERT_HAS_EXPIRED: certificate has expired: the TLS handshake failed.*--ssl-extra-ca-certs/,
      ],
    ] as Array<[string, Responder, string, RegExp]>)('%s', async (_label, responder, title, message) => {
      const result = await runWith({ responder });
      expect(result.sent).toHaveLength(1);
      const failure = failedClosed(result);
      expect(failure.title).toBe(title);
      expect(failure.message).toMatch(message);
    });

    it('no answer within hwc_iam_timeout_ms', async () => {
      let lateAnswer: Promise<unknown> = Promise.resolve();
      const result = await runWith({
        environment: { ...tokenEnv, hwc_iam_timeout_ms: '200' },
        responder: () => {
          lateAnswer = new Promise((resolve) => setTimeout(() => resolve({ code: 201, headers: { 'X-Subject-Token': TOKEN } }), 1000));
          return lateAnswer as Promise<{ code: number }>;
        },
      });
      // the answer arrives after the script gave up; let it be dispatched before the sandbox is disposed
      await lateAnswer;
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(result.durationMs).toBeLessThan(1000);
      const failure = failedClosed(result);
      expect(failure.title).toBe(
        'hwc-auth: IAM did not answer within 200 ms: check HUAWEICLOUD_SDK_IAM_ENDPOINT or raise hwc_iam_timeout_ms',
      );
      expect(failure.message).toMatch(/no answer within 200 ms/);
    });
  });
});
