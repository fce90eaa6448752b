import { enabledParams, formUrlEncoded } from './formUrlEncoded';
import type { Pm, PmRequestBody } from './pm';
import { resolveTemplate } from './resolveTemplate';
import { stripJsonCommentsStable } from './stripJsonComments';
import type { UnresolvedReferences } from './unresolved';

/**
 * The body as the runtime will send it, decided per mode the way postman-runtime decides (requester/core.js
 * getRequestBody, core-body-builder.js, request-helpers-presend.js), and how to write it back so that what is hashed
 * is what is sent:
 * - none: no body goes out (absent, empty, disabled, unknown mode, all params disabled, or pruned for GET, HEAD,
 *   COPY, PURGE, UNLOCK). A pruned body is disabled on write-back, so it cannot go out unhashed.
 * - text: raw, urlencoded and GraphQL bodies: the exact text, written back as a raw body, and the Content-Type to
 *   set and sign (the user's, or the one the runtime would add for the mode).
 * - unsigned: multipart and file bodies (random boundary, unreadable files): X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD
 *   and Content-Type is left to the runtime, unsigned.
 * An unresolved {{reference}} in what is sent is recorded in `unresolved`; one in a part that is never sent (a
 * commented-out line of a JSON body, which the runtime strips; a pruned GET body) is not.
 */
export type ResolvedBody =
  | { kind: 'none'; prune: boolean }
  | { kind: 'text'; text: string; contentType: string; writeBack: RawBodyWrite }
  | { kind: 'unsigned' };

/** A raw body to write back: its text and the raw language option (`text` keeps the runtime's JSON pass away). */
export interface RawBodyWrite {
  raw: string;
  language: string | undefined;
}

const METHODS_WITHOUT_BODY = ['GET', 'HEAD', 'COPY', 'PURGE', 'UNLOCK'];

/** core-body-builder.js CONTENT_TYPE_LANGUAGE: the Content-Type the runtime adds to a raw body. */
const LANGUAGE_CONTENT_TYPE: Record<string, string> = {
  html: 'text/html',
  text: 'text/plain',
  json: 'application/json',
  javascript: 'application/javascript',
  xml: 'application/xml',
};

const JSON_CONTENT_TYPE = /^application\/(\S+\+)?json/;
const FORM_CONTENT_TYPE = /^application\/x-www-form-urlencoded\b/;

export interface BodyContext {
  method: string;
  /** The user's enabled Content-Type values, resolved (the runtime honours the last one). */
  contentTypes: readonly string[];
  /** hwc_disable_body_pruning: the item keeps GET/HEAD bodies. */
  bodyPruningDisabled: boolean;
  unresolved: UnresolvedReferences;
}

export function resolveBody(pm: Pm, ctx: BodyContext): ResolvedBody {
  const body = pm.request.body;
  if (!body || body.disabled || isEmpty(body)) return { kind: 'none', prune: false };
  const mode = body.mode;
  if (mode !== 'raw' && mode !== 'urlencoded' && mode !== 'graphql' && mode !== 'formdata' && mode !== 'file') {
    return { kind: 'none', prune: false };
  }
  if (METHODS_WITHOUT_BODY.indexOf(ctx.method.toUpperCase()) >= 0 && !ctx.bodyPruningDisabled) {
    return { kind: 'none', prune: true };
  }
  const userContentType = ctx.contentTypes.length ? ctx.contentTypes[ctx.contentTypes.length - 1] : undefined;

  switch (mode) {
    case 'raw': {
      const language = body.options?.raw?.language;
      const raw = String(body.raw);
      const hasTemplate = raw.indexOf('{{') >= 0;
      let text = hasTemplate ? pm.variables.replaceIn(raw) : raw;
      const contentType = userContentType ?? LANGUAGE_CONTENT_TYPE[language ?? 'text'] ?? LANGUAGE_CONTENT_TYPE.text!;
      // The runtime strips comments when the language is json, or, with no language, when Content-Type is JSON;
      // a reference in a comment is never sent.
      const isJson = language ? language === 'json' : JSON_CONTENT_TYPE.test(contentType);
      if (isJson) text = stripJsonCommentsStable(text);
      // A body with no `{{` that stripping left as it was holds none: one pass less over a large body.
      if (hasTemplate || text !== raw) ctx.unresolved.check(text, 'the request body');
      return { kind: 'text', text, contentType, writeBack: { raw: text, language } };
    }
    case 'urlencoded': {
      const params = enabledParams(body.urlencoded ? body.urlencoded.all() : []).map((p) => {
        const key = typeof p.key === 'string' ? resolveTemplate(pm, p.key) : p.key;
        const value = typeof p.value === 'string' ? resolveTemplate(pm, p.value) : p.value;
        if (typeof key === 'string') ctx.unresolved.check(key, 'a urlencoded body key');
        if (typeof value === 'string') ctx.unresolved.check(value, `urlencoded body field ${String(key)}`);
        return { key, value };
      });
      const text = formUrlEncoded(params);
      // postman-request replaces a Content-Type that is not a form type.
      const contentType =
        userContentType !== undefined && FORM_CONTENT_TYPE.test(userContentType)
          ? userContentType
          : 'application/x-www-form-urlencoded';
      return { kind: 'text', text, contentType, writeBack: { raw: text, language: 'text' } };
    }
    case 'graphql': {
      const text = graphqlBody(pm, body.graphql ?? {}, ctx.unresolved);
      return {
        kind: 'text',
        text,
        contentType: userContentType ?? LANGUAGE_CONTENT_TYPE.json!,
        writeBack: { raw: text, language: 'text' },
      };
    }
    default:
      return { kind: 'unsigned' };
  }
}

/** RequestBody.isEmpty plus the runtime's "all params disabled" rule. */
function isEmpty(body: PmRequestBody): boolean {
  const mode = body.mode;
  if (!mode) return true;
  const data = (body as unknown as Record<string, unknown>)[mode];
  if (!data) return true;
  if (mode === 'file') {
    const file = data as { src?: unknown; content?: unknown };
    return !(file.src || file.content);
  }
  if (typeof data === 'string') return data.length === 0;
  const list = data as { all?: () => Array<{ disabled?: boolean }> };
  if (typeof list.all === 'function') return !list.all().some((p) => p && !p.disabled);
  return typeof data === 'object' && Object.keys(data as object).length === 0;
}

/** core-body-builder.js graphql(): a variables string goes in verbatim, not re-serialised. */
function graphqlBody(
  pm: Pm,
  graphql: { query?: unknown; variables?: unknown; operationName?: unknown },
  unresolved: UnresolvedReferences,
): string {
  const resolve = (v: unknown, where: string): unknown => {
    if (typeof v !== 'string') return v;
    const out = resolveTemplate(pm, v);
    unresolved.check(out, where);
    return out;
  };
  const query = resolve(graphql.query, 'the GraphQL query');
  const operationName = resolve(graphql.operationName, 'the GraphQL operation name');
  const variables = resolve(graphql.variables, 'the GraphQL variables JSON');
  if (typeof variables !== 'string') return JSON.stringify({ query, operationName, variables });
  const parts: string[] = [];
  if (typeof query === 'string') parts.push('"query":' + JSON.stringify(query));
  if (typeof operationName === 'string') parts.push('"operationName":' + JSON.stringify(operationName));
  if (variables !== '') parts.push('"variables":' + variables);
  return '{' + parts.join(',') + '}';
}
