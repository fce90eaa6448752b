import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

/**
 * The mock's house rules: it imports only from src/core, Node built-ins and npm packages (besides itself), and no
 * file or exported name of it can be mistaken for one elsewhere in src/.
 */
const SRC = resolve(__dirname, '..', '..', 'src');
const MOCK = join(SRC, 'mock');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return tsFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

function specifiers(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)'([^']+)'/g)) found.push(m[1]!);
  return found;
}

function exportedNames(files: string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^export\s+(?:declare\s+)?(?:async\s+)?(?:function\*?|const|let|class|interface|type|enum)\s+([A-Za-z_$][\w$]*)/gm)) {
      names.add(m[1]!);
    }
  }
  return names;
}

const mockFiles = tsFiles(MOCK);
const rel = (p: string): string => relative(SRC, p).split(sep).join('/');

test('the import scan sees the mock: its files and their imports', () => {
  expect(mockFiles.map(rel)).toEqual(expect.arrayContaining(['mock/index.ts', 'mock/iam/iamTokens.ts', 'mock/gateway/gateway.ts']));
  expect(specifiers(join(MOCK, 'gateway', 'akskVerification.ts'))).toEqual(
    expect.arrayContaining(['node:crypto', '../../core/verifySignature', './authResult']),
  );
});

test('src/mock imports only src/core, itself, Node built-ins and npm packages', () => {
  const outside: string[] = [];
  for (const file of mockFiles) {
    for (const spec of specifiers(file)) {
      if (!spec.startsWith('.')) continue; // node:* or a package
      const target = rel(resolve(dirname(file), spec));
      if (!target.startsWith('mock/') && target !== 'mock' && !target.startsWith('core/') && target !== 'core') {
        outside.push(`${rel(file)} imports ${spec}`);
      }
    }
  }
  expect(outside).toEqual([]);
});

test('no file of the mock shares its name with another file in src/ (index.ts aside)', () => {
  const elsewhere = new Set(tsFiles(SRC).filter((f) => !f.startsWith(MOCK + sep)).map((f) => basename(f)));
  const seen = new Map<string, string>();
  const clashes: string[] = [];
  for (const file of mockFiles) {
    const name = basename(file);
    if (name === 'index.ts') continue;
    if (elsewhere.has(name)) clashes.push(`${rel(file)} (also outside the mock)`);
    const first = seen.get(name);
    if (first !== undefined) clashes.push(`${rel(file)} (also ${first})`);
    seen.set(name, rel(file));
  }
  expect(clashes).toEqual([]);
});

test('no name the mock exports is also exported by src/core or src/sandbox', () => {
  const mine = exportedNames(mockFiles);
  expect(mine).toContain('startMockCloud');
  const theirs = exportedNames([...tsFiles(join(SRC, 'core')), ...tsFiles(join(SRC, 'sandbox'))]);
  expect(theirs).toContain('signRequest');
  expect([...mine].filter((n) => theirs.has(n)).sort()).toEqual([]);
});
