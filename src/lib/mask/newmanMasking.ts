/**
 * Masks secrets in everything a Newman run shows or writes: it learns secrets from the run's events (variables after
 * each script, auth headers, IAM replies) as they happen, masks the event payloads reporters format, and masks every
 * file Newman queues for writing (reports, exported environment). Streams (stdout, stderr) are ./maskStreams' job.
 */
import type { NewmanEmitter, NewmanExport, NewmanSummary } from '../newman/api';
import { isSecretName, MASK, Redactor, secretLeaves } from './redact';

/**
 * Registers the masking listeners on a run's emitter. Call it as soon as newman.run returns: before newman attaches
 * its reporters (it does so asynchronously), so secrets are known before any reporter prints the event that
 * revealed them.
 */
export function maskNewmanRun(emitter: NewmanEmitter, redactor: Redactor): void {
  const learn = new SecretLearner(redactor);
  emitter.on('start', () => wrapExports(emitter, redactor));
  emitter.on('beforeDone', (_e: unknown, args: { summary?: NewmanSummary }) => {
    learn.fromSummary(args?.summary);
    wrapExports(emitter, redactor);
    // Reporters read the summary next (every byte of it, response bodies too): mask it with all that is now known,
    // which includes secrets learned after an event was first masked.
    const executions = args?.summary?.run?.executions ?? [];
    for (const execution of executions) maskUrl((execution as { request?: { url?: unknown } })?.request?.url, redactor);
    redactor.maskDeep(executions);
    redactor.maskDeep(args?.summary?.run?.failures);
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
}

/** The `{ key, value, type }` entries of a Postman variable or header list (anything else: none). */
export function variableList(value: unknown): Array<{ key: string; value: unknown; type?: unknown }> {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (v): v is { key: string; value: unknown; type?: unknown } => !!v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string',
  );
}

/**
 * A request URL is kept as parts: a secret with `&` placed in a query is cut in two parameters, which no mask of
 * one part can recognise. Masks the URL as the text it was sent as, then parses it back.
 */
function maskUrl(url: unknown, redactor: Redactor): void {
  const u = url as { toString?: () => string; update?: (text: string) => void } | undefined;
  if (!u || typeof u.update !== 'function' || typeof u.toString !== 'function') return;
  const text = u.toString();
  const masked = redactor.mask(text);
  if (masked !== text) u.update(masked);
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
    for (const v of variableList(toJson(scope)?.values)) this.redactor.addVariable(v.key, v.value, v.type);
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
    for (const h of variableList(toJson(request)?.header)) this.redactor.addHeader(h.key, h.value);
  }

  fromResponse(request: unknown, response: unknown): void {
    const json = toJson(response);
    for (const h of variableList(json?.header)) this.redactor.addHeader(h.key, h.value);
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
