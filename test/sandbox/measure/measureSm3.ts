/**
 * SDK-HMAC-SM3 against SDK-HMAC-SHA256 on a 12 MB JSON body inside both real sandboxes: the hash alone
 * (./sm3Entry.ts), then the built script (dist/prerequest.js) signing the body with each algorithm (the same harness as the sandbox tests). Measurement only, no assertion on time: the figures are in
 * docs/sandbox.md. Rounds alternate the two algorithms, since the machine may be busy.
 *
 *   npm run build && tsx test/sandbox/measure/measureSm3.ts
 */
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { SANDBOXES, SandboxRunner, bundleSource } from '../harness';

const ROUNDS = 5;
const ALGORITHMS = ['SDK-HMAC-SHA256', 'SDK-HMAC-SM3'] as const;

async function main(): Promise<void> {
  const item = '{"id":"0123456789","name":"item \u00e9","tags":["a","b"]},';
  const body = '[' + item.repeat(Math.floor((12 * 1024 * 1024 - 2) / (item.length + 1))).slice(0, -1) + ']';
  const script = `var __t0 = Date.now();\n${bundleSource()}\nconsole.log('ms ' + (Date.now() - __t0));`;
  const hashOnly = buildSync({
    entryPoints: [join(__dirname, 'sm3Entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    write: false,
  }).outputFiles[0]!.text;
  for (const kind of SANDBOXES) {
    const runner = await SandboxRunner.create(kind);
    const hashes = await runner.run({ script: hashOnly, request: { method: 'GET', url: 'https://x.example.com/' }, timeoutMs: 300000 });
    console.log(`${kind.name}: the hash alone, 12 MB, ms per round: ${String(hashes.console[0]?.messages[0])}`);
    const times: Record<string, number[]> = { 'SDK-HMAC-SHA256': [], 'SDK-HMAC-SM3': [] };
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const algorithm of ALGORITHMS) {
          const r = await runner.run({
            script,
            request: { method: 'POST', url: 'https://x.example.com/v1/items', body: { mode: 'raw', raw: body, options: { raw: { language: 'json' } } } },
            environment: { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'SK', hwc_signing_date: '20240102T030405Z', hwc_signing_algorithm: algorithm },
          });
          const line = r.console.map((c) => String(c.messages[0])).find((s) => s.startsWith('ms '));
          if (r.tests.length || !line || !String(r.header['authorization']).startsWith(algorithm + ' ')) {
            throw new Error(`run failed: ${JSON.stringify(r.tests)} ${r.consoleText}`);
          }
          times[algorithm]!.push(Number(line.slice(3)));
        }
      }
    } finally {
      runner.dispose();
    }
    const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const sha = median(times['SDK-HMAC-SHA256']!.slice(1));
    const sm3 = median(times['SDK-HMAC-SM3']!.slice(1));
    console.log(`${kind.name}: 12 MB body, whole script, ms per round (first is warm-up)`);
    for (const a of ALGORITHMS) console.log(`  ${a}: ${times[a]!.join(', ')}`);
    console.log(`  median after warm-up: SHA-256 ${sha} ms, SM3 ${sm3} ms, ratio ${(sm3 / sha).toFixed(2)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
