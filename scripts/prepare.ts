/**
 * npm's `prepare` hook: builds dist/ (the script, the CLI, the library and its declarations) unless it is already
 * newer than every input. npm runs `prepare` after `npm ci`/`npm install` in this repository, and when this package
 * is installed from a git URL (in the clone npm makes, twice: after installing its dependencies and before packing
 * it), so a fresh dist/ is not built again. `npm pack` builds unconditionally first (`prepack`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILT_POST_RESPONSE_SCRIPT, BUILT_READABLE_POST_RESPONSE_SCRIPT, BUILT_READABLE_SIGNER_SCRIPT, BUILT_SIGNER_SCRIPT } from '../src/lib/signerScript';
import { buildScripts } from './build';
import { buildLib } from './build-lib';

const ROOT = join(__dirname, '..');
const OUTPUTS = [
  BUILT_SIGNER_SCRIPT,
  BUILT_READABLE_SIGNER_SCRIPT,
  BUILT_POST_RESPONSE_SCRIPT,
  BUILT_READABLE_POST_RESPONSE_SCRIPT,
  ...['cli.js', 'index.js', 'types/index.d.ts'].map((f) => join(ROOT, 'dist', f)),
];
const INPUTS = ['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.lib.json'].map((p) => join(ROOT, p));

function newest(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newest(join(path, name))), st.mtimeMs);
}

/** True when an output is missing or older than the newest input. */
export function distIsStale(): boolean {
  if (!OUTPUTS.every((p) => existsSync(p))) return true;
  const built = Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs));
  return INPUTS.filter((p) => existsSync(p)).some((p) => newest(p) > built);
}

if (require.main === module) {
  if (!distIsStale()) {
    console.log('dist/ is up to date');
  } else {
    buildScripts()
      .then(() => buildLib())
      .then(
        () => console.log('built dist/'),
        (e: unknown) => {
          console.error(e);
          process.exitCode = 1;
        },
      );
  }
}
