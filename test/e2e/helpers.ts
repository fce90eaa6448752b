import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildCollectionJson } from '../../src/collections/builder';
import type { CollectionDefinition, FolderDefinition } from '../../src/collections/definitions';
import { runAgainstMock, type CollectionRunOptions, type CollectionRunResult } from '../../src/harness';
import { postResponseScriptPath, signerScriptPath } from '../../src/lib/signerScript';
import { startMockCloud } from '../../src/mock';

/** Shared setup for the Newman end-to-end tests: the built script, a mock cloud per file, and run shortcuts. */

/** The built script under test: the paste form, or the build HWC_AUTH_SCRIPT names (jest's readable-build project). */
const PRE_REQUEST = signerScriptPath();
/** The post-response script under test, likewise (HWC_AUTH_POST_RESPONSE_SCRIPT in the readable-build project). */
const POST_RESPONSE = postResponseScriptPath();
/** One report folder per build under test: jest runs both projects' files at the same time. */
export const REPORT_DIR = join(__dirname, '..', '..', 'reports', process.env.HWC_AUTH_SCRIPT ? 'e2e-readable' : 'e2e');

export function prerequestSource(): string {
  if (!existsSync(PRE_REQUEST)) throw new Error(`${PRE_REQUEST} is missing: run \`npm run build\` (npm test does)`);
  return readFileSync(PRE_REQUEST, 'utf8');
}

export function postResponseSource(): string {
  if (!existsSync(POST_RESPONSE)) throw new Error(`${POST_RESPONSE} is missing: run \`npm run build\` (npm test does)`);
  return readFileSync(POST_RESPONSE, 'utf8');
}

export interface MockHandle {
  url: string;
}

/** Starts one mock cloud for the test file (beforeAll) and stops it (afterAll). */
export function useMockCloud(): MockHandle {
  const handle: MockHandle = { url: '' };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const mock = await startMockCloud({ port: 0, quiet: true });
    handle.url = mock.url;
    close = () => mock.close();
  });
  afterAll(async () => {
    await close?.();
  });
  return handle;
}

/** A copy of a definition keeping only the named folders (so a scenario runs just what it is about). */
export function onlyFolders(definition: CollectionDefinition, names: string[]): CollectionDefinition {
  const folders: FolderDefinition[] = names.map((name) => {
    const folder = definition.folders.find((f) => f.name === name);
    if (folder === undefined) throw new Error(`${definition.slug} has no folder ${name}`);
    return folder;
  });
  return { ...definition, folders };
}

export function gatewayRequestCount(definition: CollectionDefinition): number {
  return definition.folders
    .flatMap((f) => f.items)
    .filter((item) => !item.url.startsWith('{{HUAWEICLOUD_SDK_IAM_ENDPOINT}}') && !item.url.includes('/__mock/')).length;
}

export type RunOverrides = Omit<CollectionRunOptions, 'definition' | 'collection' | 'mockUrl'>;

/** Runs a definition (built in memory from the current dist/ scripts) against the mock, quietly, with JUnit. */
export function run(
  mock: MockHandle,
  definition: CollectionDefinition,
  label: string,
  overrides: RunOverrides = {},
): Promise<CollectionRunResult> {
  return runAgainstMock({
    definition,
    collection: buildCollectionJson(definition, { prerequest: prerequestSource(), postResponse: postResponseSource() }),
    mockUrl: mock.url,
    junitPath: join(REPORT_DIR, `${label}.xml`),
    ...overrides,
  });
}

/** Failures as short strings, for readable expect() diffs (test name or source, then message). */
export function describeFailures(result: CollectionRunResult): string[] {
  return result.failures.map((f) => `${f.source} | ${f.test ?? f.name}: ${f.message}`);
}

/** The value of one variable in an exported environment (Newman's summary.environment.toJSON()). */
export function envValue(environment: Record<string, unknown>, key: string): unknown {
  const values = (environment.values ?? []) as Array<{ key: string; value: unknown }>;
  return values.find((v) => v.key === key)?.value;
}

/** A copy of an exported environment with some values set (added when missing). */
export function withEnvValues(environment: Record<string, unknown>, set: Record<string, string>): Record<string, unknown> {
  const values = ((environment.values ?? []) as Array<Record<string, unknown>>).map((v) => ({ ...v }));
  for (const [key, value] of Object.entries(set)) {
    const existing = values.find((v) => v.key === key);
    if (existing) existing.value = value;
    else values.push({ key, value, type: 'default', enabled: true });
  }
  return { ...environment, values };
}
