import { createHash } from 'crypto';

/**
 * Deterministic ids for generated collections: a name-based UUID (RFC 4122 version 5 layout over SHA-1) of a path
 * of names, so that regenerating the same definitions produces byte-identical files and Postman keeps its ids stable
 * across re-imports.
 */
export function stableId(...names: string[]): string {
  const hex = createHash('sha1').update(['huaweicloud-postman-auth', ...names].join('\u0000'), 'utf8').digest('hex');
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
