import { percentDecode, uriEncode } from './percentEncoding';

/**
 * Rule 4: percent-decode the path, split on '/', encode each segment, join with '/', and end with '/'.
 * Empty segments are kept; no dot-segment removal. An empty path is '/'.
 */
export function canonicalUri(rawPath: string): string {
  const segments = percentDecode(rawPath).split('/');
  const joined = segments.map(uriEncode).join('/');
  if (joined === '') return '/';
  return joined.endsWith('/') ? joined : joined + '/';
}
