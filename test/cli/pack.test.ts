import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { hasRealSigner, ROOT, runNode, tempDir } from './helpers';

/**
 * What users get: `npm pack` in a fresh copy of the source tree (no dist/: `prepack` must build it), install the
 * tarball into an empty project, run the installed `hwc-auth`. The package holds the CLI, the library, the built
 * script, the collections, docs and metadata: no sources, no tests. The copy is packed, not this checkout, so the
 * build does not rewrite the dist/ other test files are running.
 */
const describeWithSigner = hasRealSigner() ? describe : describe.skip;
jest.setTimeout(300_000);

function npm(args: string[], cwd: string): string {
  return execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
}

/** The files git tracks or would track (what a clone has once the work is committed), with this checkout's node_modules. */
function freshSourceCopy(): string {
  const copy = join(tempDir('source'), 'huaweicloud-postman-auth');
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((f) => f && existsSync(join(ROOT, f)));
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(copy, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

describeWithSigner('npm pack and install', () => {
  let tarball: string;
  let files: string[];
  let project: string;

  let source: string;

  beforeAll(() => {
    source = freshSourceCopy();
    expect(existsSync(join(source, 'dist'))).toBe(false);
    const packDir = tempDir('pack');
    // prepack's build prints to stdout before npm's JSON
    const printed = npm(['pack', '--json', '--pack-destination', packDir], source);
    const out = JSON.parse(printed.slice(printed.search(/^\[/m))) as Array<{ filename: string; files: Array<{ path: string }> }>;
    tarball = join(packDir, out[0]!.filename);
    files = out[0]!.files.map((f) => f.path).sort();
    project = tempDir('install');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'ci-project', version: '1.0.0', private: true }));
    npm(['install', tarball, '--prefer-offline'], project);
  });

  it('contains the CLI, the library, the built scripts, collections and metadata, and nothing else', () => {
    for (const f of ['package.json', 'LICENSE', 'dist/cli.js', 'dist/index.js', 'dist/prerequest.js', 'dist/prerequest.readable.js', 'dist/types/index.d.ts']) expect(files).toContain(f);
    for (const f of ['dist/postresponse.js', 'dist/postresponse.readable.js']) expect(files).toContain(f);
    expect(files.some((f) => f.startsWith('collections/') && f.endsWith('.postman_collection.json'))).toBe(true);
    const allowed = /^(package\.json|README\.md|LICENSE(\.md|\.txt)?|dist\/(cli|index|prerequest|prerequest\.readable|postresponse|postresponse\.readable)\.js|dist\/types\/.+\.d\.ts|collections\/.+\.json|docs\/.+\.md)$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    expect(files.filter((f) => /^(src|test|scripts)\//.test(f) || f.endsWith('.ts') && !f.endsWith('.d.ts'))).toEqual([]);
  });

  it('installs a runnable hwc-auth: --help and print', async () => {
    const bin = join(project, 'node_modules', 'huaweicloud-postman-auth', 'dist', 'cli.js');
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    const help = await runNode([bin, '--help'], { cwd: project });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: hwc-auth');
    const print = await runNode([bin, 'print'], { cwd: project });
    expect(print.code).toBe(0);
    expect(print.stdout).toBe(readFileSync(join(source, 'dist', 'prerequest.js'), 'utf8'));
    const post = await runNode([bin, 'print', '--post-response'], { cwd: project });
    expect(post.stdout).toBe(readFileSync(join(source, 'dist', 'postresponse.js'), 'utf8'));
    // the .bin link npm made is what `npx hwc-auth` runs
    const viaBin = execFileSync(join(project, 'node_modules', '.bin', 'hwc-auth'), ['--version'], { encoding: 'utf8' });
    expect(viaBin.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('the library entry loads and signs with the published vector', () => {
    const script = [
      "const lib = require('huaweicloud-postman-auth');",
      "const r = lib.signRequest({ method: 'GET', url: 'https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0', headers: [['Content-Type', 'application/json']] },",
      "  { ak: 'QTWAOYTTINDUT2QVKYUC', sk: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc' }, { sdkDate: '20191115T033655Z', crypto: lib.nodeCrypto });",
      'process.stdout.write(r.signature);',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: project, encoding: 'utf8' });
    expect(out).toBe('7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe');
  });
});
