import { HEADER } from '../core/constants';
import { identityKey, type IssuedToken, parseTokenCache, parseTokenResponse, passwordTokenRequestBody, storeToken, tokenUrl, usableToken } from '../core/iam';
import { parseUrl } from '../core/url';
import { VARIABLES } from '../core/variables';
import type { AuthHandler } from './authHandler';
import { HwcAuthError, messageOf } from './errors';
import { assertNotPlainHttp, type HostPolicy } from './hostPolicy';
import { iamRefusal, iamUnanswered } from './iamFailures';
import { afterIamAnswer, beforeIamCall } from './iamGuard';
import type { Pm } from './pm';
import { leaveRequestAuth } from './authHandoff';
import { writeBack } from './resolveRequest';
import { sendRequest } from './sendRequest';
import { readTokenSettings, type TokenSettings } from './tokenSettings';
import { TOKEN_CACHE_VARIABLE, tokenCacheScope } from './tokenStore';

/**
 * Token mode: writes the resolved request back (no body hash, no size limit), takes the identity's token from the
 * cache, or asks IAM for one (POST /v3/auth/tokens) when there is none or it is inside the refresh margin, then sets
 * X-Auth-Token. Throws, with IAM's message and never the password or a token, when it cannot; nothing is cached then.
 * IAM is not asked again for a user it refused in this run, and is given time after 429/5xx (iamGuard.ts). Leaves
 * the identity for the post-response script, which drops a token the gateway no longer accepts.
 */
export const tokenMode: AuthHandler<TokenSettings> = {
  ownedHeaders: [HEADER.authorization, HEADER.sdkDate, HEADER.authToken].map((n) => n.toLowerCase()),
  replaces: 'X-Auth-Token authentication',
  readSettings: readTokenSettings,
  tokenHeader: () => HEADER.authToken,

  async apply(pm, request, settings, { now, retried, hosts }) {
    writeBack(pm, request, []);
    const key = identityKey(settings.identity);
    const scope = tokenCacheScope(pm);
    let token = usableToken(parseTokenCache(scope.get(TOKEN_CACHE_VARIABLE)), key, now, settings.refreshMarginMs);
    if (token === undefined) {
      const issued = await requestToken(pm, settings, hosts);
      const cache = parseTokenCache(scope.get(TOKEN_CACHE_VARIABLE));
      scope.set(TOKEN_CACHE_VARIABLE, JSON.stringify(storeToken(cache, key, issued, now)));
      token = issued.token;
    }
    pm.request.headers.remove(HEADER.authToken);
    pm.request.headers.add({ key: HEADER.authToken, value: token });
    leaveRequestAuth(pm, { mode: 'token', host: request.host, identityKey: key, ...(retried && { retried }) });
  },
};

/** Asks IAM for a token; throws an HwcAuthError naming the fix when IAM does not give one. */
async function requestToken(pm: Pm, settings: TokenSettings, hosts: HostPolicy): Promise<IssuedToken> {
  // IAM's host needs no place in hwc_auth_hosts (the password is for IAM), but its reply carries the token.
  assertNotPlainHttp(hosts, iamTarget(settings.identity.iamEndpoint), "the password to IAM (IAM's reply carries the token)");
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

/** The IAM endpoint's scheme and host, for the plain-http rule. */
function iamTarget(endpoint: string): { scheme: string; hostname: string } {
  try {
    const { protocol, hostname } = parseUrl(endpoint);
    return { scheme: protocol, hostname };
  } catch {
    throw new HwcAuthError(`fix ${VARIABLES.iamEndpoint.name}`, `${VARIABLES.iamEndpoint.name} is not an http(s) URL with a host`);
  }
}
