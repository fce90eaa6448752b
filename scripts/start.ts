/**
 * `npm start`: build the pre-request script, regenerate the collections, start the mock cloud on a free port, run
 * every collection with Newman (cli + JUnit reports in reports/), print a summary table, stop the mock.
 * Exits 1 when any collection has a failure. Works on a fresh clone after `npm ci`.
 */
import { spawnSync } from 'child_process';
import { mkdirSync, writeFileSync } from 'fs';
import { join, relative } from 'path';
import { buildCollectionJson } from '../src/collections/builder';
import { COLLECTIONS } from '../src/collections/definitions';
import { COLLECTIONS_DIR, generateInto, readBuiltScripts } from '../src/collections/generate';
import { mockEnvironment } from '../src/collections/mockEnvironment';
import { failureLines, REPORTS_DIR, runAgainstMock, summaryTable, type CollectionRunResult } from '../src/harness';
import { startMockCloud } from '../src/mock';

const ROOT = join(__dirname, '..');

function step(message: string): void {
  console.log(`\n== ${message}`);
}

function build(): void {
  step('build dist/prerequest.js and dist/postresponse.js');
  const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], {
    cwd: ROOT,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
  if (result.status !== 0) throw new Error(`npm run build failed (exit ${String(result.status ?? result.signal)})`);
}

async function main(): Promise<number> {
  build();
  step('generate collections');
  const scripts = readBuiltScripts();
  for (const file of generateInto(COLLECTIONS_DIR, scripts)) {
    console.log(`wrote ${relative(ROOT, join(COLLECTIONS_DIR, file.name))}`);
  }

  step('start the mock cloud');
  const mock = await startMockCloud({ port: 0, quiet: true });
  console.log(`mock cloud listening on ${mock.url}`);
  mkdirSync(REPORTS_DIR, { recursive: true });
  const results: CollectionRunResult[] = [];
  try {
    for (const definition of COLLECTIONS) {
      step(`run ${definition.name}`);
      // The filled mock environment (test-only fixture credentials) is kept beside the reports for inspection.
      writeFileSync(
        join(REPORTS_DIR, `${definition.slug}.mock.postman_environment.json`),
        `${JSON.stringify(mockEnvironment(definition, mock.url), null, 2)}\n`,
      );
      results.push(
        await runAgainstMock({
          definition,
          collection: buildCollectionJson(definition, scripts),
          mockUrl: mock.url,
          cli: true,
        }),
      );
    }
  } finally {
    await mock.close();
  }

  step('summary');
  console.log(summaryTable(results));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.log('\nfailures:');
    for (const result of failed) for (const line of failureLines(result)) console.log(line);
    console.log(`\nJUnit reports: ${relative(ROOT, REPORTS_DIR)}/*.xml`);
    return 1;
  }
  console.log(`\nall collections passed; JUnit reports in ${relative(ROOT, REPORTS_DIR)}/`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`npm start failed: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
