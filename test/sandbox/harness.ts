/**
 * Runs a pre-request script (by default the built one, BUNDLE_PATH) or a post-response script (event 'test', by
 * default the built POST_RESPONSE_PATH, with a response) in the real Postman sandboxes, the way postman-runtime drives
 * them: postman-sandbox 4.7.1 as Newman 6.2 bundles it, and postman-sandbox 6.7.4 as the current Postman app and
 * Postman CLI run it. Captures what the runtime would see afterwards: the request (url, headers, body), test results,
 * console output, skipRequest, setNextRequest, variable scopes, and the pm.sendRequest calls, which a pluggable
 * responder answers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { postResponseScriptPath, signerScriptPath } from '../../src/lib/signerScript';

/* eslint-disable @typescript-eslint/no-explicit-any */
// The runtime's own postman-collection turns the sandbox's result back into SDK objects, as event.command.js does.
const sdk: any = require('../../node_modules/postman-runtime/node_modules/postman-collection');

export const ROOT = join(__dirname, '..', '..');
/** The built script under test: the paste form, or the build HWC_AUTH_SCRIPT names (jest's readable-build project). */
export const BUNDLE_PATH = signerScriptPath();
/** The built post-response script: the paste form, or HWC_AUTH_POST_RESPONSE_SCRIPT (the readable-build project). */
export const POST_RESPONSE_PATH = postResponseScriptPath();

export interface SandboxKind {
  name: string;
  modulePath: string;
}

/** Both sandboxes the built script must work in. */
export const SANDBOXES: readonly SandboxKind[] = [
  { name: 'newman (postman-sandbox 4.7.1)', modulePath: join(ROOT, 'node_modules/postman-runtime/node_modules/postman-sandbox') },
  { name: 'postman app/cli (postman-sandbox 6.7.4)', modulePath: join(ROOT, 'node_modules/postman-sandbox') },
];

/** A request as a Postman collection item defines it (postman-collection Request definition). */
export type RequestDefinition = Record<string, any>;

/** What the responder answers to one pm.sendRequest: a response, or an error. */
export interface ResponderAnswer {
  code: number;
  status?: string;
  headers?: Record<string, string> | Array<{ key: string; value: string }>;
  body?: string;
}
/**
 * A failure handed to the script exactly as given, e.g. the shape a refused connection arrives in through Newman:
 * { errno, code: 'ECONNREFUSED', syscall, address, port }, with no message.
 */
export interface RawFailure {
  rawError: Record<string, unknown>;
}
export type Responder = (
  request: SentRequest,
) => ResponderAnswer | Error | RawFailure | Promise<ResponderAnswer | Error | RawFailure>;

/** A pm.sendRequest call as the runtime receives it. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  raw: any;
}

export interface RunInput {
  request: RequestDefinition;
  environment?: Record<string, string>;
  collectionVariables?: Record<string, string>;
  globals?: Record<string, string>;
  /** Local variables (pm.variables), as set by earlier scripts. */
  variables?: Record<string, string>;
  /** Iteration data. */
  data?: Record<string, string>;
  /** Script to run instead of dist/prerequest.js (or dist/postresponse.js for the test event). */
  script?: string;
  /** 'prerequest' (default), or 'test': the post-response script, which then gets `response`. */
  event?: 'prerequest' | 'test';
  /** The answer the test event sees as pm.response. */
  response?: ResponderAnswer;
  /** The collection item the script runs for (pm.info.requestId, requestName) and the iteration (pm.info.iteration). */
  item?: { id: string; name?: string };
  iteration?: number;
  /** Answers pm.sendRequest; default: every call fails with an error. */
  responder?: Responder;
  timeoutMs?: number;
}

export interface TestResult {
  name: string;
  passed: boolean;
  error?: { name?: string; message?: string };
}

export interface ConsoleEntry {
  level: string;
  messages: unknown[];
}

