import { percentDecodeBytes, uriEncodeBytes } from './percentEncoding';

const SLASH = 0x2f;

/**
 * Rule 4: percent-decode the path to bytes, split on '/', encode each segment's bytes, join with '/', and end with
 * '/'. Empty segments are kept; no dot-segment removal. An empty path is '/'. Bytes that are not UTF-8 stay the same
 * bytes (`%FF` stays `%FF`), as Huawei's Go signer escapes the bytes of URL.Path; an encoded slash `%2F` is decoded
 * first, so it becomes a separator.
 */
export function canonicalUri(rawPath: string): string {
  const joined = uriEncodeBytes(percentDecodeBytes(rawPath), SLASH);
  if (joined === '') return '/';
  return joined.endsWith('/') ? joined : joined + '/';
}
