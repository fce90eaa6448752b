import { MOCK_APIG, MOCK_AKSK } from '../../../src/mock';
import { send, sendSigned, stats, mockCloudForFile } from '../client';

/** The published APIs under /apig/: App authentication, a renamed signature header, AppCodes and stages, like APIG. */
const START = Date.UTC(2024, 0, 2, 3, 4, 5);
const mock = mockCloudForFile(START);
const app = { ak: MOCK_APIG.app.key, sk: MOCK_APIG.app.secret };
const APP_AUTH = 'Incorrect app authentication information: ';

/** Signs for the app and moves the signature to another header. */
function signedInto(target: string, header: string) {
  const { signed } = sendSigned(mock.cloud, { target, at: START, credentials: app });
  const headers = Object.fromEntries(signed.headers.filter(([n]) => n !== 'Authorization'));
  headers[header] = signed.authorization;
  return headers;
}

describe('App authentication (/apig/app/)', () => {
  it('accepts an app signature, echoes the app, the stage and what was signed; no project needed', async () => {
    const { signed, response } = sendSigned(mock.cloud, { method: 'POST', target: '/apig/app/orders?x=1', body: '{"a":1}', headers: { 'Content-Type': 'application/json' }, at: START, credentials: app });
    const res = await response;
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ ok: true, auth: 'app', api: 'app', stage: 'RELEASE', appKey: app.ak, canonicalRequest: signed.canonicalRequest, projectIdHeader: null });
    expect((await stats(mock.cloud)).verdicts).toEqual([{ method: 'POST', path: '/apig/app/orders', auth: 'app', ok: true, status: 200 }]);
  });

  it.each([
    ['a wrong secret', { ak: app.ak, sk: 'wrong-secret-000000000000000000000000000' }, 'verify signature fail, canonicalRequest:GET|/apig/app/x/|'],
    ['an unknown key (an IAM AK is not an app key)', { ak: MOCK_AKSK.ak, sk: MOCK_AKSK.sk }, `app not found, appkey ${MOCK_AKSK.ak}`],
  ])('refuses %s with 401 APIG.0303', async (_what, credentials, detail) => {
    const res = await sendSigned(mock.cloud, { target: '/apig/app/x', at: START, credentials }).response;
    expect(res.status).toBe(401);
    expect(res.json.error_code).toBe('APIG.0303');
    expect(res.json.error_msg).toContain(APP_AUTH + detail);
  });

  it('refuses a signature older than 15 minutes and a request without one', async () => {
    const old = await sendSigned(mock.cloud, { target: '/apig/app/x', at: START - 16 * 60_000, credentials: app }).response;
    expect([old.status, old.json.error_code]).toEqual([401, 'APIG.0303']);
    expect(old.json.error_msg).toContain(APP_AUTH + 'signature expired');
    const none = await send(mock.cloud, { target: '/apig/app/x' });
    expect([none.status, none.json.error_code, none.json.error_msg]).toEqual([401, 'APIG.0303', APP_AUTH + 'Authorization not found.']);
  });

  it('x-stage picks a published environment; another one is 404 APIG.0101', async () => {
    const test = await sendSigned(mock.cloud, { target: '/apig/app/x', headers: { 'x-stage': 'TEST' }, at: START, credentials: app }).response;
    expect([test.status, test.json.stage]).toEqual([200, 'TEST']);
    expect(test.json.signedHeaders).toContain('x-stage');
    const prod = await sendSigned(mock.cloud, { target: '/apig/app/x', headers: { 'x-stage': 'PROD' }, at: START, credentials: app }).response;
    expect([prod.status, prod.json.error_code]).toEqual([404, 'APIG.0101']);
    const unknown = await send(mock.cloud, { target: '/apig/nothing/here' });
    expect([unknown.status, unknown.json.error_code]).toEqual([404, 'APIG.0101']);
  });
});

describe(`a dedicated gateway whose app_auth_header is ${MOCK_APIG.authHeader} (/apig/custom-header/)`, () => {
  it('reads the signature from that header', async () => {
    const res = await send(mock.cloud, { target: '/apig/custom-header/x', headers: signedInto('/apig/custom-header/x', MOCK_APIG.authHeader) });
    expect([res.status, res.json.auth, res.json.appKey]).toEqual([200, 'app', app.ak]);
  });

  it('does not look in Authorization', async () => {
    const res = await send(mock.cloud, { target: '/apig/custom-header/x', headers: signedInto('/apig/custom-header/x', 'Authorization') });
    expect([res.status, res.json.error_code, res.json.error_msg]).toEqual([401, 'APIG.0303', `${APP_AUTH}${MOCK_APIG.authHeader} not found.`]);
  });
});

describe('simple authentication (/apig/appcode/)', () => {
  it('accepts the AppCode, refuses another, and still takes an app signature', async () => {
    const ok = await send(mock.cloud, { target: '/apig/appcode/x', headers: { 'X-Apig-AppCode': MOCK_APIG.app.code } });
    expect([ok.status, ok.json.auth, ok.json.appKey]).toEqual([200, 'appcode', app.ak]);
    const wrong = await send(mock.cloud, { target: '/apig/appcode/x', headers: { 'X-Apig-AppCode': 'not-the-code' } });
    expect([wrong.status, wrong.json.error_code, wrong.json.error_msg]).toEqual([401, 'APIG.0303', APP_AUTH + 'AppCode not found']);
    expect(wrong.text).not.toContain('not-the-code');
    const signed = await sendSigned(mock.cloud, { target: '/apig/appcode/x', at: START, credentials: app }).response;
    expect([signed.status, signed.json.auth]).toEqual([200, 'app']);
  });

  it('an AppCode on an API without simple authentication is no credential', async () => {
    const res = await send(mock.cloud, { target: '/apig/app/x', headers: { 'X-Apig-AppCode': MOCK_APIG.app.code } });
    expect([res.status, res.json.error_code]).toEqual([401, 'APIG.0303']);
  });
});
