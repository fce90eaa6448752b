/**
 * The bench's floor (scripts/bench/minimalSigner.js) must really sign, or its cost would not bound a signer's from
 * below: on the simple requests it handles, the server-side check accepts its signatures, in both sandboxes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './harness';
import { AK, akskEnv, eachSandbox, sent } from './helpers';

const MINIMAL_SIGNER = readFileSync(join(ROOT, 'scripts', 'bench', 'minimalSigner.js'), 'utf8');

eachSandbox('the bench floor, a minimal CryptoJS signer', (run) => {
  test.each([
    ['GET with a query', { method: 'GET', url: 'https://svc.example.com/v1/p-1/vpcs?limit=5&marker=m-1' }],
    [
      'POST with a JSON body',
      { method: 'POST', url: 'https://svc.example.com/v1/servers', header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: '{"name":"vm-1"}' } },
    ],
  ])('%s: the signature verifies', async (_name, request) => {
    const result = await run({ script: MINIMAL_SIGNER, request, environment: akskEnv() });
    const { check } = sent(result);
    expect(result.header['authorization']).toMatch(new RegExp(`^SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$`));
    expect(check.ok).toBe(true);
  });
});
