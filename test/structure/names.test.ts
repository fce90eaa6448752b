import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve, sep } from 'node:path';

/**
 * Names a reader cannot mistake: no two files in src/ share a name (index.ts aside), and the mock exports no name that
 * the core or the sandbox adapter also exports. (What each folder may import: test/structure/layering.test.ts.)
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

test('no two files in src/ share a name (index.ts aside)', () => {
  const byName = new Map<string, string[]>();
  for (const file of tsFiles(SRC)) {
    const name = basename(file);
    if (name !== 'index.ts') byName.set(name, [...(byName.get(name) ?? []), rel(file)]);
  }
  expect(byName.size).toBeGreaterThan(50);
  expect([...byName.values()].filter((files) => files.length > 1)).toEqual([]);
});

test('no name the mock exports is also exported by src/core or src/sandbox', () => {
  const mine = exportedNames(mockFiles);
  expect(mine).toContain('startMockCloud');
  const theirs = exportedNames([...tsFiles(join(SRC, 'core')), ...tsFiles(join(SRC, 'sandbox'))]);
  expect(theirs).toContain('signRequest');
  expect([...mine].filter((n) => theirs.has(n)).sort()).toEqual([]);
});
