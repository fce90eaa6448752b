/**
 * The Postman CLI tier: runs the generated collections (collections/*.postman_collection.json) with the official
 * Postman CLI (postman-cli, sandbox 6.x: what the Postman app runs) against the mock cloud, and exits non-zero when
 * any run fails. With no generated collections yet, runs a small collection built here from the mock's fixtures.
 *
 *   npm run test:postman-cli     (builds dist/prerequest.js first, then runs this file with tsx)
 *
 * A test tier, not a jest file: its entry point lives here with the tier (./postmanCli.test.ts runs its smoke
 * collection under jest). The Postman CLI (./tool.ts installs it on first use) runs local files without login. It gets a throw-away HOME (it writes ~/.postman there), a working
 * directory of its own, DO_NOT_TRACK=1 and no POSTMAN_API_KEY; JUnit reports go to reports/postman-cli/.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COLLECTIONS } from '../../src/collections/definitions';
import { mockEnvironment, mockEnvironmentValues } from '../../src/collections/mockEnvironment';
import { injectSigner } from '../../src/lib/inject';
import { BUILT_POST_RESPONSE_SCRIPT, BUILT_SIGNER_SCRIPT } from '../../src/lib/signerScript';
import { MOCK_PROJECTS, startMockCloud } from '../../src/mock';
import { postmanCliEntry } from './tool';

const ROOT = join(__dirname, '..', '..');
const COLLECTIONS_DIR = join(ROOT, 'collections');
const SIGNER = BUILT_SIGNER_SCRIPT;
export const REPORTS = join(ROOT, 'reports', 'postman-cli');

export interface PostmanCliTarget {
  name: string;
  collectionFile: string;
  environment: Record<string, unknown>;
  iterationDataFile?: string;
}

export interface PostmanCliResult {
  name: string;
  code: number | null;
  output: string;
}

/** Runs one collection file with `postman collection run`, isolated from the user's Postman setup. */
export function runWithPostmanCli(target: PostmanCliTarget, workDir: string, options: { echo?: boolean; timeoutMs?: number } = {}): Promise<PostmanCliResult> {
  const slug = target.name.replace(/[^\w.-]+/g, '-');
  const home = join(workDir, 'home');
  mkdirSync(home, { recursive: true });
  mkdirSync(REPORTS, { recursive: true });
  const envFile = join(workDir, `${slug}.postman_environment.json`);
  writeFileSync(envFile, JSON.stringify(target.environment, null, 2));
  const args = [
    postmanCliEntry(), '--color', 'off',
    'collection', 'run', target.collectionFile,
    '-e', envFile,
    ...(target.iterationDataFile ? ['-d', target.iterationDataFile] : []),
    '--reporters', 'cli,junit',
    '--reporter-junit-export', join(REPORTS, `${slug}.xml`),
    '--working-dir', workDir,
    '--disable-unicode',
    '--timeout-request', '30000',
  ];
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, USERPROFILE: home, DO_NOT_TRACK: '1', NO_COLOR: '1', CI: 'true' };
  delete env.POSTMAN_API_KEY;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: workDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    const collect = (b: Buffer): void => {
      chunks.push(b);
      if (options.echo) process.stdout.write(b);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ name: target.name, code, output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** The generated collections, each with the mock environment the Newman harness uses. */
function generatedTargets(mockUrl: string): PostmanCliTarget[] {
  return COLLECTIONS.flatMap((definition) => {
    const collectionFile = join(COLLECTIONS_DIR, `${definition.slug}.postman_collection.json`);
    if (!existsSync(collectionFile)) return [];
    const dataFile = join(COLLECTIONS_DIR, `${definition.slug}.iteration_data.json`);
    return [{
      name: definition.slug,
      collectionFile,
      environment: mockEnvironment(definition, mockUrl),
      ...(existsSync(dataFile) && { iterationDataFile: dataFile }),
    }];
  });
}

/** A two-request AK/SK collection from the fixtures, signer and post-response script injected: the tier's smoke test. */
export function fixtureTarget(mockUrl: string, workDir: string): PostmanCliTarget {
  const tests = (extra: string[]): unknown[] => [{ listen: 'test', script: { type: 'text/javascript', exec: [
    "pm.test('accepted by the mock gateway', () => pm.response.to.have.status(200));",
    "pm.test('signed with AK/SK', () => pm.expect(pm.response.json().auth).to.eql('aksk'));",
    ...extra,
  ] } }];
  const raw = {
    info: { name: 'hwc-auth Postman CLI smoke', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      { name: 'GET with query', event: tests(["pm.test('query signed', () => pm.expect(pm.response.json().query).to.eql('limit=2&marker=a%20b'));"]),
        request: { method: 'GET', header: [], url: '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs?limit=2&marker=a b' } },
      { name: 'POST JSON', event: tests(["pm.test('body hashed as sent', () => pm.expect(pm.response.json().bodyLength).to.be.above(0));"]),
        request: { method: 'POST', header: [{ key: 'Content-Type', value: 'application/json' }],
          body: { mode: 'raw', raw: '{"vpc":{"name":"postman-cli"}}', options: { raw: { language: 'json' } } },
          url: '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs' } },
    ],
  };
  const collectionFile = join(workDir, 'smoke.postman_collection.json');
  const injected = injectSigner(raw, readFileSync(SIGNER, 'utf8'), undefined, readFileSync(BUILT_POST_RESPONSE_SCRIPT, 'utf8'));
  writeFileSync(collectionFile, JSON.stringify(injected.collection, null, 2));
  const values = { ...mockEnvironmentValues(mockUrl), HUAWEICLOUD_SDK_PROJECT_ID: MOCK_PROJECTS[0].id, hwc_auth_mode: 'aksk' };
  return {
    name: 'fixture-smoke',
    collectionFile,
    environment: { name: 'mock', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) },
  };
}

async function main(): Promise<void> {
  if (!existsSync(SIGNER)) throw new Error(`${SIGNER} is missing: run npm run build first`);
  const mock = await startMockCloud({ quiet: true });
  const workDir = mkdtempSync(join(tmpdir(), 'hwc-postman-cli-'));
  try {
    let targets = generatedTargets(mock.url);
    if (targets.length === 0) {
      process.stdout.write('test:postman-cli: no generated collections in collections/; running the fixture smoke collection\n');
      targets = [fixtureTarget(mock.url, workDir)];
    }
    const results: PostmanCliResult[] = [];
    for (const target of targets) {
      await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
      process.stdout.write(`\n== postman collection run ${target.collectionFile}\n`);
      results.push(await runWithPostmanCli(target, workDir, { echo: true }));
    }
    process.stdout.write('\n');
    for (const r of results) process.stdout.write(`test:postman-cli: ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.name} (exit ${r.code})\n`);
    process.stdout.write(`test:postman-cli: JUnit reports in ${REPORTS}\n`);
    if (results.some((r) => r.code !== 0)) process.exitCode = 1;
  } finally {
    await mock.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`test:postman-cli: ${(err as Error).message}\n`);
    process.exit(1);
  });
}
