import { formatSdkDate, HEADER, signRequest, type SigningCredentials } from '../core';
import { readAkSkSettings, type AkSkSettings } from './akskSettings';
import type { AuthContext, AuthHandler } from './authHandler';
import { hashBody, type BodyHash } from './bodyHash';
import type { Pm } from './pm';
import { writeBack, type ResolvedRequest } from './resolveRequest';
import { sandboxConsole } from './sandboxConsole';

/**
 * AK/SK mode: hashes the resolved body (bodyHash.ts), signs with the pure core (SDK-HMAC-SHA256) and writes the
 * request back with X-Sdk-Date, the credential headers and Authorization.
 */
export const akskMode: AuthHandler<AkSkSettings> = {
  ownedHeaders: [
    HEADER.authorization,
    HEADER.sdkDate,
    HEADER.contentSha256,
    HEADER.securityToken,
    HEADER.projectId,
    HEADER.domainId,
    HEADER.authToken,
  ].map((n) => n.toLowerCase()),
  replaces: 'AK/SK signature',
  readSettings: readAkSkSettings,

  apply(pm, request, settings, context) {
    // The body is hashed here, once, with its bytes counted in the same pass (the 12 MB limit): natively where the
    // sandbox can (asynchronously), else by the bundled SHA-256 straight from the text.
    const text = request.body.kind === 'text' && request.body.text !== '' ? request.body.text : undefined;
    const hash = text === undefined ? undefined : hashBody(text);
    if (hash instanceof Promise) return hash.then((h) => sign(pm, request, settings, context, h));
    sign(pm, request, settings, context, hash);
    return undefined;
  },
};

/** Signs with the pure core (SDK-HMAC-SHA256), the body's hash given, and writes the request back. */
function sign(
  pm: Pm,
  request: ResolvedRequest,
  settings: AkSkSettings,
  { now, crypto }: AuthContext,
  body: BodyHash | undefined,
): void {
  // The variables win; a credential header the request carries itself is used (and signed) when its variable is unset.
  const own = request.credentialHeaders;
  const credentials: SigningCredentials = { ak: settings.ak, sk: settings.sk };
  const securityToken = settings.securityToken ?? own['x-security-token'];
  const projectId = settings.projectId ?? own['x-project-id'];
  const domainId = settings.domainId ?? own['x-domain-id'];
  if (securityToken !== undefined) credentials.securityToken = securityToken;
  if (projectId !== undefined) credentials.projectId = projectId;
  if (domainId !== undefined) credentials.domainId = domainId;

  const result = signRequest(
    {
      method: request.method,
      url: request.url,
      headers: request.signedHeaders,
      unsignedPayload: request.body.kind === 'unsigned',
      ...(body !== undefined && { payloadHash: body.sha256Hex }),
    },
    credentials,
    { sdkDate: settings.sdkDate ?? formatSdkDate(now), crypto },
  );
  writeBack(pm, request, result.headers);
  if (settings.debug) {
    // The security token is a credential, so its value is masked.
    const canonical = result.canonicalRequest.replace(/^(x-security-token:).*$/m, '$1***');
    sandboxConsole.info("hwc-auth: canonical request (compare with the gateway's APIGW.0301 message):\n" + canonical);
  }
}
