/**
 * What `hwc-auth run` hands Newman, read from the files and the process environment: the collection (with the signer
 * added in memory), the environment (with the process environment's credentials and the --token-cache file's
 * tokens), the globals and the iteration data rows. Every secret in them is taught to the masker here, before the run prints its first byte: values of
 * secret variables (by the registry's names, secret-looking names, or type `secret`) wherever they are set.
 */
import { parseTokenCache, VARIABLES, type TokenCache } from '../core';
import { warnAboutCollection } from './collectionWarnings';
import { asEnvironment, withValues, type EnvironmentJson } from './environmentFile';
import { readJsonFile } from './files';
import { assertV2Collection, hasSigner, injectSigner, type CollectionJson } from './inject';
import { readIterationData, type IterationRow } from './iterationData';
import { isSecretName, type Redactor } from './mask/redact';
import { variableList } from './mask/newmanMasking';
import { SECRET_ENV, variablesFromEnv, type VariableValue } from './settings';
import { readPostResponseScript, readSignerScript } from './signerScript';
import { loadTokenCacheFile } from './tokenCacheFile';

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
  /** A --token-cache file: its unexpired tokens go into the run's hwc_token_cache. */
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
  const cachedTokens = files.tokenCache !== undefined ? loadTokenCacheFile(files.tokenCache) : undefined;
  for (const entry of Object.values(cachedTokens ?? {})) redactor.add(entry.token);
  const environment = buildEnvironment(files, env, redactor, cachedTokens);
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

const TOKEN_CACHE = VARIABLES.tokenCache.name;

function buildEnvironment(files: RunInputFiles, env: NodeJS.ProcessEnv, redactor: Redactor, cachedTokens?: TokenCache): EnvironmentJson {
  const base: EnvironmentJson = files.environment
    ? asEnvironment(readJsonFile(files.environment, 'environment'), files.environment)
    : { name: 'hwc-auth', values: [] };
  learnVariables(redactor, base.values);
  const values = [...variablesFromEnv(env), ...(files.envVars ?? [])];
  if (cachedTokens !== undefined) {
    // the file's tokens over any the environment file carries (an exported one has them masked anyway)
    const fromFile = base.values.find((v) => v.key === TOKEN_CACHE)?.value;
    values.push({ key: TOKEN_CACHE, value: JSON.stringify({ ...parseTokenCache(fromFile), ...cachedTokens }) });
  }
  learnVariables(redactor, values);
  return withValues(base, values, isSecretName);
}
