import { parseIdCache, parseTemporaryCache, parseTokenCache, VARIABLES } from '../core';
import { EXIT } from './exitCodes';
import { maskWrittenFiles } from './mask/maskFiles';
import { maskNewmanRun, variableList } from './mask/newmanMasking';
import { maskStreams } from './mask/maskStreams';
import { Redactor } from './mask/redact';
import type { NewmanRunOptions, NewmanSummary } from './newman/api';
import { attachReporters, locateReporters } from './newman/reporters';
import { runNewman } from './newman/runNewman';
import { requestTimeoutFor } from './requestTimeout';
import { loadRunInputs, type RunInputs } from './runInputs';
import type { VariableValue } from './settings';
import { saveTokenCacheFile } from './tokenCacheFile';

export interface RunOptions {
  /** Path of a Postman Collection v2.x file. */
  collection: string;
  /** Path of a Postman environment file; process-environment credentials are added to it in memory. */
  environment?: string;
  /** Path of a Postman globals file. */
  globals?: string;
  /** Where to write the environment after the run (secrets masked). */
  exportEnvironment?: string;
  /** Where to write the globals after the run (secrets masked). */
  exportGlobals?: string;
  /** Newman reporters; default ['cli']. */
  reporters?: string[];
  /** Report paths by reporter name (json, junit, ...); the files are written with secrets masked. */
  reporterExports?: Record<string, string>;
  /** Options by reporter name, as Newman's `--reporter-<name>-<option>` (an `export` path among them). */
  reporterOptions?: Record<string, Record<string, unknown>>;
  iterationCount?: number;
  /** Path of a JSON or CSV iteration data file. */
  iterationData?: string;
  /** Extra environment values (key=value from the command line: not for secrets). */
  envVars?: VariableValue[];
  /** Put the CLI's signer into the collection in memory (default true; a collection without one gets it). */
  inject?: boolean;
  /** Newman's request timeout (ms); unset: none, or in a run that may use token mode hwc_iam_timeout_ms + 1 s (requestTimeout.ts). */
  timeoutRequest?: number;
  insecure?: boolean;
  bail?: boolean;
  folder?: string[];
  /**
   * A file that keeps what the script got from IAM between runs (`--token-cache`): tokens, temporary keys and
   * looked-up ids, loaded into `hwc_token_cache`, `hwc_temporary_cache` and `hwc_id_cache` before the run, saved after
   * it (unexpired tokens and keys only), mode 0600. Exported environments still carry the secret caches masked.
   */
  tokenCache?: string;
  /** Where credentials come from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RunOutcome {
  exitCode: number;
  requests: number;
  failures: number;
  /** How many secrets were known (and masked) by the end of the run. */
  secretsKnown: number;
}

/**
 * Runs a collection with Newman, with credentials from the process environment passed in memory, and every
 * byte Newman writes (stdout, stderr, report files, exported environment and globals) masked for secrets.
 */
export async function runCollection(options: RunOptions): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const redactor = new Redactor();
  const inputs = loadRunInputs(options, env, redactor);

  const reporter = reporterOptionsOf(options);
  const reporters = options.reporters && options.reporters.length > 0 ? options.reporters : ['cli'];
  const located = locateReporters(reporters);
  const newmanOptions = newmanOptionsOf(options, inputs, reporters, reporter);

  const started = Date.now();
  const restore = maskStreams(redactor);
  try {
    let summary: NewmanSummary;
    try {
      summary = await runNewman(newmanOptions, (emitter) => {
        maskNewmanRun(emitter, redactor);
        attachReporters(emitter, located, newmanOptions);
      });
    } catch (err) {
      process.stderr.write(`hwc-auth: newman: ${(err as Error).message}\n`);
      return { exitCode: EXIT.runFailed, requests: 0, failures: 1, secretsKnown: redactor.size };
    }
    if (options.tokenCache !== undefined) saveRunCaches(options.tokenCache, summary);
    const run = summary?.run;
    const failures = run?.failures.length ?? 0;
    return {
      exitCode: failures > 0 || run?.error ? EXIT.runFailed : EXIT.ok,
      requests: run?.stats.requests?.total ?? 0,
      failures,
      secretsKnown: redactor.size,
    };
  } finally {
    // reports a reporter wrote itself, outside Newman's export queue
    const exportPaths = Object.values(reporter).map((o) => o.export);
    maskWrittenFiles(exportPaths.filter((p): p is string => typeof p === 'string'), redactor, started);
    restore();
  }
}

/** Each reporter's options: --reporter-<name>-<option> values, and the report paths of reporterExports. */
function reporterOptionsOf(options: RunOptions): Record<string, Record<string, unknown>> {
  const reporter: Record<string, Record<string, unknown>> = {};
  for (const [name, values] of Object.entries(options.reporterOptions ?? {})) reporter[name] = { ...values };
  for (const [name, path] of Object.entries(options.reporterExports ?? {})) reporter[name] = { ...reporter[name], export: path };
  return reporter;
}

function newmanOptionsOf(options: RunOptions, inputs: RunInputs, reporters: string[], reporter: Record<string, Record<string, unknown>>): NewmanRunOptions {
  const timeoutRequest = requestTimeoutFor(inputs, options.timeoutRequest);
  return {
    collection: inputs.collection,
    environment: inputs.environment,
    ...(inputs.globals !== undefined && { globals: inputs.globals }),
    reporters,
    reporter,
    ...(options.iterationCount !== undefined && { iterationCount: options.iterationCount }),
    ...(inputs.iterationData !== undefined && { iterationData: inputs.iterationData }),
    ...(options.exportEnvironment !== undefined && { exportEnvironment: options.exportEnvironment }),
    ...(options.exportGlobals !== undefined && { exportGlobals: options.exportGlobals }),
    ...(timeoutRequest !== undefined && { timeoutRequest }),
    ...(options.insecure !== undefined && { insecure: options.insecure }),
    ...(options.bail !== undefined && { bail: options.bail }),
    ...(options.folder !== undefined && options.folder.length > 0 && { folder: options.folder }),
  };
}

/** The run's caches after it (the script keeps them in the environment), saved to the --token-cache file. */
function saveRunCaches(path: string, summary: NewmanSummary | undefined): void {
  const values = variableList((summary?.environment?.toJSON() as { values?: unknown } | undefined)?.values);
  const valueOf = (name: string): unknown => values.find((v) => v.key === name)?.value;
  try {
    saveTokenCacheFile(path, {
      tokens: parseTokenCache(valueOf(VARIABLES.tokenCache.name)),
      temporary: parseTemporaryCache(valueOf(VARIABLES.temporaryCache.name)),
      ids: parseIdCache(valueOf(VARIABLES.idCache.name)),
    });
  } catch (e) {
    process.stderr.write(`hwc-auth: warning: ${(e as Error).message}\n`);
  }
}
