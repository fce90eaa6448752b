import { getMockStats, resetMock } from '../../src/harness';
import { runNewman } from '../../src/lib/newman/runNewman';
import { signerExecEntry } from '../../src/lib/signerBlock';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS } from '../../src/mock';
import { prerequestSource, useMockCloud } from './helpers';

/**
 * Which hosts get credentials, in real Newman against the mock cloud on loopback: with hwc_auth_hosts=127.0.0.1 a
 * request to `localhost` (the same server) gets no credential and is not sent, failing with the fix, while one to
 * 127.0.0.1 is authenticated, in AK/SK and in token mode. Without hwc_auth_hosts the same `localhost` request arrives
 * and is authenticated, so "not sent" is the allowlist's doing. Then the plain-http rule for tokens.
 */
const mock = useMockCloud();

const ALLOW_LOCALHOST = /^hwc-auth: add localhost to hwc_auth_hosts, or set hwc_auth_mode=none on this request$/;

const credentials = {
  aksk: () => ({ HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk }),
  token: () => ({
    HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
    HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
    HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
    HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
    HUAWEICLOUD_PROJECT_NAME: MOCK_PROJECTS[0].name,
  }),
};

interface Outcome {
  /** Failing assertions as `test: message`. */
  failures: Array<{ test: string; message: string }>;
  /** What reached the mock's gateway, by path, with its verdict. */
  arrived: Array<{ path: string; auth: string; ok: boolean }>;
  iamTokenRequests: number;
  /** Every console line the run wrote. */
  console: string[];
}

/** Runs one collection of GET requests (name -> URL) through Newman with the built script and the given variables. */
async function runRequests(requests: Record<string, string>, variables: Record<string, string>): Promise<Outcome> {
  await resetMock(mock.url);
  const console: string[] = [];
  const summary = await runNewman(
    {
      collection: {
        info: { name: 'hosts', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [signerExecEntry(prerequestSource())] } }],
        item: Object.entries(requests).map(([name, url]) => ({ name, request: { method: 'GET', url } })),
      },
      environment: { name: 'hosts', values: Object.entries(variables).map(([key, value]) => ({ key, value, enabled: true })) },
      reporters: [],
    },
    (emitter) => emitter.on('console', (_err: unknown, args: { messages?: unknown[] }) => console.push((args.messages ?? []).map(String).join(' '))),
  );
  const stats = await getMockStats(mock.url);
  return {
    failures: summary.run.failures.map((f) => ({ test: f.error.test ?? '', message: f.error.message })),
    arrived: stats.verdicts.map((v) => ({ path: v.path, auth: v.auth, ok: v.ok })),
    iamTokenRequests: stats.iamTokenRequests,
    console,
  };
}

const port = (): string => new URL(mock.url).port;

describe.each(['aksk', 'token'] as const)('hwc_auth_hosts in Newman, %s mode', (mode) => {
  const urls = (): Record<string, string> => ({
    'to 127.0.0.1': `http://127.0.0.1:${port()}/v1/${MOCK_PROJECTS[0].id}/from-ip`,
    'to localhost': `http://localhost:${port()}/v1/${MOCK_PROJECTS[0].id}/from-name`,
  });

  it('without it (the default list), both loopback names get credentials: localhost does reach the mock', async () => {
    const outcome = await runRequests(urls(), credentials[mode]());
    expect(outcome.failures).toEqual([]);
    expect(outcome.arrived).toEqual([
      { path: `/v1/${MOCK_PROJECTS[0].id}/from-ip`, auth: mode, ok: true },
      { path: `/v1/${MOCK_PROJECTS[0].id}/from-name`, auth: mode, ok: true },
    ]);
  });

  it('hwc_auth_hosts=127.0.0.1: 127.0.0.1 is authenticated; localhost is not sent and fails with the fix', async () => {
    const outcome = await runRequests(urls(), { ...credentials[mode](), hwc_auth_hosts: '127.0.0.1' });
    expect(outcome.arrived).toEqual([{ path: `/v1/${MOCK_PROJECTS[0].id}/from-ip`, auth: mode, ok: true }]);
    expect(outcome.failures).toHaveLength(1);
    expect(outcome.failures[0]!.test).toMatch(ALLOW_LOCALHOST);
    expect(outcome.failures[0]!.message).toMatch(/localhost:\d+ is not among the hosts that get credentials: hwc_auth_hosts \("127\.0\.0\.1"\)/);
    expect(outcome.console.some((line) => /hwc-auth: localhost:\d+ is not among the hosts/.test(line))).toBe(true);
    if (mode === 'token') expect(outcome.iamTokenRequests).toBe(1); // for the 127.0.0.1 request only
  });
});

describe('tokens and plain http, in Newman', () => {
  // A name under .invalid never resolves (RFC 6761): had the request been sent, it would have gone nowhere.
  const offLoopback = 'http://api.hwc-auth-test.invalid/v1/servers';

  it('token mode: an http URL off loopback fails closed before IAM is asked; hwc_allow_http=true lets the script add the token', async () => {
    const variables = { ...credentials.token(), hwc_auth_hosts: '127.0.0.1, *.hwc-auth-test.invalid' };
    const refused = await runRequests({ 'over http': offLoopback }, variables);
    expect(refused.failures).toEqual([
      { test: 'hwc-auth: use https for api.hwc-auth-test.invalid, or set hwc_allow_http=true', message: expect.stringMatching(/X-Auth-Token header over plain http/) },
    ]);
    expect(refused.iamTokenRequests).toBe(0);

    const allowed = await runRequests({ 'over http': offLoopback }, { ...variables, hwc_allow_http: 'true' });
    // the script got a token and let the request go; it then fails in Newman for want of DNS, not in the script
    expect(allowed.iamTokenRequests).toBe(1);
    expect(allowed.failures.filter((f) => f.test.startsWith('hwc-auth:'))).toEqual([]);
  });

  it('AK/SK with a security token: the same rule', async () => {
    const variables = { ...credentials.aksk(), HUAWEICLOUD_SDK_SECURITY_TOKEN: 'not-a-real-security-token', hwc_auth_hosts: '*.hwc-auth-test.invalid' };
    const refused = await runRequests({ 'over http': offLoopback }, variables);
    expect(refused.failures.map((f) => f.test)).toEqual(['hwc-auth: use https for api.hwc-auth-test.invalid, or set hwc_allow_http=true']);
    expect(refused.failures[0]!.message).not.toContain('not-a-real-security-token');
  });
});
