/**
 * Builds the two scripts (paths: src/lib/signerScript.ts), each an esbuild bundle as ONE function expression (IIFE):
 * the pre-request script from src/sandbox/main.ts and its companion, the post-response script, from
 * src/sandbox/response/postresponse.ts. Each twice:
 * - dist/<name>.readable.js: not minified, for audits and debugging;
 * - dist/<name>.js, the paste form: the same bundle minified to a handful of lines, with a banner naming the
 *   SHA-256 of the readable build. It is what users paste, `hwc-auth print` prints and every collection embeds: the
 *   Postman app stores a pasted script line by line, and Newman pays for every line on every request.
 * The IIFE matters: Newman's sandbox predeclares CryptoJS, _, atob ... in script scope, so a top-level `const` of the
 * same name would be a SyntaxError there. Checks on the output itself live in test/bundle/bundle.test.ts.
 *
 *   tsx scripts/build.ts                      build both into dist/
 *   tsx scripts/build.ts --outfile x [--entry e]  one readable bundle elsewhere (e.g. a measurement bundle)
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { SECRET_VARIABLE_NAMES, VARIABLES, type VariableSpec } from '../src/core/variables';
import {
  BUILT_POST_RESPONSE_SCRIPT,
  BUILT_READABLE_POST_RESPONSE_SCRIPT,
  BUILT_READABLE_SIGNER_SCRIPT,
  BUILT_SIGNER_SCRIPT,
  POST_RESPONSE_FILE,
  READABLE_POST_RESPONSE_FILE,
  READABLE_SIGNER_FILE,
  SIGNER_FILE,
} from '../src/lib/signerScript';
import { NON_LEGACY_MARKER } from '../src/lib/signerBlock';

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


function packageInfo(): { name: string; version: string } {
  return JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
}

/** One of the scripts this builds: its entry, its two output files, and what its banners say. */
export interface ScriptBuild {
  entry: string;
  pasteFile: string;
  readableFile: string;
  /** The readable build's banner lines between its title line and the docs line. */
  about: string[];
  /** The paste form's first-line summary and second line. */
  summary: string;
  pasteHow: string;
  /** How to print the readable build. */
  printReadable: string;
}

export const PRE_REQUEST_BUILD: ScriptBuild = {
  entry: join(ROOT, 'src', 'sandbox', 'main.ts'),
  pasteFile: BUILT_SIGNER_SCRIPT,
  readableFile: BUILT_READABLE_SIGNER_SCRIPT,
  about: [
    'the pre-request script, readable build (for audits and debugging).',
    'Huawei Cloud request authentication for Postman and Newman: signs every request with SDK-HMAC-SHA256 (AK/SK)',
    `or adds an IAM token (X-Auth-Token). Paste ${SIGNER_FILE} (the same code minified; its banner names this`,
    "file's SHA-256) as the collection pre-request script; this one works too but costs more per request.",
    'Variables: HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (+ _SECURITY_TOKEN, _PROJECT_ID, _DOMAIN_ID), hwc_auth_mode.',
  ],
  summary: 'Huawei Cloud AK/SK signing and IAM tokens for Postman and Newman.',
  pasteHow: 'Paste as the collection pre-request script. Variables and docs: README.md of huaweicloud-postman-auth.',
  printReadable: 'npx hwc-auth print --readable',
};

export const POST_RESPONSE_BUILD: ScriptBuild = {
  entry: join(ROOT, 'src', 'sandbox', 'response', 'postresponse.ts'),
  pasteFile: BUILT_POST_RESPONSE_SCRIPT,
  readableFile: BUILT_READABLE_POST_RESPONSE_SCRIPT,
  about: [
    'the post-response script, readable build (for audits and debugging).',
    "The pre-request script's companion, for the collection's Post-response (Tests) tab: explains a rejected signature,",
    "corrects clock skew, stops an AK before the gateway locks it, recovers a revoked IAM token. Paste",
    `${POST_RESPONSE_FILE} (the same code minified; its banner names this file's SHA-256); this one works too.`,
  ],
  summary: 'the post-response script: signature doctor, clock skew, lockout guard, token recovery.',
  pasteHow: 'Paste as the collection post-response (Tests) script, beside the pre-request script. Docs: README.md of huaweicloud-postman-auth.',
  printReadable: 'npx hwc-auth print --post-response --readable',
};

/**
 * Both builds start with Postman's non-legacy marker (src/lib/signerBlock.ts): the sandbox sets up no legacy globals for
 * the script box, which saves time on every request; the banner says what that means for code added to the same box.
 */
const NON_LEGACY_NOTE =
  `${NON_LEGACY_MARKER} first: Postman sets up no legacy globals (tests[...], postman.*, responseBody) for this box; code that uses them goes in another.`;

/** The readable build's banner. No commit in it: its SHA-256, named by the paste form, changes only with the code. */
export function readableBanner(script: ScriptBuild = PRE_REQUEST_BUILD): string {
  const pkg = packageInfo();
  const [title, ...rest] = script.about;
  return [
    `${NON_LEGACY_MARKER}/*!`,
    ` * ${pkg.name} ${pkg.version}: ${title ?? ''}`,
    ...rest.map((line) => ` * ${line}`),
    ` * ${NON_LEGACY_NOTE}`,
    ' * Docs: README.md and docs/sandbox.md of huaweicloud-postman-auth. Generated file: do not edit, rebuild.',
    ' */',
  ].join('\n');
}

