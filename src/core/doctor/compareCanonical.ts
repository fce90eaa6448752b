import type { ParsedCanonicalRequest } from './canonicalParts';

/** The first part in which two canonical requests differ, in the order rule 3 writes them. */
export type CanonicalDifference =
  | { part: 'method' | 'uri' | 'query' | 'signed-headers' | 'payload-hash'; signed: string; received: string }
  /** A header line; a side is undefined when that canonical request has no such header. */
  | { part: 'header'; name: string; signed: string | undefined; received: string | undefined };

/**
 * Headers whose values are credentials (X-Security-Token, an AppCode, an API key...): their values are never shown,
 * and never compared (the response side keeps them masked; a credential changed in flight is not what goes wrong).
 */
export function isSecretHeader(name: string): boolean {
  return /token|secret|passw|api[-_]?key|appcode|credential/i.test(name);
}

export const MASKED_VALUE = '***';

/** The canonical request with the values of secret headers replaced by ***. */
export function maskSecretHeaders(parts: ParsedCanonicalRequest): ParsedCanonicalRequest {
  return { ...parts, headers: parts.headers.map(([n, v]): [string, string] => [n, isSecretHeader(n) ? MASKED_VALUE : v]) };
}

/**
 * The canonical request text (newlines) with the values of secret headers replaced by ***. Only header lines hold a
 * ':' (URI and query are percent-encoded), so the lines are masked by name without parsing the rest.
 */
export function maskCanonicalRequest(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      return colon > 0 && isSecretHeader(line.slice(0, colon)) ? line.slice(0, colon + 1) + MASKED_VALUE : line;
    })
    .join('\n');
}

/** The canonical request as the signer writes it (newlines). */
export function formatCanonicalRequest(p: ParsedCanonicalRequest): string {
  const headers = p.headers.map(([n, v]) => n + ':' + v + '\n').join('');
  return [p.method, p.canonicalUri, p.canonicalQuery, headers, p.signedHeaders.join(';'), p.payloadHash].join('\n');
}

/**
 * Compares what was signed with what the gateway computed, part by part: method, URI, query, each header (by name,
 * in canonical order), SignedHeaders, payload hash. Returns the first difference, or null when they are the same.
 */
export function compareCanonicalRequests(signed: ParsedCanonicalRequest, received: ParsedCanonicalRequest): CanonicalDifference | null {
  if (signed.method !== received.method) return { part: 'method', signed: signed.method, received: received.method };
  if (signed.canonicalUri !== received.canonicalUri) return { part: 'uri', signed: signed.canonicalUri, received: received.canonicalUri };
  if (signed.canonicalQuery !== received.canonicalQuery) {
    return { part: 'query', signed: signed.canonicalQuery, received: received.canonicalQuery };
  }
  const ours = toMap(signed.headers);
  const theirs = toMap(received.headers);
  const names = Object.keys(ours).concat(Object.keys(theirs).filter((n) => !(n in ours))).sort();
  for (const name of names) {
    const a = ours[name];
    const b = theirs[name];
    if (a === undefined || b === undefined) return { part: 'header', name, signed: a, received: b };
    if (a !== b && !isSecretHeader(name)) return { part: 'header', name, signed: a, received: b };
  }
  const signedList = signed.signedHeaders.join(';');
  const receivedList = received.signedHeaders.join(';');
  if (signedList !== receivedList) return { part: 'signed-headers', signed: signedList, received: receivedList };
  if (signed.payloadHash.toLowerCase() !== received.payloadHash.toLowerCase()) {
    return { part: 'payload-hash', signed: signed.payloadHash, received: received.payloadHash };
  }
  return null;
}

function toMap(headers: ReadonlyArray<[string, string]>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name.toLowerCase()] = value;
  return out;
}

/** Values shown in a test title are clipped: a title is one line. */
function shown(value: string, name?: string): string {
  if (name !== undefined && isSecretHeader(name)) return MASKED_VALUE;
  return value.length > 80 ? `"${value.slice(0, 77)}..."` : `"${value}"`;
}

/** One line naming the difference and its likely cause; the doctor's verdict. */
export function describeDifference(d: CanonicalDifference | null): string {
  if (d === null) return 'everything matches: the SK does not belong to this AK';
  switch (d.part) {
    case 'method':
      return `method differs: signed ${d.signed}, the gateway received ${d.received}: a script or proxy changed the method after signing`;
    case 'uri':
      return `path differs: signed ${shown(d.signed)}, the gateway received ${shown(d.received)}: a script or proxy changed the URL after signing (or the gateway sits behind a path prefix)`;
    case 'query':
      return `query differs: signed ${shown(d.signed)}, the gateway received ${shown(d.received)}: a script or proxy changed the query parameters after signing`;
    case 'header':
      if (d.received === undefined) {
        return `header ${d.name} was signed (${shown(d.signed ?? '', d.name)}) but did not reach the gateway: a script or proxy removed it after signing`;
      }
      if (d.signed === undefined) {
        return `header ${d.name} reached the gateway (${shown(d.received, d.name)}) but was not signed: the Authorization header was changed after signing`;
      }
      return `header ${d.name} differs: signed ${shown(d.signed, d.name)}, the gateway received ${shown(d.received, d.name)}: a script or proxy changed it after signing`;
    case 'signed-headers':
      return `signed headers differ: signed ${shown(d.signed)}, the gateway received ${shown(d.received)}: the Authorization header was changed after signing`;
    case 'payload-hash':
      return 'payload hash differs: the body changed after signing (a script, Postman\'s body handling or a proxy)';
  }
}
