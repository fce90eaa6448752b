/**
 * The core and the sandbox adapter compile with no Node and no DOM types (tsconfig.core.json): a `process`,
 * `Buffer`, `require` or `TextEncoder` slipping into code bound for the Postman sandboxes is a compile error here,
 * before any bundle exists.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

test('src/core and src/sandbox type-check without Node or DOM types', () => {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.core.json')], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
