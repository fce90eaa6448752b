/**
 * The bench's 12 MB floor in Newman's sandbox (scripts/bench/bundledHashFloor.ts) must really hash the body, or its
 * cost would not bound the signer's from below: the digest it sets is the body's SHA-256, in both sandboxes. Built
 * here as scripts/bench/collections.ts builds it for the bench (test/ never imports scripts/).
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { ROOT } from './harness';
import { eachSandbox } from './helpers';

function floorScript(): string {
  const out = buildSync({
    entryPoints: [join(ROOT, 'scripts', 'bench', 'bundledHashFloor.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'warning',
  }).outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return `"use sandbox2";${out.text}`;
}

eachSandbox('the bench floor for large bodies, the bundled SHA-256 alone', (run) => {
  const script = floorScript();
  test.each([
    ['ASCII JSON of several blocks', JSON.stringify({ items: Array.from({ length: 40 }, (_, i) => ({ id: i, name: `item-${i}` })) })],
    ['text with two-, three- and four-byte characters', `{"note":"größe 大小 😀 ${'x'.repeat(130)}"}`],
  ])('%s: the header holds its SHA-256', async (_name, raw) => {
    const request = { method: 'POST', url: 'https://svc.example.com/v1/upload', header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw } };
    const result = await run({ script, request, environment: {} });
    expect(result.header['x-body-digest']).toBe(createHash('sha256').update(raw, 'utf8').digest('hex'));
  });
});
