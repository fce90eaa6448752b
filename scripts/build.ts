/**
 * Builds dist/prerequest.js (BUILT_SIGNER_SCRIPT in src/lib/signerScript.ts), the one pre-request script users paste into a collection (or `generate` embeds): an
 * esbuild bundle of src/sandbox/main.ts as ONE function expression (IIFE), not minified, with a banner. The IIFE
 * matters: Newman's sandbox predeclares CryptoJS, _, atob ... in script scope, so a top-level `const` of the same
 * name would be a SyntaxError there. Checks on the output itself live in test/bundle/bundle.test.ts.
 *
 *   tsx scripts/build.ts             build dist/prerequest.js
 *   tsx scripts/build.ts --outfile x build elsewhere (e.g. a measurement bundle)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { BUILT_SIGNER_SCRIPT } from '../src/lib/signerScript';

const ROOT = join(__dirname, '..');

/** Modules the Postman sandboxes let a script require (both 4.7.1 and 6.7.4); anything else must be bundled. */
export const SANDBOX_REQUIRE_ALLOW_LIST = [
  'crypto-js', 'lodash', 'moment', 'uuid', 'chai', 'ajv', 'tv4', 'xml2js', 'cheerio', 'csv-parse/lib/sync',
  'postman-collection', 'atob', 'btoa', 'buffer', 'url', 'util', 'events', 'path', 'querystring', 'punycode',
  'string_decoder', 'timers', 'assert',
];

function gitCommit(): string | undefined {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src/core', 'src/sandbox'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return commit + (dirty ? '+dirty' : '');
  } catch {
    return undefined;
  }
}

export function banner(): string {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  const commit = gitCommit();
  return [
    '/*!',
    ` * ${pkg.name} ${pkg.version}${commit ? ` (commit ${commit})` : ''}`,
    ' * Huawei Cloud request authentication for Postman and Newman: signs every request with SDK-HMAC-SHA256 (AK/SK)',
    ' * or adds an IAM token (X-Auth-Token). Paste as the collection pre-request script.',
    ' * Variables: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (+ _SECURITY_TOKEN, _PROJECT_ID, _DOMAIN_ID), hwc_auth_mode.',
    ' * Docs: README.md and docs/sandbox.md of huaweicloud-postman-auth. Generated file: do not edit, rebuild.',
    ' */',
  ].join('\n');
}

export async function buildPrerequest(
  entry = join(ROOT, 'src', 'sandbox', 'main.ts'),
  outfile = BUILT_SIGNER_SCRIPT,
): Promise<void> {
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    minify: false,
    sourcemap: false,
    charset: 'utf8',
    legalComments: 'inline',
    external: SANDBOX_REQUIRE_ALLOW_LIST,
    mainFields: ['main', 'module'],
    banner: { js: banner() },
    logLevel: 'warning',
    write: false,
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output');
    writeFileSync(outfile, moveStrictIntoIife(file.text));
  });
}

/**
 * esbuild puts "use strict" before the IIFE; move it inside, so the script's first statement is the function and
 * nothing depends on how a sandbox wraps the script text.
 */
function moveStrictIntoIife(code: string): string {
  const moved = code.replace(/^"use strict";\n\(\(\) => \{\n/m, '(() => {\n  "use strict";\n');
  if (!/^\(\(\) => \{$/m.test(moved) || !/^\}\)\(\);\s*$/m.test(moved)) throw new Error('bundle is not one IIFE');
  return moved;
}

if (require.main === module) {
  const i = process.argv.indexOf('--outfile');
  const outfile = i > 0 ? process.argv[i + 1] : undefined;
  const entryIndex = process.argv.indexOf('--entry');
  const entry = entryIndex > 0 ? process.argv[entryIndex + 1] : undefined;
  buildPrerequest(entry ?? undefined, outfile ?? undefined).then(
    () => console.log(`built ${outfile ?? 'dist/prerequest.js'}`),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