/** The paste form's banner: three lines (each line of a pasted script costs every request). */
export function pasteBanner(readableSha256: string, script: ScriptBuild = PRE_REQUEST_BUILD): string {
  const pkg = packageInfo();
  const commit = gitCommit();
  const readableName = script.readableFile.slice(script.readableFile.lastIndexOf(sep) + 1);
  return [
    `${NON_LEGACY_MARKER}/*! ${pkg.name} ${pkg.version}${commit ? ` (commit ${commit})` : ''}: ${script.summary}`,
    ` * ${script.pasteHow} ${NON_LEGACY_NOTE}`,
    ` * Minified from ${readableName} (sha256 ${readableSha256}), the same code readable: \`${script.printReadable}\`. */`,
  ].join('\n');
}

/**
 * The variable registry (src/core/variables.ts) inlined into the scripts: in their sources `V.ak.name` (or
 * `VARIABLES.ak.name`, `.default`) becomes the registry's own value, "HUAWEICLOUD_SDK_AK", and SECRET_VARIABLE_NAMES
 * its list, at build time. The registry object, with the kind, modes and secret flag of every variable for the CLI
 * and the docs, then stays out of a script that only reads names: about 4 KB of text, and 40 objects built at every
 * execution (the post-response script reads a dozen names; each request pays for its text, docs/benchmarks.md).
 * A key the registry does not have fails the build; test/bundle/bundle.test.ts checks that it is gone.
 */
function inlineVariableRegistry(): Plugin {
  return {
    name: 'inline-variable-registry',
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/](sandbox|core)[\\/].+\.ts$/ }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        if (args.path === REGISTRY_FILE || !/^import [^;]+ from '[./]+\/(core\/)?variables';$/m.test(source)) return undefined;
        const contents = source
          .replace(/\b(?:V|VARIABLES)\.(\w+)\.(name|default)\b/g, (_match, key: string, field: 'name' | 'default') => {
            const spec = (VARIABLES as Record<string, VariableSpec>)[key];
            const value = spec?.[field];
            if (value === undefined) throw new Error(`${args.path}: the variable registry has no ${key}.${field}`);
            return JSON.stringify(value);
          })
          .replace(/^(?!import ).*\bSECRET_VARIABLE_NAMES\b.*$/gm, (line) => line.replace(/\bSECRET_VARIABLE_NAMES\b/g, JSON.stringify(SECRET_VARIABLE_NAMES)));
        return { contents, loader: 'ts' };
      });
    },
  };
}

const REGISTRY_FILE = join(ROOT, 'src', 'core', 'variables.ts');

/** The esbuild options both builds share: one IIFE for a neutral platform, allow-listed requires left as they are. */
function bundle(entry: string, minify: boolean, bannerText: string) {
  return build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    minify,
    // Template literals keep their newlines as real line breaks; as strings with \n the minified code is one line.
    ...(minify && { supported: { 'template-literal': false } }),
    sourcemap: false,
    charset: 'utf8',
    legalComments: 'inline',
    external: SANDBOX_REQUIRE_ALLOW_LIST,
    mainFields: ['main', 'module'],
    banner: { js: bannerText },
    plugins: [inlineVariableRegistry()],
    logLevel: 'warning',
    write: false,
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no output');
    return minify ? strictInsideMinifiedIife(file.text) : moveStrictIntoIife(file.text);
  });
}

/** Builds one readable bundle of `entry` (measurement bundles, or the readable build itself). */
export async function buildReadable(entry: string, outfile: string, script: ScriptBuild = PRE_REQUEST_BUILD): Promise<string> {
  const code = await bundle(entry, false, readableBanner(script));
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, code);
  return code;
}

/** Builds a script's readable build, then its paste form naming the readable build's SHA-256. */
export async function buildScript(script: ScriptBuild): Promise<void> {
  const readable = await buildReadable(script.entry, script.readableFile, script);
  const sha = createHash('sha256').update(readable, 'utf8').digest('hex');
  writeFileSync(script.pasteFile, await bundle(script.entry, true, pasteBanner(sha, script)));
}

/** dist/prerequest(.readable).js and dist/postresponse(.readable).js. */
export async function buildScripts(): Promise<void> {
  await buildScript(PRE_REQUEST_BUILD);
  await buildScript(POST_RESPONSE_BUILD);
}

/** Minified, esbuild writes `"use strict";(()=>{...})();`: move the directive inside the function (see below). */
function strictInsideMinifiedIife(code: string): string {
  const moved = code.replace(/^"use strict";\(\(\)=>\{/m, '(()=>{"use strict";');
  if (!/^\(\(\)=>\{"use strict";/m.test(moved) || !/\}\)\(\);\s*$/.test(moved)) throw new Error('minified bundle is not one IIFE');
  return moved;
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
  const done = outfile ? buildReadable(entry ?? PRE_REQUEST_BUILD.entry, outfile) : buildScripts();
  done.then(
    () =>
      console.log(
        `built ${outfile ?? `dist/${SIGNER_FILE}, dist/${READABLE_SIGNER_FILE}, dist/${POST_RESPONSE_FILE} and dist/${READABLE_POST_RESPONSE_FILE}`}`,
      ),
    (err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    },
  );
}
