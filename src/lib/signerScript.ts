import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './exitCodes';
import { withoutBuildCommit } from './signerBlock';

/** The file names of the built pre-request script, next to the CLI in dist/: the paste form and the readable build. */
export const SIGNER_FILE = 'prerequest.js';
export const READABLE_SIGNER_FILE = 'prerequest.readable.js';
/** The same for its companion, the post-response script (the collection's Post-response / Tests tab). */
export const POST_RESPONSE_FILE = 'postresponse.js';
export const READABLE_POST_RESPONSE_FILE = 'postresponse.readable.js';

/**
 * The built script in a source checkout: `npm run build` (scripts/build.ts) writes it here, and everything in this
 * repository that needs it (the generator, the harness, the benchmark, the tests) reads it from here.
 */
export const BUILT_SIGNER_SCRIPT = join(__dirname, '..', '..', 'dist', SIGNER_FILE);
export const BUILT_READABLE_SIGNER_SCRIPT = join(__dirname, '..', '..', 'dist', READABLE_SIGNER_FILE);
export const BUILT_POST_RESPONSE_SCRIPT = join(__dirname, '..', '..', 'dist', POST_RESPONSE_FILE);
export const BUILT_READABLE_POST_RESPONSE_SCRIPT = join(__dirname, '..', '..', 'dist', READABLE_POST_RESPONSE_FILE);

/**
 * The paste form committed to the repository, where someone browsing it finds the script without building anything:
 * `npm run generate` writes it (pasteScriptCopy of the build), and a test fails when it is stale.
 */
export const PASTE_SCRIPT_COPY = join(__dirname, '..', '..', 'paste', SIGNER_FILE);
/** The post-response script's committed copy, beside it. */
export const PASTE_POST_RESPONSE_COPY = join(__dirname, '..', '..', 'paste', POST_RESPONSE_FILE);

/** The committed copy's text: the paste form with its banner's build commit dropped, as the collections embed it. */
export function pasteScriptCopy(built: string): string {
  return withoutBuildCommit(built);
}

/**
 * Where the built pre-request script is: HWC_AUTH_SCRIPT when set (tests, or a locally modified script), else next
 * to this code (dist/cli.js and dist/index.js sit beside dist/prerequest.js), else dist/ of a source checkout.
 * `readable`: the readable build instead of the paste form (HWC_AUTH_SCRIPT does not apply).
 */
export function signerScriptPath(env: NodeJS.ProcessEnv = process.env, readable = false): string {
  const override = env.HWC_AUTH_SCRIPT;
  if (override && !readable) return override;
  const file = readable ? READABLE_SIGNER_FILE : SIGNER_FILE;
  const candidates = [join(__dirname, file), join(__dirname, '..', '..', 'dist', file)];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

/** The built pre-request script's text: the paste form, or the readable build. */
export function readSignerScript(env: NodeJS.ProcessEnv = process.env, readable = false): string {
  const path = signerScriptPath(env, readable);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`the built pre-request script is missing at ${path} (run npm run build)`);
  }
}

/**
 * Where the built post-response script is: HWC_AUTH_POST_RESPONSE_SCRIPT when set (tests), else next to this code,
 * else dist/ of a source checkout, like the pre-request script.
 */
export function postResponseScriptPath(env: NodeJS.ProcessEnv = process.env, readable = false): string {
  const override = env.HWC_AUTH_POST_RESPONSE_SCRIPT;
  if (override && !readable) return override;
  const file = readable ? READABLE_POST_RESPONSE_FILE : POST_RESPONSE_FILE;
  const candidates = [join(__dirname, file), join(__dirname, '..', '..', 'dist', file)];
  return candidates.find((p) => existsSync(p)) ?? (candidates[0] as string);
}

/** The built post-response script's text: the paste form, or the readable build. */
export function readPostResponseScript(env: NodeJS.ProcessEnv = process.env, readable = false): string {
  const path = postResponseScriptPath(env, readable);
  try {
    return readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`the built post-response script is missing at ${path} (run npm run build)`);
  }
}
