/**
 * What `hwc-auth run` hands Newman, read from the files and the process environment: the collection (with the signer
 * added in memory), the environment (with the process environment's credentials and what the --token-cache file
 * keeps: tokens, temporary keys, looked-up ids), the globals and the iteration data rows. Every secret in them is
 * taught to the masker here, before the run prints its first byte: values of secret variables (by the registry's
 * names, secret-looking names, or type `secret`) wherever they are set.
 */
import { parseIdCache, parseTemporaryCache, parseTokenCache, VARIABLES } from '../core';
import { warnAboutCollection } from './collectionWarnings';
import { asEnvironment, withValues, type EnvironmentJson } from './environmentFile';
import { readJsonFile } from './files';
import { assertV2Collection, hasSigner, injectSigner, type CollectionJson } from './inject';
import { readIterationData, type IterationRow } from './iterationData';
import { isSecretName, type Redactor } from './mask/redact';
import { variableList } from './mask/newmanMasking';
import { SECRET_ENV, variablesFromEnv, type VariableValue } from './settings';
import { readPostResponseScript, readSignerScript } from './signerScript';
import { loadTokenCacheFile, type CachedCredentials } from './tokenCacheFile';

export interface RunInputFiles {
  /** Path of a Postman Collection v2.x file. */
  collection: string;
  environment?: string;
  globals?: string;
  iterationData?: string;
  /** Extra environment values (key=value from the command line). */
  envVars?: VariableValue[];
  /** Put the CLI's signer into the collection in memory (default true). */
  inject?: boolean;
  /** A --token-cache file: its unexpired tokens and temporary keys, and its ids, go into the run's caches. */
  tokenCache?: string;
}

export interface RunInputs {
  collection: CollectionJson;
  environment: EnvironmentJson;
  globals?: EnvironmentJson;
  iterationData?: IterationRow[];
}

/** Reads the run's inputs and teaches the redactor every secret in them. */
export function loadRunInputs(files: RunInputFiles, env: NodeJS.ProcessEnv, redactor: Redactor): RunInputs {
  for (const name of SECRET_ENV) redactor.add(env[name]);
  const collection = loadCollection(files, redactor);
  const cached = files.tokenCache !== undefined ? loadTokenCacheFile(files.tokenCache) : undefined;
  if (cached !== undefined) learnCached(redactor, cached);
  const environment = buildEnvironment(files, env, redactor, cached);
  const inputs: RunInputs = { collection, environment };
  if (files.globals !== undefined) {
    inputs.globals = asEnvironment(readJsonFile(files.globals, 'globals'), files.globals, 'globals');
    learnVariables(redactor, inputs.globals.values);
  }
  if (files.iterationData !== undefined) {
    inputs.iterationData = readIterationData(files.iterationData);
    for (const row of inputs.iterationData) learnVariables(redactor, Object.entries(row).map(([key, value]) => ({ key, value })));
  }
  return inputs;
}

/** Learns the values of the secret variables in a list ({ key, value, type? }, as Postman files hold them). */
function learnVariables(redactor: Redactor, values: ReadonlyArray<{ key: string; value?: unknown; type?: unknown }>): void {
  for (const v of values) redactor.addVariable(v.key, v.value, v.type);
}

function loadCollection(files: RunInputFiles, redactor: Redactor): CollectionJson {
  const raw = readJsonFile(files.collection, 'collection');
  assertV2Collection(raw, files.collection);
  warnAboutCollection(raw, (line) => process.stderr.write(line));
  learnVariables(redactor, variableList(raw.variable));
  if (files.inject === false) return raw;
  let script: string;
  let responseScript: string;
  try {
    script = readSignerScript();
    responseScript = readPostResponseScript();
  } catch (e) {
    if (hasSigner(raw)) return raw;
    throw e;
  }
  return injectSigner(raw, script, files.collection, responseScript).collection;
}

/** The secrets the --token-cache file holds: tokens, temporary secret keys and security tokens (not AKs, not ids). */
function learnCached(redactor: Redactor, cached: CachedCredentials): void {
  for (const entry of Object.values(cached.tokens)) redactor.add(entry.token);
  for (const entry of Object.values(cached.temporary)) {
    redactor.add(entry.secret);
    redactor.add(entry.securityToken);
  }
}

/**
 * The run's caches with the --token-cache file's entries over those the environment file carries (an exported one has
 * the secret caches masked anyway).
 */
function cachedVariables(base: EnvironmentJson, cached: CachedCredentials): VariableValue[] {
  const inEnvironment = (name: string): unknown => base.values.find((v) => v.key === name)?.value;
  const merged = (name: string, parse: (stored: unknown) => object, entries: object): VariableValue => ({
    key: name,
    value: JSON.stringify({ ...parse(inEnvironment(name)), ...entries }),
  });
  return [
    merged(VARIABLES.tokenCache.name, parseTokenCache, cached.tokens),
    merged(VARIABLES.temporaryCache.name, parseTemporaryCache, cached.temporary),
    merged(VARIABLES.idCache.name, parseIdCache, cached.ids),
  ];
}

function buildEnvironment(files: RunInputFiles, env: NodeJS.ProcessEnv, redactor: Redactor, cached?: CachedCredentials): EnvironmentJson {
  const base: EnvironmentJson = files.environment
    ? asEnvironment(readJsonFile(files.environment, 'environment'), files.environment)
    : { name: 'hwc-auth', values: [] };
  learnVariables(redactor, base.values);
  const values = [...variablesFromEnv(env), ...(files.envVars ?? [])];
  if (cached !== undefined) values.push(...cachedVariables(base, cached));
  learnVariables(redactor, values);
  return withValues(base, values, isSecretName);
}
