/**
 * Checks on the artifacts built by `npm run build`: dist/prerequest.js, the paste form users paste into Postman, and
 * dist/prerequest.readable.js, the same code readable; likewise the post-response script, dist/postresponse.js and
 * dist/postresponse.readable.js. Sandbox-safe by construction, not by memory.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import ts from 'typescript';

const ROOT = join(__dirname, '..', '..');
const PASTE = join(ROOT, 'dist', 'prerequest.js');
const READABLE = join(ROOT, 'dist', 'prerequest.readable.js');
const POST_PASTE = join(ROOT, 'dist', 'postresponse.js');
const POST_READABLE = join(ROOT, 'dist', 'postresponse.readable.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The Postman sandboxes' require allow-list (postman-runtime reference); this script needs none of it today. */
const ALLOWED_REQUIRES = [
  'crypto-js', 'lodash', 'moment', 'uuid', 'chai', 'ajv', 'tv4', 'xml2js', 'cheerio', 'csv-parse/lib/sync',
  'postman-collection', 'atob', 'btoa', 'buffer', 'url', 'util', 'events', 'path', 'querystring', 'punycode',
  'string_decoder', 'timers', 'assert',
];

describe.each([
  ['dist/prerequest.js (paste form)', PASTE, true],
  ['dist/prerequest.readable.js', READABLE, true],
  ['dist/postresponse.js (paste form)', POST_PASTE, false],
  ['dist/postresponse.readable.js', POST_READABLE, false],
])('%s', (name, path, hashes) => {
  const code = readFileSync(path, 'utf8');
  /** The code without comments and string/template/regex literals' contents would be ideal; comments suffice here. */
  const codeOnly = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const sizeKb = (statSync(path).size / 1024).toFixed(1);

  test(`size ${sizeKb} KB (under 200 KB)`, () => {
    console.log(`${name}: ${statSync(path).size} bytes, ${code.split('\n').length} lines`);
    expect(statSync(path).size).toBeLessThan(200 * 1024);
  });

  test('starts with a banner: name, version, docs pointer', () => {
    const banner = code.slice(0, code.indexOf('*/') + 2);
    // Postman's non-legacy marker first (src/lib/signerBlock.ts), then the banner.
    expect(banner.startsWith('"use sandbox2";/*!')).toBe(true);
    expect(banner).toContain(`${pkg.name} ${pkg.version}`);
    expect(banner).toMatch(/README/);
  });

  test('defines no class: each evaluation would make new prototypes (src/core/namedError.ts)', () => {
    // The sandboxes evaluate the script anew for every request; its six classes cost about 0.3 ms an execution in
    // Newman's sandbox (docs/sandbox.md, "No classes"). Errors are made by functions, records are objects of functions.
    const classes: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) classes.push(node.getText().slice(0, 60));
      ts.forEachChild(node, visit);
    };
    visit(ts.createSourceFile(name, code, ts.ScriptTarget.ES2020, true, ts.ScriptKind.JS));
    expect(classes).toEqual([]);
  });

  test('is one IIFE: nothing declared at script scope (Newman predeclares CryptoJS, _, ...)', () => {
    const body = code.slice(code.indexOf('*/') + 2).trim();
    expect(body).toMatch(/^\(\(\) ?=> ?\{\s*"use strict";/);
    expect(body.endsWith('})();')).toBe(true);
    // Every line at column 0 between the first and last is inside the function: the bundle is indented by esbuild
    // (the paste form is one line).
    const lines = body.split('\n').slice(1, -1);
    expect(lines.filter((l) => /^\S/.test(l))).toEqual([]);
    // And it compiles as a classic script (no top-level await, no import/export).
    expect(() => new Script(code, { filename: 'prerequest.js' })).not.toThrow();
  });

  test('compiles when Newman-style legacy globals are predeclared in the same scope', () => {
    const legacy = 'let _, CryptoJS, atob, btoa, tv4, xml2Json, Backbone, cheerio, request, data, environment, globals, iteration, postman, tests;\n';
    expect(() => new Script(legacy + code)).not.toThrow();
  });

  test('requires only allow-listed modules, as plain require calls', () => {
    const required = [...codeOnly.matchAll(/\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g)].map((m) => m[2]!);
    for (const name of required) expect(ALLOWED_REQUIRES).toContain(name);
    // No computed require and no esbuild __require shim.
    expect(codeOnly).not.toMatch(/\brequire\s*\(\s*[^'"\s]/);
    expect(codeOnly).not.toMatch(/__require/);
  });

  test('uses no Node or browser-only globals: process, globalThis, fetch, node: modules', () => {
    for (const name of ['process', 'globalThis', 'TextDecoder', 'fetch', 'structuredClone']) {
      expect(codeOnly).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    expect(codeOnly).not.toMatch(/['"]node:/);
  });

  if (hashes) {
    test("uses sandbox 6.x's WebCrypto and TextEncoder only after checking they exist (Newman's sandbox has neither)", () => {
      // One place reads them: after `typeof crypto` and `typeof TextEncoder` checks.
      // (minified, `typeof x === "undefined"` is `typeof x>"u"`)
      const cryptoCheck = /typeof crypto ?(?:[=!]==? ?"undefined"|>"u")/;
      const encoderCheck = /typeof TextEncoder ?(?:[=!]==? ?"undefined"|>"u")/;
      expect(codeOnly).toMatch(cryptoCheck);
      expect(codeOnly).toMatch(encoderCheck);
      const uses = [...codeOnly.matchAll(/\bnew TextEncoder\b|\bcrypto\.subtle\b|\bcrypto ?&& ?crypto\.subtle\b/g)];
      expect(uses.length).toBeGreaterThan(0);
      const guard = Math.max(codeOnly.search(cryptoCheck), codeOnly.search(encoderCheck));
      for (const use of uses) expect(use.index).toBeGreaterThan(guard);
    });
  } else {
    test('hashes nothing: no WebCrypto, no TextEncoder (the post-response script gets the SK fingerprint from the pre-request script)', () => {
      expect(codeOnly).not.toMatch(/\bcrypto\b|\bTextEncoder\b/);
    });
  }

  test("holds the variables' names, not the registry: no kind, modes or secret flag (scripts/build.ts inlines them)", () => {
    expect(codeOnly).toContain('"hwc_request_auth"');
    expect(codeOnly).not.toMatch(/kind:\s*"(sdk|setting|state)"/);
    expect(codeOnly).not.toMatch(/modes:\s*\[/);
  });

  test('has no top-level await and calls pm.sendRequest only with a callback', () => {
    expect(() => new Function(code)).not.toThrow(); // a top-level await would be a SyntaxError in a plain function
    const calls = [...codeOnly.matchAll(/\.sendRequest\(([^;]*?),\s*\(/g)];
    const all = [...codeOnly.matchAll(/\.sendRequest\(/g)];
    expect(all.length).toBe(calls.length);
  });

});

describe.each([
  ['the pre-request script', PASTE, READABLE, 'prerequest.readable.js', /\/\/ src\/sandbox\/main\.ts/],
  ['the post-response script', POST_PASTE, POST_READABLE, 'postresponse.readable.js', /\/\/ src\/sandbox\/response\/postresponse\.ts/],
])('the two builds of %s', (_script, pastePath, readablePath, readableName, entryMarker) => {
  const paste = readFileSync(pastePath, 'utf8');
  const readable = readFileSync(readablePath, 'utf8');

  test('the readable build is not minified: readable, with module markers', () => {
    expect(readable).toMatch(entryMarker);
    const longLines = readable.split('\n').filter((l) => l.length > 300);
    expect(longLines).toEqual([]);
  });

  test('the paste form is a few lines: a three-line banner and the code on one line', () => {
    // The Postman app stores a pasted script line by line, and Newman pays for each line on every request.
    expect(paste.trimEnd().split('\n')).toHaveLength(4);
  });

  test("the paste form's banner names its commit and the readable build's SHA-256", () => {
    const banner = paste.slice(0, paste.indexOf('*/') + 2);
    expect(banner).toMatch(/commit [0-9a-f]{7,}/);
    const sha = createHash('sha256').update(readFileSync(readablePath)).digest('hex');
    expect(banner).toContain(`${readableName} (sha256 ${sha})`);
  });

  test('the readable build names no commit, so its SHA-256 changes only with the code', () => {
    expect(readable.slice(0, readable.indexOf('*/'))).not.toMatch(/commit/);
  });
});

describe('the post-response script', () => {
  test('is smaller than the pre-request script: no signer, no SHA-256 inside', () => {
    const post = readFileSync(POST_PASTE, 'utf8');
    expect(post.length).toBeLessThan(readFileSync(PASTE, 'utf8').length);
    expect(readFileSync(POST_READABLE, 'utf8')).not.toMatch(/\/\/ src\/sandbox\/sandboxCrypto\.ts|\/\/ src\/core\/signRequest\.ts/);
  });
});
