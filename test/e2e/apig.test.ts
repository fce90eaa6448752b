import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apigCollection } from '../../src/collections/definitions';
import { MOCK_APIG } from '../../src/mock/fixtures';
import { describeFailures, onlyFolders, REPORT_DIR, run, useMockCloud } from './helpers';

/** App and AppCode modes end to end: Newman, the built script and the mock's published APIs (/apig/). */
const mock = useMockCloud();

describe('API Gateway app collection against the mock cloud', () => {
  it('app signatures (Authorization, x-stage, the renamed header) and AppCodes are accepted; a wrong AppCode is refused', async () => {
    const result = await run(mock, apigCollection, 'apig');
    expect(describeFailures(result)).toEqual([]);
    expect(result.iamCalls).toBe(0);
    expect(result.stats.verdicts.map((v) => [v.path, v.auth, v.status, v.code ?? ''])).toEqual([
      ['/apig/app/orders', 'app', 200, ''],
      ['/apig/app/orders', 'app', 200, ''],
      ['/apig/app/orders', 'app', 200, ''],
      ['/apig/custom-header/orders', 'app', 200, ''],
      ['/apig/appcode/orders', 'app', 200, ''],
      ['/apig/appcode/orders', 'appcode', 200, ''],
      ['/apig/appcode/orders', 'appcode', 401, 'APIG.0303'],
    ]);
  });

  it('appcode mode fails closed over plain http to a host that is not loopback: nothing is sent', async () => {
    const result = await run(mock, onlyFolders(apigCollection, ['Simple authentication (AppCode)']), 'apig-appcode-http', {
      // the host is allowed (hwc_auth_hosts), so what refuses it is the https rule of simple authentication
      envOverrides: { hwc_auth_mode: 'appcode', baseUrl: 'http://api.example.invalid', hwc_auth_hosts: 'api.example.invalid' },
    });
    expect(result.ok).toBe(false);
    const titles = result.failures.map((f) => f.test ?? f.name);
    expect(titles.filter((t) => t === 'hwc-auth: use https: an AppCode is not sent over plain http')).toHaveLength(3);
    expect(result.stats.gatewayRequests).toBe(0);
    expect(readFileSync(join(REPORT_DIR, 'apig-appcode-http.xml'), 'utf8')).not.toContain(MOCK_APIG.app.code);
  });
});
