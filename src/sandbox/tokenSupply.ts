import { HEADER } from '../core/constants';
import { identityKey, type IssuedToken, parseTokenCache, parseTokenResponse, passwordTokenRequestBody, storeToken, tokenUrl, usableToken } from '../core/iam';
import { messageOf } from './errors';
import { assertIamReplyProtected, type HostPolicy } from './hostPolicy';
import { iamRefusal, iamUnanswered } from './iamFailures';
import { afterIamAnswer, beforeIamCall } from './iamGuard';
import type { Pm } from './pm';
import { sendRequest } from './sendRequest';
import type { TokenSettings } from './tokenSettings';
import { TOKEN_CACHE_VARIABLE, tokenCacheScope } from './tokenStore';

/**
 * The identity's IAM token: from the cache (hwc_token_cache) while outside the refresh margin, else a new one from
 * POST /v3/auth/tokens, cached. Token mode sends it as X-Auth-Token; temporary mode authenticates with it.
 * Throws, with IAM's message and never the password or a token, when IAM gives none; nothing is cached then.
 * IAM is not asked again for a user it refused in this run, and is given time after 429/5xx (iamGuard.ts).
 */
export async function cachedToken(pm: Pm, settings: TokenSettings, now: number, hosts: HostPolicy): Promise<string> {
  const key = identityKey(settings.identity);
  const scope = tokenCacheScope(pm);
  const token = usableToken(parseTokenCache(scope.get(TOKEN_CACHE_VARIABLE)), key, now, settings.refreshMarginMs);
  if (token !== undefined) return token;
  const issued = await requestToken(pm, settings, hosts);
  const cache = parseTokenCache(scope.get(TOKEN_CACHE_VARIABLE));
  scope.set(TOKEN_CACHE_VARIABLE, JSON.stringify(storeToken(cache, key, issued, now)));
  return issued.token;
}

/** Asks IAM for a token; throws an HwcAuthError naming the fix when IAM does not give one. */
async function requestToken(pm: Pm, settings: TokenSettings, hosts: HostPolicy): Promise<IssuedToken> {
  assertIamReplyProtected(hosts, settings.identity.iamEndpoint, "the password to IAM (IAM's reply carries the token)");
  await beforeIamCall(pm, settings.identity, settings.iamTimeoutMs);
  let response;
  try {
    response = await sendRequest(
      pm,
      {
        url: tokenUrl(settings.identity.iamEndpoint),
        method: 'POST',
        header: [{ key: HEADER.contentType, value: 'application/json;charset=UTF-8' }],
        body: { mode: 'raw', raw: passwordTokenRequestBody(settings.identity, settings.password) },
      },
      settings.iamTimeoutMs,
    );
  } catch (err) {
    throw iamUnanswered(settings.identity, settings.iamTimeoutMs, err);
  }
  try {
    const issued = parseTokenResponse(response.code, response.headers.get(HEADER.subjectToken), response.text());
    afterIamAnswer(pm, settings.identity, response.code, undefined, '');
    return issued;
  } catch (err) {
    afterIamAnswer(pm, settings.identity, response.code, response.headers.get('Retry-After'), messageOf(err));
    throw iamRefusal(settings.identity, err);
  }
}
