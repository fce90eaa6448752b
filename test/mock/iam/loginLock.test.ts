import { MOCK_ACCOUNT } from '../../../src/mock';
import { passwordBody, send, setFaults, stats, mockCloudForFile } from '../client';

/** IAM locks a user after repeated failed logins; throttling answers carry Retry-After. */
const START = Date.UTC(2024, 0, 2, 3, 4, 5);
const mock = mockCloudForFile(START);
const { clock } = mock;
const user = MOCK_ACCOUNT.user;
const lockKey = `${MOCK_ACCOUNT.domainName}/${user.name}`;

const login = (password: string) =>
  send(mock.cloud, {
    method: 'POST',
    target: '/v3/auth/tokens?nocatalog=true',
    headers: { 'Content-Type': 'application/json' },
    body: passwordBody(undefined, { name: user.name, password }),
  });

describe('IAM locks a user after 5 wrong passwords in a row, for 15 minutes', () => {
  it('then refuses even the right password with "The account is locked."', async () => {
    for (let i = 0; i < 5; i++) expect((await login('wrong')).json.error.message).toBe('The username or password is wrong.');
    expect((await stats(mock.cloud)).userLockouts).toEqual({ [lockKey]: 1 });
    const locked = await login(user.password);
    expect(locked.status).toBe(401);
    expect(locked.json).toEqual({ error: { code: 401, message: 'The account is locked.', title: 'Unauthorized' } });
    clock.advance(15 * 60_000);
    expect((await login(user.password)).status).toBe(201);
  });

  it('a successful login in between starts the count again', async () => {
    for (let i = 0; i < 4; i++) await login('wrong');
    expect((await login(user.password)).status).toBe(201);
    for (let i = 0; i < 4; i++) await login('wrong');
    expect((await login(user.password)).status).toBe(201);
    expect((await stats(mock.cloud)).userLockouts).toEqual({});
  });
});

describe('IAM throttling', () => {
  it('a 429 fault answers with Retry-After when iamRetryAfterSeconds is set', async () => {
    await setFaults(mock.cloud, { iamStatus: 429, iamFailCount: 1, iamRetryAfterSeconds: 2 });
    const throttled = await login(user.password);
    expect(throttled.status).toBe(429);
    expect(throttled.headers['retry-after']).toBe('2');
    expect((await login(user.password)).status).toBe(201);
  });
});
