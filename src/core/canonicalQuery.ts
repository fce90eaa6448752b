import { percentDecode, uriEncode } from './percentEncoding';

/** One query parameter as it appears on the wire: name and value still encoded; value null when there is no '='. */
export interface RawQueryParam {
  name: string;
  value: string | null;
}

/** Splits a raw query string (without '?') into its parameters, keeping order, duplicates and empty values. */
export function parseRawQuery(rawQuery: string): RawQueryParam[] {
  return rawQuery
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? { name: part, value: null } : { name: part.slice(0, eq), value: part.slice(eq + 1) };
    });
}

/**
 * Rule 5: decode names and values, encode both as in rule 4, emit name=value (always with '='), sort by name then
 * value in plain code-unit order, one pair per value, joined by '&'. The sort is on the decoded texts, as the
 * official Node SDK (AKSKSigner.CanonicalQueryString) and Go signers do; sorting the encoded texts is the Java SDK bug
 * the spec warns about ('a~' < 'aé' decoded, but '%C3%A9' sorts before '~' encoded).
 */
export function canonicalQuery(params: readonly RawQueryParam[]): string {
  return params
    .map((p) => [percentDecode(p.name), percentDecode(p.value ?? '')] as const)
    .sort((a, b) => compare(a[0], b[0]) || compare(a[1], b[1]))
    .map(([name, value]) => uriEncode(name) + '=' + uriEncode(value))
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
