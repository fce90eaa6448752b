/**
 * Both built scripts start with Postman's non-legacy marker, `"use sandbox2";` (src/lib/signerBlock.ts): for a script
 * whose text starts with it, the sandbox sets up none of the legacy globals (tests, postman, responseBody, CryptoJS ...),
 * work it otherwise does before every script (docs/benchmarks.md measures what that saves). Both real sandboxes must
 * honour it, and our scripts must work without those globals (every other test here runs them with the marker first).
 */
import { bundleSource, postResponseSource } from './harness';
import { eachSandbox } from './helpers';

const PROBE = "pm.test('legacy globals: ' + [typeof tests, typeof postman, typeof CryptoJS, typeof responseBody].join(' '), () => {});";
const REQUEST = { method: 'GET', url: 'https://svc.example.com/v1/vpcs' };
const RESPONSE = { code: 200, body: '{}' };

test('both built scripts start with the marker', () => {
  expect(bundleSource().slice(0, 15)).toBe('"use sandbox2";');
  expect(postResponseSource().slice(0, 15)).toBe('"use sandbox2";');
});

eachSandbox('the non-legacy marker', (run) => {
  test('a script that starts with it gets no legacy globals; without it, it does', async () => {
    const marked = await run({ script: '"use sandbox2";' + PROBE, request: REQUEST, event: 'test', response: RESPONSE });
    const unmarked = await run({ script: PROBE, request: REQUEST, event: 'test', response: RESPONSE });
    expect(marked.tests.map((t) => t.name)).toEqual(['legacy globals: undefined undefined undefined undefined']);
    expect(unmarked.tests.map((t) => t.name)).toEqual(['legacy globals: object object object string']);
  });
});
