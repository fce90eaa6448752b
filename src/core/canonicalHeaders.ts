import { trimmed } from './trimmed';
/** A header to sign: any case for the name; the value as it will be sent. */
export type HeaderEntry = readonly [name: string, value: string];

export interface CanonicalHeaders {
  /** `name:value\n` lines sorted by name (the block ends with its own newline). */
  canonicalHeaders: string;
  /** Lowercased names joined with ';'. */
  signedHeaders: string;
}

/**
 * Rule 6: names lowercased, values trimmed, sorted by name. Authorization is never signed. A name given twice is a
 * caller error (the gateway cannot agree on a multi-valued header), so it throws rather than guess.
 */
export function canonicalHeaders(headers: readonly HeaderEntry[]): CanonicalHeaders {
  const byName = new Map<string, string>();
  for (const [name, value] of headers) {
    const key = trimmed(name).toLowerCase();
    if (key === 'authorization') continue;
    if (byName.has(key)) throw new Error(`header ${key} is given twice; a signed header must have one value`);
    byName.set(key, trimmed(value));
  }
  const names = [...byName.keys()].sort();
  return {
    canonicalHeaders: names.map((n) => n + ':' + byName.get(n) + '\n').join(''),
    signedHeaders: names.join(';'),
  };
}
