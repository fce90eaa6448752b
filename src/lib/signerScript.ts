import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './exitCodes';

/** The file name of the built pre-request script, next to the CLI in dist/. */
export const SIGNER_FILE = 'prerequest.js';

/**
 * The built script in a source checkout: `npm run build` (scripts/build.ts) writes it here, and everything in this
 * repository that needs it (the generator, the harness, the benchmark, the tests) reads it from here.
 */
export const BUILT_SIGNER_SCRIPT = join(__dirname, '..', '..', 'dist', SIGNER_FILE);

/**
 * Where the built pre-request script is: HWC_AUTH_SCRIPT when set (tests, or a locally modified script), else next
 * to this code (dist/cli.js and dist/index.js sit beside dist/prerequest.js), else dist/ of a source checkout.
 */
export function signerScriptPath(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.HWC_AUTH_SCRIPT;
  if (override) return override;
  const candidates = [join(__dirname, SIGNER_FILE), BUILT_SIGNER_SCRIPT];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

/** The built pre-request script's text. */
export function readSignerScript(env: NodeJS.ProcessEnv = process.env): string {
  const path = signerScriptPath(env);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`the built pre-request script is missing at ${path} (run npm run build)`);
  }
}
