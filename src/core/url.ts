import { trimmed } from './trimmed';
/** The parts of an absolute URL the signer needs, read as raw text (no decoding, no normalisation). */
export interface UrlParts {
  protocol: string;
  /** Lowercased host name, without the port. */
  hostname: string;
  /** The explicit port, or '' when the URL has none. */
  port: string;
  /** The path as written, '' when absent. */
  path: string;
  /** The query without '?', '' when absent. */
  query: string;
}

// The user info ends at the last '@' before the path; the path is empty or starts with '/': whatever else follows the
// host (or the port) is not part of a URL.
const ABSOLUTE_URL = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/(?:[^/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?(\/[^?#]*)?(?:\?([^#]*))?(?:#.*)?$/;

/**
 * Parses `scheme://[userinfo@]host[:port]/path?query#fragment`; throws on anything else. The user info ends at the
 * last '@' before the path (a password may hold '@'), as Postman's URL parser and WHATWG URLs read it.
 */
export function parseUrl(url: string): UrlParts {
  const m = ABSOLUTE_URL.exec(trimmed(url));
  if (!m || !m[2]) throw new Error(`not an absolute http(s) URL: ${url}`);
  return {
    protocol: m[1]!.toLowerCase(),
    hostname: m[2].toLowerCase(),
    port: m[3] ?? '',
    path: m[4] ?? '',
    query: m[5] ?? '',
  };
}

/** The Host header as clients send it: hostname plus the port when the URL names one (":443" included). */
export function hostHeader(parts: UrlParts): string {
  return parts.port ? `${parts.hostname}:${parts.port}` : parts.hostname;
}
