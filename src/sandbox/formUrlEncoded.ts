import { uriEncode } from '../core';
import type { PmFormParam } from './pm';

/**
 * The body postman-runtime sends for an urlencoded body, reproduced: its reducer (core-body-builder.js) groups
 * repeated keys at the first one's place (a=1&b=2&a=3 goes out as a=1&a=3&b=2) in plain-object key order (so
 * integer-like keys come first); postman-request then applies Node's querystring.stringify and escapes !'()*
 * (useQuerystring), which leaves exactly the RFC 3986 unreserved characters unencoded.
 */
export function formUrlEncoded(params: ReadonlyArray<{ key: unknown; value: unknown }>): string {
  // The runtime's reducer, on the same kind of object, so key order and oddities ("__proto__") match.
  const form: Record<string, unknown> = {};
  for (const { key, value } of params) {
    const k = key as string;
    if (!Object.prototype.hasOwnProperty.call(form, k)) {
      form[k] = value;
      continue;
    }
    const existing = form[k];
    if (Array.isArray(existing)) existing.push(value);
    else form[k] = [existing, value];
  }
  const parts: string[] = [];
  for (const key of Object.keys(form)) {
    const value = form[key];
    const name = uriEncode(primitive(key)) + '=';
    if (Array.isArray(value)) for (const v of value) parts.push(name + uriEncode(primitive(v)));
    else parts.push(name + uriEncode(primitive(value)));
  }
  return parts.join('&');
}

/** Node's querystring stringifyPrimitive. */
function primitive(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return isFinite(v) ? String(v) : '';
  if (typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

/** The enabled params, as the reducer keeps them. */
export function enabledParams(params: readonly PmFormParam[]): PmFormParam[] {
  return params.filter((p) => !!p && !p.disabled);
}
