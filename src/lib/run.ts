import { recordSkippedItems } from '../newman/recordSkippedItems';
import { existsSync } from 'node:fs';
import { EXIT, UsageError } from './exitCodes';
import { asEnvironment, withValues, type EnvironmentJson } from './environmentFile';
import { readJsonFile } from './files';
import { assertV2Collection, hasSigner, injectSigner, type CollectionJson } from './inject';
import { warnAboutPostmanAuth } from './postmanAuthWarnings';
import { maskStreams } from './maskStreams';
import { loadNewman, type NewmanExport, type NewmanSummary } from '../newman/api';
import { isSecretName, MASK, Redactor, secretLeaves } from './redact';
import { SECRET_ENV, variablesFromEnv, type VariableValue } from './settings';
import { readSignerScript } from './signerScript';

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
  const environment = buildEnvironment(options, env, redactor);
  if (options.iterationData && !existsSync(options.iterationData)) {
    throw new UsageError(`iteration data file ${options.iterationData} does not exist`);
  }

  const reporters = options.reporters && options.reporters.length > 0 ? options.reporters : ['cli'];
  const reporter: Record<string, Record<string, unknown>> = {};
  for (const [name, path] of Object.entries(options.reporterExports ?? {})) reporter[name] = { export: path };

  const restore = maskStreams(redactor);
  try {
    const summary = await new Promise<{ err: Error | null; summary: NewmanSummary | undefined }>((resolve) => {
      const emitter = loadNewman().run(
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
        (err, summary) => resolve({ err, summary }),
      );
      // Registered before newman attaches its reporters (it does so asynchronously), so secrets are known before
      // any reporter prints the event that revealed them.
      const learn = new SecretLearner(redactor);
      recordSkippedItems(emitter);
      emitter.on('start', () => wrapExports(emitter, redactor));
      emitter.on('beforeDone', (_e: unknown, args: { summary?: NewmanSummary }) => {
        learn.fromSummary(args?.summary);
        wrapExports(emitter, redactor);
      });
      emitter.on('beforeRequest', (_e: unknown, args: { request?: unknown }) => learn.fromRequest(args?.request));
      emitter.on('request', (_e: unknown, args: { request?: unknown; response?: unknown }) => {
        learn.fromRequest(args?.request);
        learn.fromResponse(args?.request, args?.response);
      });
      emitter.on('script', (_e: unknown, args: { execution?: Record<string, unknown> }) => learn.fromExecution(args?.execution));
      // Reporters format these events (the CLI reporter wraps long lines, which would cut a token in pieces no
      // stream filter can recognise): mask the payloads themselves before any reporter reads them.
      emitter.on('console', (_e: unknown, args: { messages?: unknown[] }) => {
        if (Array.isArray(args?.messages)) args.messages = args.messages.map((m) => redactor.maskDeep(m));
      });
      emitter.on('assertion', (err: unknown, args: { assertion?: unknown; error?: unknown }) => {
        redactor.maskDeep(err);
        if (args) {
          if (typeof args.assertion === 'string') args.assertion = redactor.mask(args.assertion);
          redactor.maskDeep(args.error);
        }
      });
      emitter.on('exception', (_e: unknown, args: { error?: unknown }) => redactor.maskDeep(args?.error));
    });
    if (summary.err) {
      process.stderr.write(`hwc-auth: newman: ${summary.err.message}\n`);
      return { exitCode: EXIT.runFailed, requests: 0, failures: 1, secretsKnown: redactor.size };
    }
    const run = summary.summary?.run;
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
  warnAboutPostmanAuth(raw, (line) => process.stderr.write(line));
  for (const v of variableList(raw.variable)) redactor.addVariable(v.key, v.value);
  if (options.inject === false) return raw;
  let script: string;
  try {
    script = readSignerScript();
  } catch (e) {
    if (hasSigner(raw)) return raw;
    throw e;
  }
  return injectSigner(raw, script, options.collection).collection;
}

