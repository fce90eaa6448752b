import { formatSdkDate, HEADER, signRequest } from '../core';
import {
  parseSecurityTokenResponse,
  parseTemporaryCache,
  securityTokenRequestBody,
  securityTokensUrl,
  storeTemporary,
  temporaryIdentityKey,
  usableTemporary,
  type TemporaryCredential,
} from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import { akskMode } from './akskMode';
import { assertIamReplyProtected } from './hostPolicy';
import type { AuthContext, AuthHandler } from './authHandler';
import type { Pm, PmRequestDefinition } from './pm';
import { sendRequest } from './sendRequest';
import { securityTokensRefusal, securityTokensUnanswered } from './temporaryFailures';
import { readTemporarySettings, type TemporarySettings } from './temporarySettings';
import { tokenCacheScope } from './tokenStore';
import { cachedToken } from './tokenSupply';

/**
 * Temporary mode: obtains a temporary AK/SK and security token from POST /v3.0/OS-CREDENTIAL/securitytokens (the
 * caller's own, or an agency's by assume_role), authenticated by the permanent AK/SK or the user's IAM token; caches
 * them by identity in hwc_temporary_cache (same scope as the token cache) until 5 minutes before they expire; then
 * signs the request like AK/SK mode, with X-Security-Token.
 */
export const temporaryMode: AuthHandler<TemporarySettings> = {
  ownedHeaders: akskMode.ownedHeaders,
  replaces: 'AK/SK signature',
  readSettings: readTemporarySettings,
  // The security token is sent as it is (the signature only binds it to this request): it must not cross plain http.
  tokenHeader: () => HEADER.securityToken,

  async apply(pm, request, settings, context) {
    const credential = await cachedTemporary(pm, settings, context);
    await akskMode.apply(
      pm,
      request,
      { ak: credential.access, sk: credential.secret, securityToken: credential.securityToken, ...settings.signing },
      context,
    );
  },
};

const CACHE_VARIABLE = V.temporaryCache.name;

async function cachedTemporary(pm: Pm, settings: TemporarySettings, context: AuthContext): Promise<TemporaryCredential> {
  const key = temporaryIdentityKey(settings.identity);
  const scope = tokenCacheScope(pm);
  const cached = usableTemporary(parseTemporaryCache(scope.get(CACHE_VARIABLE)), key, context.now);
  if (cached) return cached;
  const issued = await requestTemporary(pm, settings, context);
  scope.set(CACHE_VARIABLE, JSON.stringify(storeTemporary(parseTemporaryCache(scope.get(CACHE_VARIABLE)), key, issued, context.now)));
  return issued;
}

/** Asks IAM for temporary credentials; throws an HwcAuthError naming the fix when it gives none. */
async function requestTemporary(pm: Pm, settings: TemporarySettings, { now, crypto, hosts }: AuthContext): Promise<TemporaryCredential> {
  assertIamReplyProtected(hosts, settings.identity.iamEndpoint, "the request for temporary keys (IAM's reply carries them)");
  const url = securityTokensUrl(settings.identity.iamEndpoint);
  const body = securityTokenRequestBody(settings.identity);
  const header: Array<{ key: string; value: string }> = [{ key: HEADER.contentType, value: 'application/json;charset=UTF-8' }];
  if (settings.caller.kind === 'aksk') {
    const signed = signRequest(
      { method: 'POST', url, headers: [[HEADER.contentType, header[0]!.value]], body },
      { ak: settings.caller.ak, sk: settings.caller.sk },
      { sdkDate: formatSdkDate(now), crypto },
    );
    for (const [key, value] of signed.headers) header.push({ key, value });
  } else {
    header.push({ key: HEADER.authToken, value: await cachedToken(pm, settings.caller.token, now, hosts) });
  }
  const definition: PmRequestDefinition = { url, method: 'POST', header, body: { mode: 'raw', raw: body } };
  let response;
  try {
    response = await sendRequest(pm, definition, settings.iamTimeoutMs);
  } catch (err) {
    throw securityTokensUnanswered(settings.identity, settings.iamTimeoutMs, err);
  }
  try {
    return parseSecurityTokenResponse(response.code, response.text());
  } catch (err) {
    throw securityTokensRefusal(settings.identity, err);
  }
}
