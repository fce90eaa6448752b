import { existsSync } from 'node:fs';
import { parseTokenCache, VARIABLES, type TokenCache } from '../core';
import { EXIT, UsageError } from './exitCodes';
import { asEnvironment, withValues, type EnvironmentJson } from './environmentFile';
import { readJsonFile } from './files';
import { assertV2Collection, hasSigner, injectSigner, type CollectionJson } from './inject';
import { warnAboutCollection } from './collectionWarnings';
import { maskNewmanRun, variableList } from './mask/newmanMasking';
import { maskStreams } from './mask/maskStreams';
import { isSecretName, Redactor } from './mask/redact';
import type { NewmanSummary } from './newman/api';
import { runNewman } from './newman/runNewman';
import { SECRET_ENV, variablesFromEnv, type VariableValue } from './settings';
import { readPostResponseScript, readSignerScript } from './signerScript';
import { loadTokenCacheFile, saveTokenCacheFile } from './tokenCacheFile';

export interface RunOptions {
  /** Path of a Postman Collection v2.x file. */
  collection: string;
  /** Path of a Postman environment file; process-environment credentials are added to it in memory. */
  environment?: string;
  /** Where to write the environment after the run (secrets masked). */
  exportEnvironment?: string;
  /** Newman reporters; default ['cli']. */
  reporters?: string[];
  /** Report paths by reporter name (json, junit, ...); the files are written with secrets masked. */
  reporterExports?: Record<string, string>;
  iterationCount?: number;
  iterationData?: string;
  /** Extra environment values (key=value from the command line: not for secrets). */
  envVars?: VariableValue[];
  /** Put the CLI's signer into the collection in memory (default true; a collection without one gets it). */
  inject?: boolean;
  timeoutRequest?: number;
  insecure?: boolean;
  bail?: boolean;
  folder?: string[];
  /**
   * A file that keeps IAM tokens between runs (`--token-cache`): loaded into the run's `hwc_token_cache` before it,
   * its unexpired tokens saved after it, mode 0600. Exported environments still carry `hwc_token_cache` masked.
   */
  tokenCache?: string;
  /** Where credentials come from; default process.env. */
  env?: NodeJS.ProcessEnv;
}

export interface RunOutcome {
  exitCode: number;
  requests: number;
  failures: number;
  /** How many secret forms were known (and masked) by the end of the run. */
  secretsKnown: number;
}

/**
 * Runs a collection with Newman, with credentials from the process environment passed in memory, and every
 * byte Newman writes (stdout, stderr, report files, exported environment) masked for secrets.
 */
export async function runCollection(options: RunOptions): Promise<RunOutcome> {
  const env = options.env ?? process.env;
  const redactor = new Redactor();
  for (const name of SECRET_ENV) redactor.add(env[name]);

  const collection = loadCollection(options, redactor);
  const cachedTokens = options.tokenCache !== undefined ? loadTokenCacheFile(options.tokenCache) : undefined;
  for (const entry of Object.values(cachedTokens ?? {})) redactor.add(entry.token);
  const environment = buildEnvironment(options, env, redactor, cachedTokens);
  if (options.iterationData && !existsSync(options.iterationData)) {
    throw new UsageError(`iteration data file ${options.iterationData} does not exist`);
  }

  const reporters = options.reporters && options.reporters.length > 0 ? options.reporters : ['cli'];
  const reporter: Record<string, Record<string, unknown>> = {};
  for (const [name, path] of Object.entries(options.reporterExports ?? {})) reporter[name] = { export: path };

  const restore = maskStreams(redactor);
  try {
    let summary: NewmanSummary;
    try {
      summary = await runNewman(
        {
          collection,
          environment,
          reporters,
          reporter,
          ...(options.iterationCount !== undefined && { iterationCount: options.iterationCount }),
          ...(options.iterationData !== undefined && { iterationData: options.iterationData }),
          ...(options.exportEnvironment !== undefined && { exportEnvironment: options.exportEnvironment }),
          ...(options.timeoutRequest !== undefined && { timeoutRequest: options.timeoutRequest }),
          ...(options.insecure !== undefined && { insecure: options.insecure }),
          ...(options.bail !== undefined && { bail: options.bail }),
          ...(options.folder !== undefined && options.folder.length > 0 && { folder: options.folder }),
        },
        (emitter) => maskNewmanRun(emitter, redactor),
      );
    } catch (err) {
      process.stderr.write(`hwc-auth: newman: ${(err as Error).message}\n`);
      return { exitCode: EXIT.runFailed, requests: 0, failures: 1, secretsKnown: redactor.size };
    }
    if (options.tokenCache !== undefined) saveRunTokens(options.tokenCache, summary);
    const run = summary?.run;
    const failures = run?.failures.length ?? 0;
    return {
      exitCode: failures > 0 || run?.error ? EXIT.runFailed : EXIT.ok,
      requests: run?.stats.requests?.total ?? 0,
      failures,
      secretsKnown: redactor.size,
    };
  } finally {
    restore();
  }
}

function loadCollection(options: RunOptions, redactor: Redactor): CollectionJson {
  const raw = readJsonFile(options.collection, 'collection');
  assertV2Collection(raw, options.collection);
  warnAboutCollection(raw, (line) => process.stderr.write(line));
  for (const v of variableList(raw.variable)) redactor.addVariable(v.key, v.value);
  if (options.inject === false) return raw;
  let script: string;
  let responseScript: string;
  try {
    script = readSignerScript();
    responseScript = readPostResponseScript();
  } catch (e) {
    if (hasSigner(raw)) return raw;
    throw e;
  }
  return injectSigner(raw, script, options.collection, responseScript).collection;
}

const TOKEN_CACHE = VARIABLES.tokenCache.name;

/** The run's token cache after it (the script keeps it in the environment), saved to the --token-cache file. */
function saveRunTokens(path: string, summary: NewmanSummary | undefined): void {
  const values = variableList((summary?.environment?.toJSON() as { values?: unknown } | undefined)?.values);
  const tokens = parseTokenCache(values.find((v) => v.key === TOKEN_CACHE)?.value);
  try {
    saveTokenCacheFile(path, tokens);
  } catch (e) {
    process.stderr.write(`hwc-auth: warning: ${(e as Error).message}\n`);
  }
}

function buildEnvironment(options: RunOptions, env: NodeJS.ProcessEnv, redactor: Redactor, cachedTokens?: TokenCache): EnvironmentJson {
  const base: EnvironmentJson = options.environment
    ? asEnvironment(readJsonFile(options.environment, 'environment'), options.environment)
    : { name: 'hwc-auth', values: [] };
  for (const v of base.values) {
    redactor.addVariable(v.key, v.value);
    if (v.type === 'secret') redactor.add(v.value);
  }
  const values = [...variablesFromEnv(env), ...(options.envVars ?? [])];
  if (cachedTokens !== undefined) {
    // the file's tokens over any the environment file carries (an exported one has them masked anyway)
    const fromFile = base.values.find((v) => v.key === TOKEN_CACHE)?.value;
    values.push({ key: TOKEN_CACHE, value: JSON.stringify({ ...parseTokenCache(fromFile), ...cachedTokens }) });
  }
  for (const v of values) redactor.addVariable(v.key, v.value);
  return withValues(base, values, isSecretName);
}
