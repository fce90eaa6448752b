/**
 * Token mode on the response side, in both sandboxes: a token the gateway no longer accepts is dropped and the
 * request sent again once (setNextRequest to the same item); IAM is asked once per user per run when it refuses the
 * password, and given time after 429/5xx.
 */
import type { Responder, RunInput, RunResult } from './harness';
import { eachSandbox } from './helpers';

const PASSWORD = 'pw-NEVER-PRINT-9876';
const tokenEnv = {
  HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com',
  HUAWEICLOUD_USERNAME: 'alice',
  HUAWEICLOUD_PASSWORD: PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME: 'acme',
  HUAWEICLOUD_PROJECT_NAME: 'ap-southeast-1',
};
const ITEM = { id: 'item-0002', name: 'create server' };
const request = { method: 'GET', url: 'https://ecs.example.com/v1/servers' };

/** IAM that issues a new token per call, counting calls. */
function iam(): { responder: Responder; calls: () => number; tokens: string[] } {
  const tokens: string[] = [];
  return {
    tokens,
    calls: () => tokens.length,
    responder: () => {
      const token = `MIIT-${tokens.length + 1}-` + 'y'.repeat(300);
      tokens.push(token);
      return { code: 201, headers: { 'X-Subject-Token': token }, body: JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00.000000Z' } }) };
    },
  };
}

function carried(result: RunResult): Pick<RunInput, 'environment' | 'collectionVariables' | 'variables'> {
  const strings = (o: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return { environment: strings(result.environment), collectionVariables: strings(result.collectionVariables), variables: strings(result.variables) };
}

const revoked = { code: 401, body: JSON.stringify({ error_msg: 'The token must be updated.', error_code: 'APIG.0307', request_id: 'r' }) };

eachSandbox('token recovery and IAM manners', (run) => {
  it('a revoked token: dropped, the request sent again once with a fresh token; a second refusal is a failing test', async () => {
    const idp = iam();
    const first = await run({ request, item: ITEM, environment: tokenEnv, responder: idp.responder });
    expect(first.header['x-auth-token']).toBe(idp.tokens[0]);
    expect(String(first.environment.hwc_token_cache)).toContain(idp.tokens[0]);

    const post = await run({ event: 'test', request: first.request.toJSON(), item: ITEM, ...carried(first), response: revoked });
    expect(post.tests).toEqual([]);
    expect(post.nextRequest).toBe(ITEM.id);
    expect(post.variables.hwc_auth_retry).toEqual(expect.any(String));
    expect(String(post.environment.hwc_token_cache)).not.toContain(idp.tokens[0]);
    expect(post.consoleText).toMatch(/the IAM token was refused \(401 APIG\.0307 The token must be updated\.\): dropped from the cache; this request is sent again/);

    // the retry: a fresh token; the flag is taken
    const retry = await run({ request, item: ITEM, ...carried(post), responder: idp.responder });
    expect(idp.calls()).toBe(2);
    expect(retry.header['x-auth-token']).toBe(idp.tokens[1]);
    expect(retry.variables.hwc_auth_retry).toBeUndefined();

    // refused again: not retried a second time
    const again = await run({ event: 'test', request: retry.request.toJSON(), item: ITEM, ...carried(retry), response: revoked });
    expect(again.nextRequest).toBeUndefined();
    expect(again.tests.map((t) => [t.name, t.passed])).toEqual([
      ['hwc-auth: the IAM token was refused again, right after a fresh one was issued (APIG.0307)', false],
    ]);
    for (const text of [again.consoleText, JSON.stringify(again.tests), post.consoleText]) {
      for (const token of idp.tokens) expect(text).not.toContain(token);
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('IAM.0066 counts too; another request of the run does not take the retry meant for this one', async () => {
    const idp = iam();
    const first = await run({ request, item: ITEM, environment: tokenEnv, responder: idp.responder });
    const post = await run({
      event: 'test',
      request: first.request.toJSON(),
      item: ITEM,
      ...carried(first),
      response: { code: 401, body: JSON.stringify({ error_msg: 'The token is expired.', error_code: 'IAM.0066' }) },
    });
    expect(post.nextRequest).toBe(ITEM.id);
    const other = await run({ request, item: { id: 'item-0003' }, ...carried(post), responder: idp.responder });
    expect(other.variables.hwc_auth_retry).toBeUndefined();
    expect(JSON.parse(String(other.variables.hwc_request_auth)).retried).toBeUndefined();
  });

  it('IAM refused the password: asked once per user per run, every later request fails closed without calling IAM', async () => {
    let calls = 0;
    const refuse: Responder = () => {
      calls++;
      return { code: 401, body: JSON.stringify({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }) };
    };
    let scopes: Pick<RunInput, 'environment' | 'collectionVariables' | 'variables'> = { environment: tokenEnv };
    for (let i = 0; i < 3; i++) {
      const result = await run({ request, item: ITEM, ...scopes, responder: refuse });
      expect(result.skipped).toBe(true);
      expect(result.tests.map((t) => t.name)).toEqual(['hwc-auth: IAM refused the credentials for user alice in domain acme']);
      if (i > 0) expect(result.tests[0]!.error?.message).toMatch(/earlier in this run .* not asked again in this run, so that IAM does not lock the user/);
      expect(JSON.stringify([result.tests, result.consoleText, result.variables, result.collectionVariables])).not.toContain(PASSWORD);
      scopes = carried(result);
    }
    expect(calls).toBe(1);
  });

  it('IAM 429 with Retry-After: the next token request waits that long, then succeeds', async () => {
    const idp = iam();
    const throttled = await run({
      request,
      item: ITEM,
      environment: tokenEnv,
      responder: () => ({ code: 429, headers: { 'Retry-After': '1' }, body: JSON.stringify({ error: { code: 429, message: 'Too many requests.' } }) }),
    });
    expect(throttled.tests.map((t) => t.name)).toEqual(['hwc-auth: IAM throttled the token request (HTTP 429): try again later']);
    const started = Date.now();
    const next = await run({ request, item: ITEM, ...carried(throttled), responder: idp.responder });
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expect(next.skipped).toBe(false);
    expect(next.header['x-auth-token']).toBe(idp.tokens[0]);
    expect(JSON.parse(String(next.variables.hwc_iam_failures)).backoff).toEqual({});
  });

  it('a back-off longer than the wait bound fails at once, without calling IAM', async () => {
    let calls = 0;
    const throttled = await run({
      request,
      item: ITEM,
      environment: tokenEnv,
      responder: () => {
        calls++;
        return { code: 503, headers: { 'Retry-After': '45' }, body: 'Service Unavailable' };
      },
    });
    const next = await run({ request, item: ITEM, ...carried(throttled), responder: () => ({ code: 500 }) });
    expect(calls).toBe(1);
    expect(next.sent).toHaveLength(0);
    expect(next.tests.map((t) => t.name)).toEqual(['hwc-auth: IAM failed (HTTP 503): try again later']);
    expect(next.tests[0]!.error?.message).toMatch(/asked to wait 4\d s more/);
  });
});