function buildEnvironment(options: RunOptions, env: NodeJS.ProcessEnv, redactor: Redactor): EnvironmentJson {
  const base: EnvironmentJson = options.environment
    ? asEnvironment(readJsonFile(options.environment, 'environment'), options.environment)
    : { name: 'hwc-auth', values: [] };
  for (const v of base.values) {
    redactor.addVariable(v.key, v.value);
    if (v.type === 'secret') redactor.add(v.value);
  }
  const values = [...variablesFromEnv(env), ...(options.envVars ?? [])];
  for (const v of values) redactor.addVariable(v.key, v.value);
  return withValues(base, values, isSecretName);
}

function variableList(value: unknown): Array<{ key: string; value: unknown }> {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is { key: string; value: unknown } => !!v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string',
  );
}

/** Every file newman writes goes through emitter.exports: mask each entry's content as it is queued. */
function wrapExports(emitter: { exports?: NewmanExport[] }, redactor: Redactor): void {
  const list = emitter.exports;
  if (!list || (list as { hwcMasked?: boolean } & NewmanExport[]).hwcMasked) return;
  const push = list.push.bind(list);
  Object.defineProperty(list, 'hwcMasked', { value: true });
  list.push = (...items: NewmanExport[]): number => push(...items.map((item) => maskExport(item, redactor)));
}

function maskExport(item: NewmanExport, redactor: Redactor): NewmanExport {
  let content = item.content;
  if (content && typeof content === 'object') {
    const values = (content as { values?: unknown }).values;
    if (Array.isArray(values)) {
      content = {
        ...(content as object),
        values: values.map((v: { key?: unknown; value?: unknown; type?: unknown }) => {
          const secret = typeof v?.key === 'string' && (isSecretName(v.key) || v.type === 'secret');
          if (secret) {
            redactor.add(v.value);
            if (typeof v.value === 'string') secretLeaves(v.value).forEach((leaf) => redactor.add(leaf));
          }
          return secret && v.value !== undefined && v.value !== '' ? { ...v, value: MASK } : v;
        }),
      };
    }
    content = JSON.stringify(content, null, 2);
  }
  return { ...item, content: typeof content === 'string' ? redactor.mask(content) : content };
}

/** Learns secrets from what Newman reports: variables after each script, auth headers, IAM replies. */
class SecretLearner {
  constructor(private readonly redactor: Redactor) {}

  fromScope(scope: unknown): void {
    for (const v of variableList(toJson(scope)?.values)) this.redactor.addVariable(v.key, v.value);
  }

  fromExecution(execution: Record<string, unknown> | undefined): void {
    if (!execution) return;
    for (const name of ['environment', 'globals', 'collectionVariables', '_variables']) this.fromScope(execution[name]);
  }

  fromSummary(summary: NewmanSummary | undefined): void {
    this.fromScope(summary?.environment);
    this.fromScope(summary?.globals);
    this.fromScope(summary?.collection?.variables);
  }

  fromRequest(request: unknown): void {
    for (const h of headerList(toJson(request)?.header)) this.redactor.addHeader(h.key, h.value);
  }

  fromResponse(request: unknown, response: unknown): void {
    const json = toJson(response);
    for (const h of headerList(json?.header)) this.redactor.addHeader(h.key, h.value);
    const url = String(toJson(request)?.url ? urlText(request) : '');
    if (!/\/auth\/tokens|securitytokens/i.test(url)) return;
    const text = responseText(response);
    for (const leaf of secretLeaves(text)) this.redactor.add(leaf);
  }
}

function toJson(value: unknown): Record<string, unknown> | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const withToJson = value as { toJSON?: () => unknown };
  const json = typeof withToJson.toJSON === 'function' ? withToJson.toJSON() : value;
  return json && typeof json === 'object' ? (json as Record<string, unknown>) : undefined;
}

function headerList(value: unknown): Array<{ key: string; value: unknown }> {
  return variableList(value);
}

function urlText(request: unknown): string {
  const url = (request as { url?: { toString?: () => string } }).url;
  return url && typeof url.toString === 'function' ? url.toString() : '';
}

function responseText(response: unknown): string {
  const r = response as { text?: () => string; stream?: Uint8Array };
  try {
    if (typeof r.text === 'function') return r.text();
    if (r.stream) return Buffer.from(r.stream).toString('utf8');
  } catch {
    // an unreadable body has no secrets we can learn
  }
  return '';
}
