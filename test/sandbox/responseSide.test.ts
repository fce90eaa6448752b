/**
 * The response side in both sandboxes (and both builds): what the pre-request script leaves for the post-response
 * script of the same request (local variables, never a secret), the signature doctor, the clock correction, the
 * lockout guard, and IAM token recovery. Each scenario runs the pre-request script, then the post-response script
 * with the variables and request it left, as postman-runtime does within one collection run.
 */
import type { RunInput, RunResult } from './harness';
import { AK, eachSandbox, SK } from './helpers';
import { verifyWire, wireRequest } from './wire';

const ITEM = { id: 'item-0001', name: 'list servers' };
const HOST = 'ecs.example.com';
const request = { method: 'GET', url: `https://${HOST}/v1/servers?limit=1`, header: [{ key: 'X-Trace', value: 'a' }] };
const SECURITY_TOKEN = 'gQpjbi1ub3J0aC00-SECURITY-TOKEN-NEVER-PRINT';
const MIN = 60_000;

/** Unsigned by hwc_signing_date: these scenarios sign with the clock (and its correction). */
const env = (extra: Record<string, string> = {}): Record<string, string> => ({
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  ...extra,
});

const gateway = (code: string, message: string, headers: Record<string, string> = {}) => ({
  code: 401,
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({ error_msg: message, error_code: code, request_id: '0123456789abcdef0123456789abcdef' }),
});

/** The scopes after one script, fed to the next one (what postman-runtime carries within a run). */
function carried(result: RunResult): Pick<RunInput, 'environment' | 'collectionVariables' | 'variables'> {
  const strings = (o: Record<string, unknown>): Record<string, string> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)]));
  return { environment: strings(result.environment), collectionVariables: strings(result.collectionVariables), variables: strings(result.variables) };
}

/** The SDK-date in an X-Sdk-Date header as epoch ms. */
const sdkTime = (d: string): number =>
  Date.UTC(+d.slice(0, 4), +d.slice(4, 6) - 1, +d.slice(6, 8), +d.slice(9, 11), +d.slice(11, 13), +d.slice(13, 15));
const sdkDate = (ms: number): string => new Date(ms).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

