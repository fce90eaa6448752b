import { wireEncode } from '../core';
import { HwcAuthError } from './errors';
import type { Pm } from './pm';
import { resolveTemplate } from './resolveTemplate';
import type { UnresolvedReferences } from './unresolved';

/**
 * The URL as Postman will send it, fully RFC 3986 encoded so that Postman's own encoder (postman-url-encoder) leaves
 * it alone: the string written back is the string signed.
 *
 * Resolution copies the runtime (postman-runtime resolveVariables): stringify the URL (path variables substituted,
 * disabled query params left out), resolve {{variables}} in the whole string once (so {{$guid}} gets one value),
 * then parse it again the way postman-url-encoder's parser does. A variable holding '&' therefore adds query
 * parameters, exactly as it would without this script.
 */
export interface WireUrl {
  /** scheme://[userinfo@]host[:port]/path[?query], no fragment: what url.update() receives and the signer hashes. */
  url: string;
  /** Lowercased host and the explicit port, as the Host header carries it. */
  host: string;
}

// Path segments keep the sub-delims, ':' and '@' (RFC 3986 pchar) as the user wrote them; every other character
// that is not unreserved is encoded. Query names and values keep only unreserved characters: '&', '=', '+', '#',
// '/', '?' ... are encoded, so no server reads them as separators or as a form-encoded space.
const PATH_KEEP = "!$&'()*+,;=:@";
const QUERY_KEEP = '';

const SCHEME = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//;

/**
 * The resolved URL, or undefined when the part that is sent still holds an unresolved {{reference}} (recorded in
 * `unresolved`; one in the fragment, which is never sent, is fine).
 */
export function resolveUrl(pm: Pm, unresolved: UnresolvedReferences): WireUrl | undefined {
  const template = pm.request.url.toString();
  // Postman's parser trims leading whitespace only: trailing whitespace is sent (as %20, %09, ...), so it is signed.
  const resolved = resolveTemplate(pm, template).replace(/^\s+/, '');
  const sent = withoutFragment(resolved);
  if (unresolved.check(sent, 'the URL')) return undefined;
  return toWireUrl(sent);
}

/** The text before the fragment: up to the first '#' outside a {{reference}} (as Postman's parser splits it). */
function withoutFragment(url: string): string {
  const masked = url.replace(/\{\{[^{}]*\}\}/g, (ref) => '_'.repeat(ref.length));
  const hash = masked.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/**
 * Encodes a resolved URL for the wire, split the way postman-url-encoder's parser splits it: fragment at the first
 * '#', query at the first '?', backslashes read as '/', the authority up to the first '/', user info up to its last
 * '@' (a password may hold '@'), the port after the last ':' outside an IPv6 literal. Exported for tests.
 */
export function toWireUrl(resolved: string): WireUrl {
  let rest = resolved;
  const hash = rest.indexOf('#');
  if (hash >= 0) rest = rest.slice(0, hash);
  const q = rest.indexOf('?');
  const rawQuery = q < 0 ? undefined : rest.slice(q + 1);
  if (q >= 0) rest = rest.slice(0, q);
  rest = rest.replace(/\\/g, '/');

  // Postman sends a URL without a scheme over http; extra slashes after "scheme://" are dropped, as it does.
  const schemeMatch = SCHEME.exec(rest);
  const scheme = schemeMatch ? schemeMatch[1]!.toLowerCase() : 'http';
  if (schemeMatch) rest = rest.slice(schemeMatch[0].length).replace(/^\/+/, '');

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
  const port = hasPort ? hostPort.slice(colon + 1).trim() : '';
  if (hostname === '' || !/^\d*$/.test(port)) {
    throw new HwcAuthError('fix the request URL', `the request URL "${resolved}" is not an absolute http(s) URL`);
  }
  if (!/^[\x21-\x7e]+$/.test(hostname)) {
    if (/^[\x00-\x7f]*$/.test(hostname)) {
      throw new HwcAuthError('fix the request URL', `the host "${hostname}" of the request URL holds a space or a control character`);
    }
    throw new HwcAuthError(
      'use an ASCII host name',
      `the host "${hostname}" is not ASCII; write it in its punycode (xn--) form so the signed Host is the one sent`,
    );
  }
  const host = port ? `${hostname}:${port}` : hostname;

  const path = rawPath === '' ? '/' : rawPath.split('/').map(encodeSegment).join('/');
  const query = rawQuery === undefined ? undefined : encodeQuery(rawQuery);
  return { url: `${scheme}://${userinfo}${host}${path}${query ? '?' + query : ''}`, host };
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
