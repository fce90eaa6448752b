import type { GatewayAnswer } from '../../core/doctor/gatewayAnswer';
import { dropToken, parseTokenCache } from '../../core/iam/tokenCache';
import type { Pm } from '../pm';
import type { RequestAuth } from '../authHandoff';
import { markRetry } from '../retryFlag';
import { TOKEN_CACHE_VARIABLE, tokenCacheScope } from '../tokenStore';
import type { ResponseSettings } from './responseSettings';
import { note, reportRefusal } from './responseReport';

/**
 * The gateway (or IAM) says the token is no longer valid (APIG.0307, IAM.0066, an invalid-token message): it was
 * revoked before it expired (a password, permission or key change). The identity's cached token is dropped, so the
 * next request gets a fresh one. In a collection run the request is sent again once, at once
 * (pm.execution.setNextRequest to this item; hwc_auth_retry is set meanwhile so item tests can skip this attempt);
 * a retry that fails the same way is not retried again, and is recorded as a failing test.
 */
export function recoverToken(pm: Pm, auth: RequestAuth, answer: GatewayAnswer, settings: ResponseSettings): void {
  if (auth.identityKey !== undefined) {
    const scope = tokenCacheScope(pm);
    const cache = parseTokenCache(scope.get(TOKEN_CACHE_VARIABLE));
    const next = dropToken(cache, auth.identityKey);
    if (next !== cache) scope.set(TOKEN_CACHE_VARIABLE, JSON.stringify(next));
  }
  const said = `${answer.status}${answer.code ? ' ' + answer.code : ''} ${clip(answer.message)}`;
  const requestId = pm.info.requestId;
  const setNext = pm.execution.setNextRequest;
  if (!auth.retried && !settings.expectRejection && requestId && typeof setNext === 'function') {
    markRetry(pm);
    setNext.call(pm.execution, requestId);
    note(`the IAM token was refused (${said}): dropped from the cache; this request is sent again with a fresh token`);
    return;
  }
  const fix = auth.retried
    ? `the IAM token was refused again, right after a fresh one was issued (${answer.code ?? answer.status})`
    : `the IAM token was refused (${answer.code ?? answer.status}): it was dropped, the next request gets a fresh one`;
  reportRefusal(pm, fix, `${fix}; the gateway answered ${said}`, settings.expectRejection);
}

function clip(text: string): string {
  return text.length > 200 ? text.slice(0, 200) + '...' : text;
}
