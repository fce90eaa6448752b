import { HEADER } from './constants';
import type { UrlParts } from './url';

/**
 * APIs published on API Gateway (APIG): App authentication signs like AK/SK with the app's Key and Secret and no
 * X-Project-Id; a dedicated gateway may read the signature from another header (its `app_auth_header` parameter);
 * `x-stage` picks the environment the API is published in. Simple authentication sends the AppCode instead, over
 * HTTPS only (devg-apig, usermanual-apig apig_03_0058).
 */
export const APIG_HEADER = {
  appCode: 'X-Apig-AppCode',
  stage: 'x-stage',
} as const;

/** A header name as HTTP allows it (RFC 9110 token), which the signature may go in instead of Authorization. */
export function isHeaderName(name: string): boolean {
  return /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name);
}

/**
 * The header the app signature goes in: Authorization unless the gateway reads another one. Names the signer sets
 * and signs (Host, X-Sdk-Date, ...) cannot carry it. Null when the name cannot be used.
 */
export function appAuthHeaderName(configured: string | undefined): string | null {
  if (configured === undefined || configured.toLowerCase() === HEADER.authorization.toLowerCase()) return HEADER.authorization;
  if (!isHeaderName(configured)) return null;
  const reserved = [HEADER.host, HEADER.sdkDate, HEADER.contentType, HEADER.contentSha256, APIG_HEADER.stage, APIG_HEADER.appCode];
  return reserved.some((r) => r.toLowerCase() === configured.toLowerCase()) ? null : configured;
}

/** Loopback hosts: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase();
  return h === 'localhost' || h.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(h) || h === '[::1]';
}

/** An AppCode travels only over HTTPS, or over plain HTTP to this machine (a local mock or tunnel). */
export function appCodeTransportAllowed(url: UrlParts): boolean {
  return url.protocol === 'https' || (url.protocol === 'http' && isLoopbackHost(url.hostname));
}
