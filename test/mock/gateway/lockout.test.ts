import { MOCK_AKSK, MOCK_PROJECTS } from '../../../src/mock';
import { send, sendSigned, setFaults, stats, mockCloudForFile } from '../client';

/** What the cloud does after repeated signature failures, and the Date header every answer carries (mock clock). */
const START = Date.UTC(2024, 0, 2, 3, 4, 5);
const [CN] = MOCK_PROJECTS;
const mock = mockCloudForFile(START);
const { clock } = mock;
const WRONG = { ak: MOCK_AKSK.ak, sk: 'NotTheMockSecretKey-0000000000000000000' };
const LOCKED = 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.';

const right = () => sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, at: clock.now() }).response;
const wrong = () => sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, at: clock.now(), credentials: WRONG }).response;

describe('the gateway locks an AK/SK after 5 signature failures in a row, for 5 minutes', () => {
  it('the 5th failure locks it: then even a right signature is refused with APIG\'s answer, until 5 minutes passed', async () => {
    for (let i = 0; i < 4; i++) expect((await wrong()).json.error_msg).toMatch(/verify aksk signature fail/);
    expect((await stats(mock.cloud)).accessKeyLockouts).toEqual({});
    expect((await wrong()).status).toBe(401);
    expect((await stats(mock.cloud)).accessKeyLockouts).toEqual({ [MOCK_AKSK.ak]: 1 });

    const locked = await right();
    expect(locked.status).toBe(401);
    expect(locked.json).toMatchObject({ error_code: 'APIGW.0301', error_msg: LOCKED });

    clock.advance(5 * 60_000 - 1000);
    expect((await right()).json.error_msg).toBe(LOCKED);
    clock.advance(1000);
    expect((await right()).status).toBe(200);
  });

  it('a signature accepted in between starts the count again; expired signatures count too', async () => {
    for (let i = 0; i < 4; i++) await wrong();
    expect((await right()).status).toBe(200);
    for (let i = 0; i < 4; i++) await wrong();
    expect((await right()).status).toBe(200);
    const old = await sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, at: START - 3600_000 }).response;
    expect(old.json.error_msg).toMatch(/signature expired/);
    for (let i = 0; i < 3; i++) await wrong();
    expect((await stats(mock.cloud)).accessKeyLockouts).toEqual({});
    await wrong();
    expect((await stats(mock.cloud)).accessKeyLockouts).toEqual({ [MOCK_AKSK.ak]: 1 });
  });

  it('POST /__mock/reset unlocks', async () => {
    for (let i = 0; i < 5; i++) await wrong();
    expect((await right()).json.error_msg).toBe(LOCKED);
    await send(mock.cloud, { method: 'POST', target: '/__mock/reset' });
    expect((await right()).status).toBe(200);
  });
});

describe('every answer has a Date header on the mock clock', () => {
  it('states the mock time, the clock-offset fault included', async () => {
    const ok = await right();
    expect(ok.headers.date).toBe('Tue, 02 Jan 2024 03:04:05 GMT');
    await setFaults(mock.cloud, { clockOffsetSeconds: 20 * 60 + 13 });
    const skewed = await sendSigned(mock.cloud, { target: `/v1/${CN.id}/vpcs`, at: START }).response;
    expect(skewed.json.error_msg).toBe(
      'Incorrect IAM authentication information: signature expired, signature time:20240102T030405Z, server time:20240102T032418Z',
    );
    expect(skewed.headers.date).toBe('Tue, 02 Jan 2024 03:24:18 GMT');
  });
});
