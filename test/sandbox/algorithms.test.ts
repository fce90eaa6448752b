/**
 * hwc_signing_algorithm in both real sandboxes: the Go SDK's V11-HMAC-SHA256 and SDK-HMAC-SM3 vectors computed with
 * the sandbox's own SHA-256 and SM3, and the built script signing with each algorithm, checked on the wire by an
 * independent verifier (./wire.ts, node:crypto's HKDF and SM3). Fails closed on a V11 without region or service.
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { loadPublishedVectors } from '../vectors/published';
import { AK, DATE, SK, akskEnv, eachSandbox, signedAndSent } from './helpers';

const vectors = loadPublishedVectors();
const published = (name: string): string[] => vectors.find((v) => v.name === name)!.authorization as string[];

/** The vector entry bundled as one IIFE for a neutral platform, like dist/prerequest.js. */
function vectorScript(): string {
  const out = buildSync({
    entryPoints: [join(__dirname, 'vectors', 'algorithmVectorsEntry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    mainFields: ['main', 'module'],
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const JSON_BODY = '{"name":"ünïcødé ✓","size":10}';

eachSandbox('signing algorithms', (run) => {
  test("the Go SDK's V11 and SM3 vectors, with the sandbox's own SHA-256, HKDF and SM3", async () => {
    const result = await run({ script: vectorScript(), request: { method: 'GET', url: 'https://x.example.com/' } });
    expect(result.error).toBeUndefined();
    const line = JSON.parse(String(result.console[0]?.messages[0])) as Record<string, string[]>;
    expect(line['V11-HMAC-SHA256']).toEqual(published('go sdk derived_signer_test (V11)'));
    expect(line['SDK-HMAC-SM3']).toEqual(published('go sdk sm3_signer_test (SDK-HMAC-SM3)'));
  });

  test('V11-HMAC-SHA256: Credential names the day, region and service; the signature verifies on the wire', async () => {
    const { check } = await signedAndSent(run, {
      request: { method: 'POST', url: 'https://iam.example.com/v3/users?x=1', body: { mode: 'raw', raw: JSON_BODY, options: { raw: { language: 'json' } } } },
      environment: akskEnv({ hwc_signing_algorithm: 'V11-HMAC-SHA256', HUAWEICLOUD_REGION: 'cn-north-4', hwc_signing_service: 'iam' }),
    });
    expect(check.authorization.startsWith(`V11-HMAC-SHA256 Credential=${AK}/${DATE.slice(0, 8)}/cn-north-4/iam, SignedHeaders=`)).toBe(true);
  });

  test.each([
    ['a JSON body with non-ASCII text', { mode: 'raw', raw: JSON_BODY, options: { raw: { language: 'json' } } }, 'POST'],
    ['no body (SM3 of the empty input)', undefined, 'GET'],
  ])('SDK-HMAC-SM3, %s: payload and signature in SM3, verified on the wire', async (_what, body, method) => {
    const { check } = await signedAndSent(run, {
      request: { method, url: 'https://ecs.example.com/v1/p/servers?limit=2', ...(body ? { body } : {}) },
      environment: akskEnv({ hwc_signing_algorithm: 'sdk-hmac-sm3' }),
    });
    expect(check.authorization.startsWith(`SDK-HMAC-SM3 Access=${AK}, `)).toBe(true);
    if (!body) expect(check.payloadHash).toBe('1ab21d8355cfa17f8e61194831e81a8f22bec8c728fefb747ed035eb5082aa2b');
  });

  test.each([
    [{ hwc_signing_algorithm: 'V11-HMAC-SHA256' }, 'hwc-auth: set HUAWEICLOUD_REGION and hwc_signing_service'],
    [{ hwc_signing_algorithm: 'V11-HMAC-SHA256', HUAWEICLOUD_REGION: 'cn-north-4' }, 'hwc-auth: set hwc_signing_service'],
    [{ hwc_signing_algorithm: 'HMAC-MD5' }, 'hwc-auth: fix hwc_signing_algorithm'],
  ])('fails closed with %j', async (extra, title) => {
    const result = await run({ request: { method: 'GET', url: 'https://iam.example.com/v3/users' }, environment: akskEnv(extra) });
    expect(result.tests.map((t) => [t.name, t.passed])).toEqual([[title, false]]);
    expect(result.skipped).toBe(true);
    expect(result.header['authorization']).toBeUndefined();
    expect(result.consoleText).not.toContain(SK);
  });
});
