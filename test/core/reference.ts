import { createHash, createHmac } from 'node:crypto';

/**
 * Independent references for expected values: node:crypto called directly (not through the core's injected
 * HashFunctions) and encodeURIComponent with the documented adjustment to the spec's unreserved set.
 */

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

export const hmacSha256 = (key: string | Uint8Array, data: string): string => createHmac('sha256', key).update(data).digest('hex');

/**
 * Spec rule 4 encoding, built from encodeURIComponent (which already emits UTF-8 bytes as uppercase %XX and keeps
 * A-Z a-z 0-9 - _ . ~) plus the characters it leaves alone that the spec does not: ! ' ( ) *.
 */
export const specEncode = (text: string): string =>
  encodeURIComponent(text).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/**
 * Spec rule 4 on bytes, as Huawei's Go signer escapes (core/auth/signer/escape.go): every byte outside
 * A-Z a-z 0-9 - _ . ~ as uppercase %XX, whatever the bytes mean as text.
 */
export const specEncodeBytes = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => (/[A-Za-z0-9\-_.~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0'))).join('');
