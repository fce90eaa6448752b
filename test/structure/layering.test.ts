/**
 * The layering written in the README's Layout section, enforced: every import in src/ (static, `import type`,
 * `export ... from`, dynamic `import()`, `require()`, `import('x').T` types) may only reach the folders its own
 * folder may import; scripts/ and test/ never import each other. Parsed with TypeScript's own parser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import * as ts from 'typescript';

const ROOT = join(__dirname, '..', '..');

/** What each src/ folder (or top-level file) may import besides itself. Keep in step with README.md, Layout. */
export const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  sandbox: ['core'],
  node: ['core'],
  mock: ['core', 'node'],
  lib: ['core', 'node', 'mock'],
  cli: ['lib'],
  collections: ['core', 'lib', 'mock'],
  harness: ['lib', 'mock', 'collections'],
  'index.ts': ['core', 'lib', 'node'],
};

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : tsFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** Every module specifier a file names, with its line. */
export function importsOf(path: string, text: string = readFileSync(path, 'utf8')): Array<{ specifier: string; line: number }> {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: Array<{ specifier: string; line: number }> = [];
  const add = (node: ts.Node | undefined): void => {
    if (node && ts.isStringLiteralLike(node)) {
      found.push({ specifier: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) add(node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
      const isResolve =
        ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'require' && callee.name.text === 'resolve';
      if (isImport || isRequire || isResolve) add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The repository-relative path (with /) a relative specifier points at; undefined for packages. */
function target(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(ROOT, resolve(dirname(from), specifier)).split(sep).join('/');
}

/** The layer of a repository-relative path inside src/: its first folder, or the file name for src/index.ts. */
function layerOf(path: string): string | undefined {
  const parts = path.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return undefined;
  return parts[1];
}

/** The imports of one src/ file (its text read from disk unless given) that break the layering, one line each. */
export function violationsIn(file: string, text?: string): string[] {
  const rel = relative(ROOT, file).split(sep).join('/');
  const layer = layerOf(rel)!;
  const allowed = MAY_IMPORT[layer];
  if (!allowed) return [`${rel}: src/${layer} is not in the layering (add it to README.md's Layout and to MAY_IMPORT)`];
  return importsOf(file, text).flatMap(({ specifier, line }) => {
    const to = target(file, specifier);
    if (to === undefined) return [];
    const toLayer = layerOf(to);
    if (toLayer === undefined) return to.startsWith('node_modules/') ? [] : [`${rel}:${line} imports ${specifier}: outside src/`];
    if (toLayer === layer || allowed.includes(toLayer)) return [];
    return [`${rel}:${line} imports ${specifier} (src/${toLayer}): src/${layer} may import ${allowed.join(', ') || 'nothing outside itself'}`];
  });
}

/** Imports from one top-level folder into another that must not be reached (scripts/ -> test/, test/ -> scripts/). */
function crossImports(from: string, forbidden: string): string[] {
  return tsFiles(join(ROOT, from)).flatMap((file) =>
    importsOf(file)
      .filter(({ specifier }) => target(file, specifier)?.startsWith(`${forbidden}/`))
      .map(({ specifier, line }) => `${relative(ROOT, file).split(sep).join('/')}:${line} imports ${specifier}`),
  );
}

describe('layering (README.md, Layout)', () => {
  it('every import in src/ stays inside what its folder may import', () => {
    expect(tsFiles(join(ROOT, 'src')).flatMap((file) => violationsIn(file))).toEqual([]);
  });

  it('every src/ folder is in the layering and named in the README Layout section', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf('\n## Layout\n');
    expect(start).toBeGreaterThan(-1);
    const end = readme.indexOf('\n## ', start + 1);
    const layout = readme.slice(start, end < 0 ? undefined : end);
    const folders = readdirSync(join(ROOT, 'src')).filter((n) => statSync(join(ROOT, 'src', n)).isDirectory());
    expect(folders.filter((f) => !MAY_IMPORT[f])).toEqual([]);
    expect(folders.filter((f) => !layout.includes(`src/${f}`))).toEqual([]);
  });

  it('scripts/ never imports test/', () => {
    expect(crossImports('scripts', 'test')).toEqual([]);
  });

  it('test/ never imports scripts/', () => {
    expect(crossImports('test', 'scripts')).toEqual([]);
  });
});

describe('the import parser the layering relies on', () => {
  it('finds static, type-only, re-exported, dynamic and required imports, and import types', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from './b';",
      "export { c } from './c';",
      "export * from './d';",
      "const e = import('./e');",
      "const f = require('./f');",
      "import g = require('./g');",
      "type H = import('./h').H;",
      "const i = require.resolve('./i');",
    ].join('\n');
    expect(importsOf('/x/y.ts', text).map((i) => i.specifier)).toEqual(['./a', './b', './c', './d', './e', './f', './g', './h', './i']);
  });

  it('reports a forbidden import with its file, line and rule', () => {
    const file = join(ROOT, 'src', 'mock', 'layeringProbe.ts');
    expect(violationsIn(file, "import { x } from './x';\nimport { runCollection } from '../lib/run';\n")).toEqual([
      "src/mock/layeringProbe.ts:2 imports ../lib/run (src/lib): src/mock may import core, node",
    ]);
  });
});