export interface RunResult {
  /** The request after the script, as a postman-collection Request (what the runtime continues with). */
  request: any;
  /** The request as the runtime will resolve it: URL string (with path variables), enabled headers, body text. */
  url: string;
  headers: Array<{ key: string; value: string }>;
  /** Enabled headers by lowercased name (last one wins); use `headers` to see duplicates. */
  header: Record<string, string>;
  bodyMode: string | undefined;
  /** The body for raw mode; undefined otherwise. */
  bodyRaw: string | undefined;
  tests: TestResult[];
  console: ConsoleEntry[];
  /** Every console message, joined, for "no secret leaked" checks. */
  consoleText: string;
  skipped: boolean;
  /** What pm.execution.setNextRequest was given, if it was called. */
  nextRequest: unknown;
  /** An error the script threw (uncaught), as {name, message}. */
  error: { name?: string; message?: string } | undefined;
  sent: SentRequest[];
  environment: Record<string, unknown>;
  collectionVariables: Record<string, unknown>;
  globals: Record<string, unknown>;
  variables: Record<string, unknown>;
  durationMs: number;
}

function scope(values: Record<string, string> | undefined): { values: Array<{ key: string; value: string; type: string }> } {
  return { values: Object.entries(values ?? {}).map(([key, value]) => ({ key, value, type: 'any' })) };
}

function scopeObject(result: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const v of result?.values ?? []) out[v.key] = v.value;
  return out;
}

let cachedBundle: string | undefined;
export function bundleSource(): string {
  if (cachedBundle === undefined) cachedBundle = readFileSync(BUNDLE_PATH, 'utf8');
  return cachedBundle;
}

let cachedPostResponse: string | undefined;
export function postResponseSource(): string {
  if (cachedPostResponse === undefined) cachedPostResponse = readFileSync(POST_RESPONSE_PATH, 'utf8');
  return cachedPostResponse;
}

function toSentRequest(raw: any): SentRequest {
  const req = new sdk.Request(raw);
  const headers: Record<string, string> = {};
  req.headers.each((h: any) => {
    if (!h.disabled) headers[String(h.key).toLowerCase()] = String(h.value);
  });
  const body = req.body && req.body.mode === 'raw' ? String(req.body.raw) : undefined;
  return { method: req.method, url: req.url.toString(), headers, body, raw };
}

function responseFrom(answer: ResponderAnswer): any {
  const header = Array.isArray(answer.headers)
    ? answer.headers
    : Object.entries(answer.headers ?? {}).map(([key, value]) => ({ key, value }));
  return new sdk.Response({
    code: answer.code,
    status: answer.status ?? '',
    header,
    body: answer.body ?? '',
  }).toJSON();
}

/** One live sandbox context; create once per test file, dispose in afterAll. */
export class SandboxRunner {
  private constructor(
    readonly kind: SandboxKind,
    private readonly ctx: any,
  ) {}

  static create(kind: SandboxKind): Promise<SandboxRunner> {
    const Sandbox = require(kind.modulePath);
    return new Promise((resolve, reject) => {
      Sandbox.createContext({ timeout: 60000 }, (err: unknown, ctx: any) =>
        err ? reject(err) : resolve(new SandboxRunner(kind, ctx)),
      );
    });
  }

  dispose(): void {
    this.ctx.dispose();
  }

