import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collection, ensureBuilt, runCli, tempDir, writeJson } from './helpers';

/**
 * Error messages never echo a file's content or a header's value: both can be nothing but a secret. Each case is a
 * mistake a user makes with a secret in hand; the message must say what is wrong and where, and show none of it.
 */
ensureBuilt();
const SECRET = 'Sup3rS3cretTokenValue-0123456789';
const dir = tempDir('error-text');

function expectNoSecret(output: string): void {
  expect(output).not.toContain(SECRET.slice(0, 6));
  expect(output).not.toContain(SECRET.slice(-6));
}

describe('no file content and no header value in an error message', () => {
  const secretOnly = join(dir, 'secret-only.json');
  const secretInside = join(dir, 'secret-inside.json');
  const good = join(dir, 'good.postman_collection.json');
  beforeAll(() => {
    writeFileSync(secretOnly, SECRET);
    writeFileSync(secretInside, `{\n  "values": [{ "key": "pw", "value": ${SECRET} }]\n}`);
    writeJson(good, collection('good', []));
  });

  it.each([
    ['a collection', (f: string) => ['run', f]],
    ['an environment', (f: string) => ['run', good, '-e', f]],
    ['a globals file', (f: string) => ['run', good, '-g', f]],
    ['a collection to inject', (f: string) => ['inject', f]],
  ])('%s that is not JSON: the file, the place, no content', async (_what, args) => {
    for (const file of [secretOnly, secretInside]) {
      const r = await runCli(args(file));
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file} is not valid JSON`);
      expectNoSecret(r.stdout + r.stderr);
    }
    const inside = await runCli(args(secretInside));
    expect(inside.stderr).toMatch(/line 2, column \d+/);
  });

  it('an iteration data file holding only a secret (neither JSON nor CSV)', async () => {
    const file = join(dir, 'data.csv');
    writeFileSync(file, `"${SECRET}`);
    const r = await runCli(['run', good, '-d', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/iteration data file .* is neither JSON nor valid CSV/);
    expectNoSecret(r.stdout + r.stderr);
  });

  it("hwc-auth sign -H 'X-Auth-Token <token>' (colon missing): which -H, not its value", async () => {
    const r = await runCli(['sign', '--url', 'https://x.example.com/', '-H', 'Accept: */*', '-H', `X-Auth-Token ${SECRET}`], {
      env: { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'sk-value-0123456789' },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/-H header #2 is not 'Name: value' \(no colon\)/);
    expectNoSecret(r.stdout + r.stderr);
  });

  it('hwc-auth run --env-var <secret> (key= missing): which --env-var, not its value', async () => {
    const r = await runCli(['run', good, '--env-var', 'a=b', '--env-var', SECRET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--env-var #2 is not key=value/);
    expectNoSecret(r.stdout + r.stderr);
  });
});
