/**
 * Checks on the artifact users paste into Postman, dist/prerequest.js (built by `npm run build`): sandbox-safe by
 * construction, not by memory.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { BUILT_SIGNER_SCRIPT } from '../../src/lib/signerScript';

const ROOT = join(__dirname, '..', '..');
const BUNDLE = BUILT_SIGNER_SCRIPT;
const code = readFileSync(BUNDLE, 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };

/** The Postman sandboxes' require allow-list (postman-runtime reference); this script needs none of it today. */
const ALLOWED_REQUIRES = [
  'crypto-js', 'lodash', 'moment', 'uuid', 'chai', 'ajv', 'tv4', 'xml2js', 'cheerio', 'csv-parse/lib/sync',
  'postman-collection', 'atob', 'btoa', 'buffer', 'url', 'util', 'events', 'path', 'querystring', 'punycode',
  'string_decoder', 'timers', 'assert',
];

/** The code without comments and string/template/regex literals' contents would be ideal; comments suffice here. */
const codeOnly = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

describe('dist/prerequest.js', () => {
  const sizeKb = (statSync(BUNDLE).size / 1024).toFixed(1);

  test(`size ${sizeKb} KB (under 200 KB)`, () => {
    console.log(`dist/prerequest.js: ${statSync(BUNDLE).size} bytes, ${code.split('\n').length} lines`);
    expect(statSync(BUNDLE).size).toBeLessThan(200 * 1024);
  });

  test('starts with a banner: name, version, commit, docs pointer', () => {
    const banner = code.slice(0, code.indexOf('*/') + 2);
    expect(banner.startsWith('/*!')).toBe(true);
    expect(banner).toContain(`${pkg.name} ${pkg.version}`);
    expect(banner).toMatch(/commit [0-9a-f]{7,}/);
    expect(banner).toMatch(/README/);
  });

  test('is one IIFE: nothing declared at script scope (Newman predeclares CryptoJS, _, ...)', () => {
    const body = code.slice(code.indexOf('*/') + 2).trim();
    expect(body.startsWith('(() => {')).toBe(true);
    expect(body.endsWith('})();')).toBe(true);
    // Every line at column 0 between the first and last is inside the function: the bundle is indented by esbuild.
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

  test('uses no Node or browser-only globals: process, globalThis, TextEncoder, fetch, node: modules', () => {
    for (const name of ['process', 'globalThis', 'TextEncoder', 'TextDecoder', 'fetch', 'structuredClone']) {
      expect(codeOnly).not.toMatch(new RegExp(`\\b${name}\\b`));
    }
    expect(codeOnly).not.toMatch(/['"]node:/);
  });

  test('has no top-level await and calls pm.sendRequest only with a callback', () => {
    expect(() => new Function(code)).not.toThrow(); // a top-level await would be a SyntaxError in a plain function
    const calls = [...codeOnly.matchAll(/\.sendRequest\(([^;]*?),\s*\(/g)];
    const all = [...codeOnly.matchAll(/\bpm\d*\.sendRequest\(/g)];
    expect(all.length).toBe(calls.length);
  });

  test('is not minified: readable, with module markers', () => {
    expect(code).toMatch(/\/\/ src\/sandbox\/main\.ts/);
    const longLines = code.split('\n').filter((l) => l.length > 300);
    expect(longLines).toEqual([]);
  });
});