  run(input: RunInput): Promise<RunResult> {
    const ctx = this.ctx;
    const id = 'exec-' + Math.random().toString(36).slice(2);
    const tests: TestResult[] = [];
    const consoleEntries: ConsoleEntry[] = [];
    const sent: SentRequest[] = [];
    let skipped = false;
    let error: RunResult['error'];
    const responder: Responder = input.responder ?? (() => new Error('no responder configured for pm.sendRequest'));

    const onConsole = (cursor: any, level: string, ...messages: unknown[]) => {
      if (cursor && cursor.execution !== id) return;
      consoleEntries.push({ level, messages });
    };
    const onAssertion = (_cursor: any, assertions: any[]) => {
      for (const a of assertions) tests.push({ name: a.name, passed: !!a.passed, error: a.error ? { name: a.error.name, message: a.error.message } : undefined });
    };
    const onError = (_cursor: any, err: any) => {
      error = { name: err?.name, message: err?.message };
    };
    const onSkip = () => {
      skipped = true;
    };
    const onRequest = (_cursor: any, eventId: string, requestId: string, request: any) => {
      const sentRequest = toSentRequest(request);
      sent.push(sentRequest);
      Promise.resolve()
        .then(() => responder(sentRequest))
        .then(
          (answer) => {
            if (answer instanceof Error) ctx.dispatch('execution.response.' + eventId, requestId, { name: answer.name, message: answer.message });
            else if ('rawError' in answer) ctx.dispatch('execution.response.' + eventId, requestId, answer.rawError);
            else ctx.dispatch('execution.response.' + eventId, requestId, null, responseFrom(answer), { cookies: [] });
          },
          (err: unknown) => {
            const e = err instanceof Error ? err : new Error(String(err));
            ctx.dispatch('execution.response.' + eventId, requestId, { name: e.name, message: e.message });
          },
        );
    };

    ctx.on('console', onConsole);
    ctx.on('execution.assertion.' + id, onAssertion);
    ctx.on('execution.error.' + id, onError);
    ctx.on('execution.skipRequest.' + id, onSkip);
    ctx.on('execution.request.' + id, onRequest);
    const cleanup = () => {
      ctx.removeListener('console', onConsole);
      ctx.removeAllListeners('execution.assertion.' + id);
      ctx.removeAllListeners('execution.error.' + id);
      ctx.removeAllListeners('execution.skipRequest.' + id);
      ctx.removeAllListeners('execution.request.' + id);
    };

    const requestJson = new sdk.Request(input.request).toJSON();
    const listen = input.event ?? 'prerequest';
    const exec = input.script ?? (listen === 'test' ? postResponseSource() : bundleSource());
    const event = { listen, script: { type: 'text/javascript', exec } };
    const started = Date.now();
    return new Promise((resolve, reject) => {
      ctx.execute(
        event,
        {
          id,
          timeout: input.timeoutMs ?? 60000,
          cursor: { ref: id, iteration: input.iteration ?? 0 },
          ...(input.item && { legacy: { _itemId: input.item.id, _itemName: input.item.name ?? input.item.id, _eventItemName: input.item.name ?? input.item.id } }),
          context: {
            ...(input.response && { response: responseFrom(input.response) }),
            request: requestJson,
            environment: scope(input.environment),
            collectionVariables: scope(input.collectionVariables),
            globals: scope(input.globals),
            _variables: scope(input.variables),
            data: input.data ?? {},
          },
        },
        (err: any, result: any) => {
          const durationMs = Date.now() - started;
          cleanup();
          if (err && !error) error = { name: err.name, message: err.message };
          if (!result) return reject(err ?? new Error('sandbox returned no result'));
          const request = new sdk.Request(result.request ?? requestJson);
          const headers: Array<{ key: string; value: string }> = [];
          const header: Record<string, string> = {};
          request.headers.each((h: any) => {
            if (h.disabled) return;
            headers.push({ key: h.key, value: h.value });
            header[String(h.key).toLowerCase()] = h.value;
          });
          resolve({
            request,
            url: request.url.toString(),
            headers,
            header,
            bodyMode: request.body?.mode,
            bodyRaw: request.body && request.body.mode === 'raw' ? request.body.raw : undefined,
            tests,
            console: consoleEntries,
            consoleText: consoleEntries.map((c) => c.messages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m))).join(' ')).join('\n'),
            skipped,
            nextRequest: result.return?.nextRequest,
            error,
            sent,
            environment: scopeObject(result.environment),
            collectionVariables: scopeObject(result.collectionVariables),
            globals: scopeObject(result.globals),
            variables: scopeObject(result._variables),
            durationMs,
          });
        },
      );
    });
  }
}
