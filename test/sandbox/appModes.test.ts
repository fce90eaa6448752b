/**
 * hwc_auth_mode=app and appcode in both real sandboxes: the app signature verified on the wire (in Authorization or
 * the renamed header), x-stage signed, no X-Project-Id; the AppCode only over HTTPS or to loopback; failing closed.
 */
import { eachSandbox, EXAMPLE_HOSTS } from './helpers';
import type { RunResult } from './harness';
import { verifyWire, wireRequest, type WireRequest } from './wire';

const KEY = 'apig-app-key-0001';
const SECRET = 'apig-app-SECRET/never+printed=0001';
const CODE = 'apig-app-CODE-never-printed-0001-xxxxxxxxxxxxxxxx';
const appEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  hwc_auth_mode: 'app',
  HUAWEICLOUD_APIG_APP_KEY: KEY,
  HUAWEICLOUD_APIG_APP_SECRET: SECRET,
  HUAWEICLOUD_SDK_PROJECT_ID: 'project-not-for-apps',
  ...extra,
});

/** The request went out (no failing test, not skipped): what the runtime sends. */
function delivered(result: RunResult): { wire: WireRequest } {
  expect(result.tests.filter((t) => !t.passed)).toEqual([]);
  expect(result.skipped).toBe(false);
  expect(result.error).toBeUndefined();
  return { wire: wireRequest(result.request) };
}

eachSandbox('app mode', (run) => {
  test('signs with the app Key and Secret in Authorization; no X-Project-Id', async () => {
    const result = await run({
      request: { method: 'POST', url: 'https://api.example.com/orders?x=1', body: { mode: 'raw', raw: '{"n":1}', options: { raw: { language: 'json' } } } },
      environment: appEnv(),
    });
    const { wire } = delivered(result);
    const check = verifyWire(wire, KEY, SECRET);
    expect(check.ok).toBe(true);
    expect(check.authorization.startsWith(`SDK-HMAC-SHA256 Access=${KEY}, `)).toBe(true);
    expect(result.header['x-project-id']).toBeUndefined();
    expect(check.signedHeaders).toEqual(['content-type', 'host', 'x-sdk-date']);
    expect(result.consoleText).not.toContain(SECRET);
  });

  test('hwc_apig_auth_header moves the signature to that header; hwc_apig_stage adds a signed x-stage', async () => {
    const result = await run({
      request: {
        method: 'GET',
        url: 'https://api.example.com/orders',
        header: [
          { key: 'X-Apig-App-Auth', value: 'stale copy' },
          { key: 'x-stage', value: 'OLD' },
        ],
      },
      environment: appEnv({ hwc_apig_auth_header: 'X-Apig-App-Auth', hwc_apig_stage: 'TEST' }),
    });
    const { wire } = delivered(result);
    expect(result.header['authorization']).toBeUndefined();
    expect(result.headers.filter((h) => /^x-stage$/i.test(h.key)).map((h) => h.value)).toEqual(['TEST']);
    const check = verifyWire(wire, KEY, SECRET, 'X-Apig-App-Auth');
    expect(check.ok).toBe(true);
    expect(check.signedHeaders).toEqual(['host', 'x-sdk-date', 'x-stage']);
  });

  test.each([
    [{ HUAWEICLOUD_APIG_APP_SECRET: '' }, 'hwc-auth: set HUAWEICLOUD_APIG_APP_SECRET'],
    [{ hwc_apig_auth_header: 'X-Sdk-Date' }, 'hwc-auth: fix hwc_apig_auth_header'],
    [{ hwc_apig_auth_header: 'bad header' }, 'hwc-auth: fix hwc_apig_auth_header'],
  ])('fails closed with %j', async (extra, title) => {
    const result = await run({ request: { method: 'GET', url: 'https://api.example.com/x' }, environment: appEnv(extra) });
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([[title, false]]);
    expect(result.skipped).toBe(true);
  });

  test('is chosen without hwc_auth_mode when only the app Key and Secret are set', async () => {
    const result = await run({
      request: { method: 'GET', url: 'https://api.example.com/x' },
      environment: { HUAWEICLOUD_APIG_APP_KEY: KEY, HUAWEICLOUD_APIG_APP_SECRET: SECRET },
    });
    expect(verifyWire(delivered(result).wire, KEY, SECRET).ok).toBe(true);
  });
});

eachSandbox('appcode mode', (run) => {
  const env = (extra: Record<string, string> = {}): Record<string, string> => ({ hwc_auth_mode: 'appcode', HUAWEICLOUD_APIG_APP_CODE: CODE, ...extra });

  test.each(['https://api.example.com/orders', 'http://127.0.0.1:9080/apig/appcode/x', 'http://localhost/x'])(
    'sends X-Apig-AppCode to %s, with x-stage when set',
    async (url) => {
      // the documentation hosts and loopback get credentials here (the default list has loopback, not example.com)
      const hosts = { hwc_auth_hosts: `${EXAMPLE_HOSTS}, localhost, 127.0.0.1` };
      const result = await run({ request: { method: 'GET', url, header: [{ key: 'X-Apig-AppCode', value: 'stale' }] }, environment: env({ hwc_apig_stage: 'TEST', ...hosts }) });
      delivered(result);
      expect(result.headers.filter((h) => /^x-apig-appcode$/i.test(h.key)).map((h) => h.value)).toEqual([CODE]);
      expect(result.header['x-stage']).toBe('TEST');
      expect(result.header['authorization']).toBeUndefined();
      expect(result.consoleText).not.toContain(CODE);
    },
  );

  test('refuses plain http to another host: fails closed, the AppCode never leaves', async () => {
    const result = await run({ request: { method: 'GET', url: 'http://api.example.com/orders' }, environment: env() });
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([['hwc-auth: use https: an AppCode is not sent over plain http', false]]);
    expect(result.skipped).toBe(true);
    expect(JSON.stringify(wireRequest(result.request).headers)).not.toContain(CODE);
    expect(result.consoleText).not.toContain(CODE);
  });

  test('fails closed without HUAWEICLOUD_APIG_APP_CODE', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://api.example.com/x' }, environment: { hwc_auth_mode: 'appcode' } });
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([['hwc-auth: set HUAWEICLOUD_APIG_APP_CODE', false]]);
    expect(result.skipped).toBe(true);
  });
});
