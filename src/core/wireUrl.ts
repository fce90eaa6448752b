import { isNamedError, namedError, type NamedError } from './namedError';
import { wireEncode } from './percentEncoding';
import { trimmed } from './trimmed';

/**
 * The URL as it goes on the wire: a resolved URL (every {{variable}} substituted) fully RFC 3986 encoded, so that
 * Postman's own encoder (postman-url-encoder) leaves it alone and the string sent is the string signed. The
 * pre-request script writes it back into the request; `hwc-auth sign` signs and prints it.
 */
export interface WireUrl {
  /** scheme://[userinfo@]host[:port]/path[?query], no fragment: what url.update() receives and the signer hashes. */
  url: string;
  /** Lowercased host and the explicit port, as the Host header carries it. */
  host: string;
  /** Where the connection goes: scheme, lowercased host name (IPv6 in brackets), explicit port ('' when none). */
  target: { scheme: string; hostname: string; port: string };
}

/** A URL that cannot be sent as it is: `fix` names the fix in a few words, as the script's failing test does. */
export type WireUrlError = NamedError<'WireUrlError', { fix: string }>;

export function wireUrlError(fix: string, message: string): WireUrlError {
  return namedError('WireUrlError', message, { fix });
}

export function isWireUrlError(err: unknown): err is WireUrlError {
  return isNamedError(err, 'WireUrlError');
}

// Path segments keep the sub-delims, ':' and '@' (RFC 3986 pchar) as the user wrote them; every other character
// that is not unreserved is encoded. Query names and values keep only unreserved characters: '&', '=', '+', '#',
// '/', '?' ... are encoded, so no server reads them as separators or as a form-encoded space.
const PATH_KEEP = "!$&'()*+,;=:@";
const QUERY_KEEP = '';

/** RFC 3986 scheme. */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*$/;

/**
 * Encodes a resolved URL for the wire, split the way postman-url-encoder's parser splits it: fragment at the first
 * '#', query at the first '?', backslashes read as '/', the authority up to the first '/', user info up to its last
 * '@' (a password may hold '@'), the port after the last ':' outside an IPv6 literal.
 */
export function toWireUrl(resolved: string): WireUrl {
  let rest = resolved;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const rawQuery = q < 0 ? undefined : rest.slice(q + 1);
  if (q >= 0) rest = rest.slice(0, q);
  rest = rest.replace(/\\/g, '/');

  // Postman's parser takes everything before the first "://" as the scheme, and sends a URL without one over http;
  // extra slashes after "scheme://" are dropped, as it does. Text there that is no scheme ("_https", "x y",
  // "host/path/https") makes a URL Postman cannot send: refused, not signed as some other URL.
  const separator = rest.indexOf('://');
  let scheme = 'http';
  if (separator >= 0) {
    const written = rest.slice(0, separator);
    if (!SCHEME.test(written)) {
      throw wireUrlError('fix the request URL', `the request URL "${resolved}" has "${written}" before "://", which is not a scheme`);
    }
    scheme = written.toLowerCase();
    rest = rest.slice(separator + 3).replace(/^\/+/, '');
  }

  const slash = rest.indexOf('/');
  const authority = slash < 0 ? rest : rest.slice(0, slash);
  const rawPath = slash < 0 ? '' : rest.slice(slash);
  const at = authority.lastIndexOf('@');
  const userinfo = at < 0 ? '' : authority.slice(0, at + 1);
  const hostPort = authority.slice(at + 1);
  const colon = hostPort.lastIndexOf(':');
  const hasPort = colon >= 0 && hostPort.indexOf(']', colon) < 0;
  const hostname = (hasPort ? hostPort.slice(0, colon) : hostPort).toLowerCase();
  // Whitespace around the port (a base URL variable ending in a space) is dropped on the way out, as Node reads it.
  const port = hasPort ? trimmed(hostPort.slice(colon + 1)) : '';
  if (hostname === '' || !/^\d*$/.test(port)) {
    throw wireUrlError('fix the request URL', `the request URL "${resolved}" is not an absolute http(s) URL`);
  }
  if (!/^[\x21-\x7e]+$/.test(hostname)) {
    if (/^[\x00-\x7f]*$/.test(hostname)) {
      throw wireUrlError('fix the request URL', `the host "${hostname}" of the request URL holds a space or a control character`);
    }
    throw wireUrlError(
      'use an ASCII host name',
      `the host "${hostname}" is not ASCII; write it in its punycode (xn--) form so the signed Host is the one sent`,
    );
  }
  const host = port ? `${hostname}:${port}` : hostname;

  const path = rawPath === '' ? '/' : rawPath.split('/').map(encodeSegment).join('/');
  const query = rawQuery === undefined ? undefined : encodeQuery(rawQuery);
  return { url: `${scheme}://${userinfo}${host}${path}${query ? '?' + query : ''}`, host, target: { scheme, hostname, port } };
}

function encodeSegment(segment: string): string {
  const encoded = wireEncode(segment, PATH_KEEP);
  // A segment starting with ':' would come back as a Postman path variable.
  return encoded.charAt(0) === ':' ? '%3A' + encoded.slice(1) : encoded;
}

/** Keeps order, repeated keys, empty values and keys without '='; drops empty pieces ("a=1&&b"). */
function encodeQuery(query: string): string {
  return query
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      if (eq < 0) return wireEncode(part, QUERY_KEEP);
      return wireEncode(part.slice(0, eq), QUERY_KEEP) + '=' + wireEncode(part.slice(eq + 1), QUERY_KEEP);
    })
    .join('&');
}
