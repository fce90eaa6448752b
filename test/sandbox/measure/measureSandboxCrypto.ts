/**
 * Measures SHA-256 candidates for the pre-request script inside both real sandboxes (postman-sandbox 4.7.1 as
 * Newman runs it, 6.7.4 as the Postman app / CLI run it) on a 12 MB JSON body, and the whole built script signing
 * that body. Not the official benchmark (scripts/bench.ts); this is what chose src/sandbox/sandboxCrypto.ts.
 *
 * A measurement over the sandbox test harness (../harness.ts), so it lives beside it, not in scripts/.
 *
 *   npm run build && tsx test/sandbox/measure/measureSandboxCrypto.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SANDBOXES, SandboxRunner, bundleSource } from '../harness';

const ROOT = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const out = join(mkdtempSync(join(tmpdir(), 'hwc-measure-')), 'measure.js');
  // bundled the way dist/prerequest.js is, by the build script itself (run, not imported: test/ never imports scripts/)
  execFileSync(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'build.ts'), '--entry', join(__dirname, 'sandboxCryptoEntry.ts'), '--outfile', out], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const measureScript = readFileSync(out, 'utf8');

  const item = '{"id":"0123456789","name":"item","tags":["a","b"]},';
  const body = '[' + item.repeat(Math.floor((12 * 1024 * 1024 - 2) / item.length)).slice(0, -1) + ']';
  const timed = (label: string) =>
    `var __t0 = Date.now();\n${bundleSource()}\nconsole.log(${JSON.stringify(label)} + ' ' + (Date.now() - __t0));`;
  const env = {
    HUAWEICLOUD_SDK_AK: 'AK',
    HUAWEICLOUD_SDK_SK: 'SK',
    hwc_signing_date: '20240102T030405Z',
    // x.example.com is no Huawei Cloud host: allowed here, as the sandbox tests do (test/sandbox/helpers.ts).
    hwc_auth_hosts: 'x.example.com',
  };

  for (const kind of SANDBOXES) {
    const runner = await SandboxRunner.create(kind);
    try {
      const m = await runner.run({ script: measureScript, request: { method: 'GET', url: 'https://x.example.com/' } });
      console.log(`${kind.name}: ${m.console.map((c) => c.messages.join(' ')).join('\n')}`);
      for (const [label, size] of [['script, 12 MB JSON body', body], ['script, 2-byte body', '{}']] as const) {
        const times: number[] = [];
        for (let i = 0; i < 4; i++) {
          const r = await runner.run({
            script: timed(label),
            request: { method: 'POST', url: 'https://x.example.com/v1/items', body: { mode: 'raw', raw: size, options: { raw: { language: 'json' } } } },
            environment: env,
          });
          const line = r.console.map((c) => String(c.messages[0])).find((s) => s.startsWith(label));
          if (r.tests.length || !line) throw new Error(`run failed: ${JSON.stringify(r.tests)} ${r.consoleText}`);
          times.push(Number(line.slice(label.length + 1)));
        }
        console.log(`${kind.name}: ${label}: ${times.join(', ')} ms (inside the sandbox, first run includes warm-up)`);
      }
    } finally {
      runner.dispose();
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
