import { percentDecodeBytes, uriEncodeBytes } from './percentEncoding';

const SLASH = 0x2f;
const UNRESERVED_OR_SLASH_ONLY = /^[A-Za-z0-9\-_.~/]*$/;

/**
 * Rule 4: percent-decode the path to bytes, split on '/', encode each segment's bytes, join with '/', and end with
 * '/'. Empty segments are kept; no dot-segment removal. An empty path is '/'. Bytes that are not UTF-8 stay the same
 * bytes (`%FF` stays `%FF`), as Huawei's Go signer escapes the bytes of URL.Path; an encoded slash `%2F` is decoded
 * first, so it becomes a separator.
 */
export function canonicalUri(rawPath: string): string {
  // Unreserved characters and slashes only (most paths): decoding and encoding would give the path back.
  const joined = UNRESERVED_OR_SLASH_ONLY.test(rawPath) ? rawPath : uriEncodeBytes(percentDecodeBytes(rawPath), SLASH);
  if (joined === '') return '/';
  return joined.endsWith('/') ? joined : joined + '/';
}
