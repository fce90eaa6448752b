import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { BUILT_POST_RESPONSE_SCRIPT, BUILT_READABLE_SIGNER_SCRIPT, BUILT_SIGNER_SCRIPT } from '../../src/lib/signerScript';

/** In-memory collections for the benchmark: the same requests, with the built signer or a trivial script. */

/** The paste form (what users paste and collections embed) and the readable build. */
export const SIGNER_SCRIPT = readFileSync(BUILT_SIGNER_SCRIPT, 'utf8');
export const READABLE_SIGNER_SCRIPT = readFileSync(BUILT_READABLE_SIGNER_SCRIPT, 'utf8');
/** The floor: about the least a script can do and still sign (minimalSigner.js, CryptoJS; see its header). */
export const MINIMAL_SIGNER_SCRIPT = readFileSync(join(__dirname, 'minimalSigner.js'), 'utf8');
/** The baseline: a pre-request script that does almost nothing but still runs in the sandbox. */
export const TRIVIAL_SCRIPT = "pm.request.headers.upsert({ key: 'X-Trivial', value: '1' });";
/**
 * The script text alone: the trivial script followed by a comment that makes it as long as the paste form. Newman's
 * sandbox is handed, and compiles, a script's whole text at every execution (docs/benchmarks.md).
 */
export const PADDED_TRIVIAL_SCRIPT = `${TRIVIAL_SCRIPT}/*${'x'.repeat(Math.max(0, SIGNER_SCRIPT.length - TRIVIAL_SCRIPT.length - 4))}*/`;
/**
 * The paste form evaluated but not run: its last statement, the call that signs, replaced by the trivial script's. What
 * every request pays for the code of all five modes before the chosen one runs (the text, compiling, the top level).
 */
export const EVALUATED_ONLY_SCRIPT = withoutRun(SIGNER_SCRIPT);
function withoutRun(script: string): string {
  const call = /[A-Za-z_$][\w$]*\(pm\);\}\)\(\);\s*$/;
  if (!call.test(script)) throw new Error('the paste form no longer ends with its run(pm) call: update EVALUATED_ONLY_SCRIPT');
  return script.replace(call, `${TRIVIAL_SCRIPT}})();\n`);
}
/** The 12 MB floor in sandbox 6.x: the body encoded and hashed by WebCrypto, nothing else (webCryptoFloor.js). */
export const WEBCRYPTO_FLOOR_SCRIPT = readFileSync(join(__dirname, 'webCryptoFloor.js'), 'utf8');
/**
 * The 12 MB floor in Newman's sandbox (4.x): the body hashed by the signer's bundled SHA-256, nothing else
 * (bundledHashFloor.ts), built here as one minified function expression with the paste form's marker.
 */
export const BUNDLED_HASH_FLOOR_SCRIPT = buildBundledHashFloor();
function buildBundledHashFloor(): string {
  const out = buildSync({
    entryPoints: [join(__dirname, 'bundledHashFloor.ts')],
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2020',
    minify: true,
    write: false,
    logLevel: 'warning',
  }).outputFiles[0];
  if (!out) throw new Error('esbuild produced no output for bundledHashFloor.ts');
  return `"use sandbox2";${out.text}`;
}
/** The post-response script's paste form (the collection's Post-response / Tests tab). */
export const POST_RESPONSE_SCRIPT = readFileSync(BUILT_POST_RESPONSE_SCRIPT, 'utf8');
/** Its baseline: a test script that reads the response and does nothing else, but still runs in the sandbox. */
export const TRIVIAL_TEST_SCRIPT = 'if (pm.response.code >= 300) console.log(pm.response.code);';

type Item = Record<string, unknown>;

/** 300 requests mixing methods, query strings, path variables, and raw JSON, text and urlencoded bodies. */
export function mixedItems(count: number): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < count; i++) {
    const kind = i % 5;
    const name = `request ${i}`;
    if (kind === 0) {
      items.push({ name, request: { method: 'GET', url: `{{baseUrl}}/v1/{{projectId}}/vpcs?limit=${i}&marker=m-${i}&name=a b` } });
    } else if (kind === 1) {
      items.push({
        name,
        request: {
          method: 'POST',
          url: '{{baseUrl}}/v1/{{projectId}}/servers',
          header: [{ key: 'Content-Type', value: 'application/json' }],
          body: { mode: 'raw', raw: JSON.stringify({ server: { name: `vm-${i}`, flavorRef: 's6.small.1', tags: ['a', 'b'], n: i }, pad: 'x'.repeat(512) }), options: { raw: { language: 'json' } } },
        },
      });
    } else if (kind === 2) {
      items.push({ name, request: { method: 'PUT', url: '{{baseUrl}}/v2/items/:id?x=1&x=2', body: { mode: 'urlencoded', urlencoded: [{ key: 'a', value: String(i) }, { key: 'b', value: 'ü+*~' }, { key: 'a', value: 'z' }] } } });
    } else if (kind === 3) {
      items.push({ name, request: { method: 'DELETE', url: `{{baseUrl}}/v1/{{projectId}}/vpcs/vpc-${i}`, header: [{ key: 'X-Client', value: 'bench' }] } });
    } else {
      items.push({ name, request: { method: 'PATCH', url: '{{baseUrl}}/v1/{{projectId}}/notes', body: { mode: 'raw', raw: `note ${i} {{$guid}}` } } });
    }
  }
  return items;
}

/**
 * How a script is stored in the collection: as one `exec` element (as the generator and `hwc-auth inject` embed it), or
 * line by line (what the Postman app writes when a user pastes the script, then exports or shares the collection).
 */
export type Stored = 'one element' | 'line by line';

function execOf(script: string, stored: Stored): string[] {
  return stored === 'one element' ? [script] : script.replace(/\n$/, '').split('\n');
}

/** `testScript`: a collection-level test (post-response) script too, stored as one element like the generator's. */
export function collection(name: string, script: string, items: Item[], stored: Stored = 'one element', testScript?: string): Record<string, unknown> {
  const event: Array<Record<string, unknown>> = [{ listen: 'prerequest', script: { type: 'text/javascript', exec: execOf(script, stored) } }];
  if (testScript !== undefined) event.push({ listen: 'test', script: { type: 'text/javascript', exec: execOf(testScript, 'one element') } });
  return {
    info: { name, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event,
    item: items,
  };
}

export function environment(values: Record<string, string>): Record<string, unknown> {
  return { name: 'bench', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) };
}