eachSandbox('the response side', (run) => {
  /** Pre-request, then post-response with `answer` (a function of what was sent), carrying the scopes. */
  async function exchange(input: Partial<RunInput>, answer: (pre: RunResult) => RunInput['response']) {
    const pre = await run({ request, item: ITEM, ...input });
    const post = await run({ event: 'test', request: pre.request.toJSON(), item: ITEM, ...carried(pre), response: answer(pre) });
    return { pre, post };
  }

  describe('what the pre-request script leaves', () => {
    it('names the request, the AK, the date and the canonical request signed, never the SK or the security token', async () => {
      const pre = await run({ request, item: ITEM, environment: env({ HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN }) });
      const left = JSON.parse(String(pre.variables.hwc_request_auth)) as Record<string, unknown>;
      expect(left).toMatchObject({ for: `0:${ITEM.id}`, mode: 'aksk', host: HOST, ak: AK, sdkDate: pre.header['x-sdk-date'], clockCorrectionMs: 0 });
      expect(String(left.canonicalRequest).split('\n')).toContain('x-security-token:***');
      expect(String(left.canonicalRequest).split('\n')).toContain('x-trace:a');
      // what the script wrote (the environment holds the credentials it was given, and nothing else new)
      const written = JSON.stringify([pre.variables, pre.collectionVariables]);
      expect(written).not.toContain(SK);
      expect(written).not.toContain(SECURITY_TOKEN);
      expect(Object.keys(pre.environment).sort()).toEqual(['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_SDK_SK']);
      // local variables only: nothing of it in a scope that gets exported
      expect(Object.keys(pre.environment).filter((k) => k.startsWith('hwc_'))).toEqual([]);
      expect(Object.keys(pre.collectionVariables)).toEqual([]);
    });

    it('on a success the post-response script does nothing at all', async () => {
      const { post } = await exchange({ environment: env() }, () => ({ code: 200, body: '{"ok":true}' }));
      expect(post.tests).toEqual([]);
      expect(post.console).toEqual([]);
      expect(post.error).toBeUndefined();
      expect(post.nextRequest).toBeUndefined();
    });

    it('hwc_auth_mode=none leaves nothing, so a 401 of that request is not diagnosed with an earlier one', async () => {
      const first = await run({ request, item: ITEM, environment: env() });
      const none = await run({ request, item: ITEM, ...carried(first), environment: env({ hwc_auth_mode: 'none' }) });
      expect(none.variables.hwc_request_auth).toBeUndefined();
      const post = await run({ event: 'test', request, item: ITEM, ...carried(none), response: gateway('APIGW.0301', 'verify aksk signature fail') });
      expect(post.tests).toEqual([]);
    });
  });

  describe('the signature doctor', () => {
    it('a header changed after signing: names it and both values', async () => {
      const { post } = await exchange({ environment: env() }, (pre) => {
        const wire = wireRequest(pre.request);
        wire.headers = wire.headers.map(([k, v]) => [k, k.toLowerCase() === 'x-trace' ? 'b' : v]);
        const theirs = verifyWire(wire, AK, SK).canonicalRequest.replace(/\n/g, '|');
        return gateway('APIGW.0301', `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:${theirs}`);
      });
      expect(post.tests.map((t) => [t.name, t.passed])).toEqual([
        ['hwc-auth: header x-trace differs: signed "a", the gateway received "b": a script or proxy changed it after signing', false],
      ]);
      expect(post.tests[0]!.error?.message).toContain('x-trace:b|');
      expect(post.consoleText).not.toContain(SK);
    });

    it('a wrong SK: everything matches, the SK does not belong to the AK', async () => {
      const { post } = await exchange({ environment: env() }, (pre) => {
        const theirs = verifyWire(wireRequest(pre.request), AK, 'another-sk').canonicalRequest.replace(/\n/g, '|');
        return gateway('APIGW.0301', `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:${theirs}`);
      });
      expect(post.tests.map((t) => t.name)).toEqual(['hwc-auth: everything matches: the SK does not belong to this AK']);
    });

    it('hwc_expect_rejection=true: the diagnosis is logged, no test fails', async () => {
      const { post } = await exchange({ environment: env({ hwc_expect_rejection: 'true' }) }, (pre) => {
        const theirs = verifyWire(wireRequest(pre.request), AK, SK).canonicalRequest.replace(/\n/g, '|');
        return gateway('APIGW.0301', `verify aksk signature fail, canonicalRequest:${theirs}`);
      });
      expect(post.tests).toEqual([]);
      expect(post.consoleText).toBe('hwc-auth: expected rejection: everything matches: the SK does not belong to this AK');
    });
  });

  describe('clock skew', () => {
    const expired = (pre: RunResult, offsetMs: number) => {
      const signed = pre.header['x-sdk-date']!;
      const server = sdkTime(signed) + offsetMs;
      return gateway('APIGW.0301', `Incorrect IAM authentication information: signature expired, signature time:${signed}, server time:${sdkDate(server)}`, {
        Date: new Date(server).toUTCString(),
      });
    };

    it('learns the offset from "signature expired", says it once, keeps it per host, and signs later requests with it', async () => {
      const { post } = await exchange({ environment: env() }, (pre) => expired(pre, 20 * MIN + 13_000));
      expect(post.tests.map((t) => t.name)).toEqual([
        "hwc-auth: your clock is 20 min 13 s behind the gateway's; later requests are signed with the corrected time",
      ]);
      expect(post.console.filter((c) => c.level === 'info' || c.level === 'log')).toHaveLength(1);
      expect(post.consoleText).toContain(`your clock is 20 min 13 s behind the gateway's at ${HOST}`);
      // kept where the token cache is: the environment (an exported environment carries it)
      expect(JSON.parse(String(post.environment.hwc_clock_offsets))).toEqual({ [HOST]: 20 * MIN + 13_000 });

      const later = await run({ request, item: ITEM, ...carried(post) });
      const shift = sdkTime(later.header['x-sdk-date']!) - Date.now();
      expect(shift).toBeGreaterThan(20 * MIN + 13_000 - 5_000);
      expect(shift).toBeLessThan(20 * MIN + 13_000 + 5_000);
      const other = await run({ request: { method: 'GET', url: 'https://other.example.com/v1' }, item: ITEM, ...carried(post) });
      expect(Math.abs(sdkTime(other.header['x-sdk-date']!) - Date.now())).toBeLessThan(5_000);
    });

    it('a clock ahead of the gateway: a negative offset; a second refusal with the correction adds up', async () => {
      const { post } = await exchange({ environment: env() }, (pre) => expired(pre, -20 * MIN));
      expect(post.tests[0]!.name).toBe("hwc-auth: your clock is 20 min ahead of the gateway's; later requests are signed with the corrected time");
      const again = await run({ request, item: ITEM, ...carried(post) });
      const post2 = await run({ event: 'test', request: again.request.toJSON(), item: ITEM, ...carried(again), response: expired(again, -40 * MIN) });
      expect(JSON.parse(String(post2.environment.hwc_clock_offsets))).toEqual({ [HOST]: -60 * MIN });
    });

    it('hwc_clock_correction=false: nothing is kept, the test says so', async () => {
      const { post } = await exchange({ environment: env({ hwc_clock_correction: 'false' }) }, (pre) => expired(pre, 20 * MIN));
      expect(post.tests[0]!.name).toBe(
        "hwc-auth: signature expired: your clock is 20 min behind the gateway's: sync this machine's clock (hwc_clock_correction is off)",
      );
      expect(post.environment.hwc_clock_offsets).toBeUndefined();
    });

    it('ignores offsets over 24 h', async () => {
      const { post } = await exchange({ environment: env() }, (pre) => expired(pre, 30 * 3600_000));
      expect(post.tests[0]!.name).toMatch(/more than a day: not corrected/);
      expect(post.environment.hwc_clock_offsets).toBeUndefined();
    });
  });

  describe('the lockout guard', () => {
    const refuse = () => gateway('APIGW.0301', 'Incorrect IAM authentication information: verify aksk signature fail');

    it('after 3 signature failures in a row the AK is stopped; another SK, or a success between, starts afresh', async () => {
      let scopes: Pick<RunInput, 'environment' | 'collectionVariables' | 'variables'> = { environment: env() };
      for (let i = 0; i < 3; i++) {
        const pre = await run({ request, item: ITEM, ...scopes });
        expect(pre.skipped).toBe(false);
        const post = await run({ event: 'test', request: pre.request.toJSON(), item: ITEM, ...carried(pre), response: refuse() });
        expect(post.tests).toHaveLength(1);
        scopes = carried(post);
      }
      const stopped = await run({ request, item: ITEM, ...scopes });
      expect(stopped.skipped).toBe(true);
      expect(stopped.tests.map((t) => t.name)).toEqual([`hwc-auth: not sent: AK ${AK} failed the signature check 3 times in a row: fix HUAWEICLOUD_SDK_SK`]);
      expect(stopped.tests[0]!.error?.message).toMatch(/the gateway locks a key for 5 minutes after 5 signature failures in a row/);
      expect(JSON.stringify([stopped.tests, stopped.consoleText, stopped.variables])).not.toContain(SK);

      const fixed = await run({ request, item: ITEM, ...scopes, environment: env({ HUAWEICLOUD_SDK_SK: 'the-right-secret-key' }) });
      expect(fixed.skipped).toBe(false);
    });

    it('a success clears the count; hwc_lockout_after=0 turns the guard off', async () => {
      let scopes: Pick<RunInput, 'environment' | 'collectionVariables' | 'variables'> = { environment: env() };
      const step = async (response: RunInput['response']) => {
        const pre = await run({ request, item: ITEM, ...scopes });
        const post = await run({ event: 'test', request: pre.request.toJSON(), item: ITEM, ...carried(pre), response });
        scopes = carried(post);
        return pre;
      };
      await step(refuse());
      await step(refuse());
      await step({ code: 200, body: '{}' });
      expect(scopes.variables!.hwc_signature_failures).toBeUndefined();
      await step(refuse());
      await step(refuse());
      expect((await step(refuse())).skipped).toBe(false);
      expect((await run({ request, item: ITEM, ...scopes })).skipped).toBe(true);
      expect((await run({ request, item: ITEM, ...scopes, environment: env({ hwc_lockout_after: '0' }) })).skipped).toBe(false);
    });

    it("the gateway's own lock stops the AK at once", async () => {
      const { post } = await exchange({ environment: env() }, () =>
        gateway('APIGW.0301', 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.'),
      );
      expect(post.tests[0]!.name).toBe(`hwc-auth: the gateway locked AK ${AK} after repeated signature failures: fix HUAWEICLOUD_SDK_SK, then wait 5 minutes`);
      const next = await run({ request, item: ITEM, ...carried(post) });
      expect(next.skipped).toBe(true);
      expect(next.tests[0]!.name).toBe(`hwc-auth: not sent: the gateway locked AK ${AK}: fix HUAWEICLOUD_SDK_SK`);
    });
  });
});
