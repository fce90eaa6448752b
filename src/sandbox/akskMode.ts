import { formatSdkDate, gatewayQuotedForm, HEADER, signRequest, type SigningCredentials } from '../core';
import { maskCanonicalRequest } from '../core/doctor/compareCanonical';
import { readAkSkSettings, type AkSkSettings } from './akskSettings';
import { leaveRequestAuth } from './authHandoff';
import type { AuthContext, AuthHandler } from './authHandler';
import { hashBody, type BodyHash } from './bodyHash';
import { clockCorrectionFor } from './clockCorrection';
import { hwcAuthError } from './errors';
import { assertNotLockedOut, skFingerprint } from './lockoutGuard';
import { lookedUpId } from './lookedUpIds';
import type { Pm } from './pm';
import { writeBack, type ResolvedRequest } from './resolveRequest';
import { sandboxConsole } from './sandboxConsole';

/**
 * AK/SK mode: hashes the resolved body (bodyHash.ts), signs with the pure core (SDK-HMAC-SHA256, or the
 * hwc_signing_algorithm chosen: V11-HMAC-SHA256, SDK-HMAC-SM3) and writes the request back with X-Sdk-Date, the
 * credential headers and Authorization. Header values are signed as the bytes
 * Postman's HTTP client (Node's) sends: one byte per character (Latin-1), so `café` is signed with E9, as the gateway
 * receives it. Before that, it stops an AK that failed the signature check too often in this run (lockoutGuard.ts)
 * and corrects the clock by the offset learnt for the host (clockCorrection.ts); after, it leaves what it signed for
 * the post-response script (authHandoff.ts).
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

  // A security token is sent as it is (the signature only binds it to this request): it must not cross plain http.
  tokenHeader(settings, request) {
    return (settings.securityToken ?? request.credentialHeaders['x-security-token']) !== undefined ? HEADER.securityToken : undefined;
  },

  apply(pm, request, settings, context) {
    const fingerprint = skFingerprint(settings.sk, context.crypto);
    assertNotLockedOut(pm, settings.ak, fingerprint, settings.lockoutAfter);
    // The body is hashed here, once, with its bytes counted in the same pass (the 12 MB limit): natively where the
    // sandbox can (asynchronously), else by the bundled SHA-256 straight from the text.
    const text = request.body.kind === 'text' && request.body.text !== '' ? request.body.text : undefined;
    assertSendableHeaders(request.signedHeaders);
    const hash = text === undefined ? undefined : hashBody(text, settings.scheme.algorithm);
    // With no project (or account) id anywhere, it is looked up at IAM first (HUAWEICLOUD_REGION, hwc_token_scope).
    const lookup = settings.lookup;
    const own = request.credentialHeaders;
    const known = lookup?.kind === 'project' ? (settings.projectId ?? own['x-project-id']) : (settings.domainId ?? own['x-domain-id']);
    if (lookup !== undefined && known === undefined) {
      return Promise.resolve(hash).then((h) =>
        lookedUpId(pm, lookup, settings, context).then((id) =>
          sign(pm, request, lookup.kind === 'project' ? { ...settings, projectId: id } : { ...settings, domainId: id }, context, h, fingerprint),
        ),
      );
    }
    if (hash instanceof Promise) return hash.then((h) => sign(pm, request, settings, context, h, fingerprint));
    sign(pm, request, settings, context, hash, fingerprint);
    return undefined;
  },
};

/** Signs with the pure core (the settings' algorithm), the body's hash given, and writes the request back. */
function sign(
  pm: Pm,
  request: ResolvedRequest,
  settings: AkSkSettings,
  { now, crypto }: AuthContext,
  body: BodyHash | undefined,
  fingerprint: string,
): void {
  const correction = settings.sdkDate === undefined && settings.clockCorrection ? clockCorrectionFor(pm, request.host) : 0;
  const sdkDate = settings.sdkDate ?? formatSdkDate(now + correction);
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
      ...(body !== undefined && { payloadHash: body.hex }),
    },
    credentials,
    { sdkDate, crypto, headerEncoding: 'latin1', ...settings.scheme },
  );
  writeBack(pm, request, result.headers);
  // The security token (and any header named like a credential) is masked.
  const canonical = maskCanonicalRequest(result.canonicalRequest);
  leaveRequestAuth(pm, {
    mode: 'aksk',
    host: request.host,
    ak: settings.ak,
    skFingerprint: fingerprint,
    canonicalRequest: canonical,
    sdkDate,
    clockCorrectionMs: correction,
    ...(settings.sdkDate !== undefined && { fixedDate: true }),
  });
  if (settings.debug) {
    // One console entry: the lines as they are, then the '|' form an APIGW.0301 message quotes, to compare as text.
    sandboxConsole.info(
      "hwc-auth: canonical request (compare with the gateway's APIGW.0301 message):\n" +
        canonical +
        '\n\nas APIGW.0301 quotes it: ' +
        gatewayQuotedForm(canonical),
    );
  }
}

/**
 * Refuses a signed header value with a character above U+00FF: Node's HTTP client (so Postman and Newman) cannot send
 * it (ERR_INVALID_CHAR), so no signature could match. The value is not shown: a header may carry a secret.
 */
function assertSendableHeaders(headers: ReadonlyArray<readonly [string, string]>): void {
  for (const [name, value] of headers) {
    if (/[^\u0000-\u00ff]/.test(value)) {
      throw hwcAuthError(
        `encode the value of header ${name}`,
        `header ${name} holds a character outside Latin-1 (above U+00FF), which Postman and Newman cannot send in a ` +
          'header (their HTTP client sends one byte per character); percent-encode or Base64-encode the value, ' +
          'as Huawei Cloud asks for non-ASCII header values, and let the API decode it',
      );
    }
  }
}
