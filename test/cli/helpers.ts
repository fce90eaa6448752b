import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUILT_SIGNER_SCRIPT } from '../../src/lib/signerScript';

/** Helpers for the CLI tests: they run the real built binary, node dist/cli.js, as a child process. */
export const ROOT = join(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');
export const SIGNER = BUILT_SIGNER_SCRIPT;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const LOCK = join(tmpdir(), `hwc-auth-cli-test-build-${Buffer.from(ROOT).toString('hex').slice(-24)}`);

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const p of paths) {
    if (!existsSync(p)) continue;
    const st = statSync(p);
    if (st.isDirectory()) newest = Math.max(newest, newestMtime(readdirSync(p).map((n) => join(p, n))));
    else newest = Math.max(newest, st.mtimeMs);
  }
  return newest;
}

function isStale(output: string, inputs: string[]): boolean {
  return !existsSync(output) || statSync(output).mtimeMs < newestMtime(inputs);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs fn while holding a cross-process lock (jest workers build the same dist/). */
function withLock<T>(fn: () => T): T {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`build lock ${LOCK} held for 2 minutes; remove it if stale`);
      sleepSync(200);
    }
  }
  try {
    return fn();
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}

/**
 * Builds dist/cli.js and dist/index.js when sources are newer, and dist/prerequest.js when it is missing and
 * scripts/build.ts exists (npm test builds it first anyway).
 */
export function ensureBuilt(): void {
  withLock(() => {
    const libInputs = ['src/cli', 'src/lib', 'src/core', 'src/node', 'src/mock', 'src/index.ts', 'scripts/build-lib.ts'].map((p) => join(ROOT, p));
    if (isStale(CLI, libInputs) || isStale(join(ROOT, 'dist', 'index.js'), libInputs)) {
      execFileSync(TSX, [join(ROOT, 'scripts', 'build-lib.ts'), '--no-types'], { cwd: ROOT, stdio: 'pipe' });
    }
    if (!existsSync(SIGNER) && existsSync(join(ROOT, 'scripts', 'build.ts'))) {
      execFileSync(TSX, [join(ROOT, 'scripts', 'build.ts')], { cwd: ROOT, stdio: 'pipe' });
    }
  });
}

/** Builds the whole package output (JS and declarations) for npm pack. */
export function buildPackage(): void {
  ensureBuilt();
  withLock(() => {
    execFileSync(TSX, [join(ROOT, 'scripts', 'build-lib.ts')], { cwd: ROOT, stdio: 'pipe' });
  });
}

/** True when the real built pre-request script exists (tests that sign through Newman need it). */
export function hasRealSigner(): boolean {
  return existsSync(SIGNER);
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** How long the child ran (ms). */
  durationMs: number;
  /** True when the child was killed for outliving killAfterMs. */
  killed: boolean;
}

export interface RunOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  /** Kill the child (SIGKILL) if it is still running after this many ms; a test's own bound on a hang. */
  killAfterMs?: number;
}

/** The environment a child gets: the parent's minus any Huawei Cloud credentials, plus what the test gives. */
export function cleanEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!/^(HUAWEICLOUD_|HWC_|hwc_)/.test(k)) env[k] = v;
  }
  env.NO_COLOR = '1';
  env.FORCE_COLOR = '0';
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) env[k] = v;
  return env;
}

/** Runs `node dist/cli.js ...args` asynchronously (an in-process mock cloud keeps answering meanwhile). */
export function runCli(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return runNode([CLI, ...args], options);
}

export function runNode(args: string[], options: RunOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd ?? ROOT, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let killed = false;
    const killer = options.killAfterMs === undefined ? undefined : setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, options.killAfterMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (killer) clearTimeout(killer);
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), durationMs: Date.now() - started, killed });
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hwc-auth-${prefix}-`));
}

export function writeJson(path: string, value: unknown): string {
  writeFileSync(path, JSON.stringify(value, null, 2) + '\n');
  return path;
}

export function readJson<T = unknown>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Every file under dir, recursively. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** A v2.1 collection with the given items and collection-level pre-request lines. */
export function collection(name: string, items: unknown[], prerequest?: string[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    info: {
      _postman_id: '1c9a4d2e-0000-4000-8000-000000000001',
      name,
      schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json',
    },
    item: items,
    ...(prerequest && {
      event: [
        { listen: 'prerequest', script: { id: 'own-prerequest-id', type: 'text/javascript', exec: prerequest } },
        { listen: 'test', script: { id: 'own-test-id', type: 'text/javascript', exec: ['// collection tests'] } },
      ],
    }),
    ...extra,
  };
}

/** A GET request item with tests. */
export function getItem(name: string, url: string, tests: string[]): Record<string, unknown> {
  return {
    id: `item-${name.replace(/\W+/g, '-')}`,
    name,
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: tests } }],
    request: { method: 'GET', header: [{ key: 'Content-Type', value: 'application/json' }], url },
  };
}

/** A stand-in for dist/prerequest.js until the real one is built: an IIFE with a banner, no signing. */
export const PLACEHOLDER_SIGNER = [
  '/*!',
  ' * huaweicloud-postman-auth 0.0.0 (commit 0123456789ab+dirty)',
  ' * placeholder pre-request script (tests only)',
  ' */',
  '(function () {',
  "  pm.request.headers.add({ key: 'X-Placeholder-Signer', value: 'ran' });",
  '})();',
  '',
].join('\n');
