import { APIG_HEADER, HEADER, SDK_HMAC_SHA256 } from '../core';
import { akskMode } from './akskMode';
import type { AkSkSettings } from './akskSettings';
import { readAppSettings, type AppSettings } from './appSettings';
import type { AuthHandler } from './authHandler';
import type { Pm } from './pm';
import type { ResolvedRequest } from './resolveRequest';

/**
 * App mode (APIs published on API Gateway with App authentication): signs like AK/SK mode (SDK-HMAC-SHA256, the
 * same body hashing, header bytes and 12 MB limit) with the app's Key and Secret, adds no X-Project-Id, sends
 * hwc_apig_stage as a signed x-stage, and puts the signature in Authorization or in the header hwc_apig_auth_header
 * names.
 */
export const appMode: AuthHandler<AppSettings> = {
  ownedHeaders: [HEADER.authorization, HEADER.sdkDate, HEADER.contentSha256, HEADER.authToken].map((n) => n.toLowerCase()),
  replaces: 'App signature',
  readSettings: readAppSettings,
  // A signature, no bearer token: plain http is the user's call, as in AK/SK mode.
  tokenHeader: () => undefined,

  apply(pm, request, settings, context) {
    const stage = settings.stage;
    const sent = withoutHeaders(request, [settings.authHeader, ...(stage !== undefined ? [APIG_HEADER.stage] : [])]);
    if (stage !== undefined) sent.signedHeaders.push([APIG_HEADER.stage, stage]);
    const keys: AkSkSettings = {
      ak: settings.appKey,
      sk: settings.appSecret,
      debug: false,
      scheme: { algorithm: SDK_HMAC_SHA256 },
      clockCorrection: settings.clockCorrection,
      lockoutAfter: settings.lockoutAfter,
    };
    const signed = akskMode.apply(pm, sent, keys, context);
    if (signed) return signed.then(() => moveSignature(pm, settings.authHeader));
    moveSignature(pm, settings.authHeader);
    return undefined;
  },
};

/** The request without any header of these names (a stale signature header or x-stage the mode sets itself). */
function withoutHeaders(request: ResolvedRequest, names: string[]): ResolvedRequest {
  const drop = names.map((n) => n.toLowerCase());
  const keep = ([name]: [string, string]): boolean => drop.indexOf(name.toLowerCase()) < 0;
  return { ...request, signedHeaders: request.signedHeaders.filter(keep), unsignedHeaders: request.unsignedHeaders.filter(keep) };
}

/** A dedicated gateway with app_auth_header set reads the signature from that header: it moves there. */
function moveSignature(pm: Pm, authHeader: string): void {
  if (authHeader === HEADER.authorization) return;
  const signature = pm.request.headers.all().find((h) => !h.disabled && h.key.toLowerCase() === 'authorization');
  if (signature === undefined) return;
  pm.request.headers.remove(HEADER.authorization);
  pm.request.headers.add({ key: authHeader, value: signature.value });
}
