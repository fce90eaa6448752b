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
 * then parse it again. A variable holding '&' therefore adds query parameters, exactly as it would without this
 * script.
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

const URL_PARTS = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?([^#]*))?(?:#.*)?$/;
const AUTHORITY = /^(?:([^@]*)@)?(\[[^\]]*\]|[^:]*)(?::(\d*))?$/;

/**
 * The resolved URL, or undefined when the part that is sent still holds an unresolved {{reference}} (recorded in
 * `unresolved`; one in the fragment, which is never sent, is fine).
 */
export function resolveUrl(pm: Pm, unresolved: UnresolvedReferences): WireUrl | undefined {
  const template = pm.request.url.toString();
  const resolved = withoutFragment(resolveTemplate(pm, template)).trim();
  if (unresolved.check(resolved, 'the URL')) return undefined;
  return toWireUrl(resolved);
}

/** The text before the fragment: up to the first '#' outside a {{reference}} (as Postman's parser splits it). */
function withoutFragment(url: string): string {
  const masked = url.replace(/\{\{[^{}]*\}\}/g, (ref) => '_'.repeat(ref.length));
  const hash = masked.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Encodes a resolved URL for the wire. Exported for tests. */
export function toWireUrl(resolved: string): WireUrl {
  // Postman sends a URL without a scheme over http.
  const withScheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(resolved) ? resolved : 'http://' + resolved;
  const m = URL_PARTS.exec(withScheme);
  const authority = m ? AUTHORITY.exec(m[2] ?? '') : null;
  if (!m || !authority || !authority[2]) {
    throw new HwcAuthError('fix the request URL', `the request URL "${resolved}" is not an absolute http(s) URL`);
  }
  const scheme = m[1]!.toLowerCase();
  const hostname = authority[2].toLowerCase();
  if (!/^[\x21-\x7e]+$/.test(hostname)) {
    throw new HwcAuthError(
      'use an ASCII host name',
      `the host "${hostname}" is not ASCII; write it in its punycode (xn--) form so the signed Host is the one sent`,
    );
  }
  const port = authority[3] ? authority[3] : '';
  const host = port ? `${hostname}:${port}` : hostname;
  const userinfo = authority[1] !== undefined ? authority[1] + '@' : '';

  const rawPath = m[3] ?? '';
  const path = rawPath === '' ? '/' : rawPath.split('/').map(encodeSegment).join('/');
  const query = m[4] === undefined ? undefined : encodeQuery(m[4]);
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
