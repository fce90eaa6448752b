import { percentDecodeBytes, uriEncodeBytes } from './percentEncoding';
import { utf8Decode } from './utf8';

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

/** A name or value decoded to bytes: its canonical encoding, and its text for sorting. */
interface Decoded {
  encoded: string;
  text: string;
}

/** Text that decoding and encoding give back unchanged: unreserved characters only (most names and values). */
const UNRESERVED_ONLY = /^[A-Za-z0-9\-_.~]*$/;

function decode(raw: string): Decoded {
  if (UNRESERVED_ONLY.test(raw)) return { encoded: raw, text: raw };
  const bytes = percentDecodeBytes(raw);
  return { encoded: uriEncodeBytes(bytes), text: utf8Decode(bytes) };
}

/**
 * Rule 5: decode names and values to bytes, encode both as in rule 4 (bytes that are not UTF-8 stay the same bytes,
 * like the path), emit name=value (always with '='), sort by name then value in plain code-unit order, one pair per
 * value, joined by '&'. The sort is on the decoded texts, as the official Node SDK (AKSKSigner.CanonicalQueryString)
 * and Go signers do; sorting the encoded texts is the Java SDK bug the spec warns about ('a~' < 'aé' decoded, but
 * '%C3%A9' sorts before '~' encoded). Two byte strings that read as the same text (invalid bytes read as U+FFFD) are
 * ordered by their encodings.
 */
export function canonicalQuery(params: readonly RawQueryParam[]): string {
  return params
    .map((p) => [decode(p.name), decode(p.value ?? '')] as const)
    .sort(
      ([an, av], [bn, bv]) =>
        compare(an.text, bn.text) || compare(an.encoded, bn.encoded) || compare(av.text, bv.text) || compare(av.encoded, bv.encoded),
    )
    .map(([name, value]) => name.encoded + '=' + value.encoded)
    .join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
