import { gatewayError } from '../gateway/gatewayErrors';
import { authenticate } from '../gateway/requestAuth';
import { DOMAIN } from '../shared/directory';
import type { MockRequest, MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { callerKey } from './callerKey';
import { keystoneError } from './iamErrors';

/**
 * GET /v3/auth/domains: the account the caller belongs to (`{"domains":[{"id","name","enabled"}]}`), for the
 * account id global services take as X-Domain-Id. Needs a token or an AK/SK signature, like /v3/projects.
 */
export function handleDomains(req: MockRequest, state: MockState, requestId: string): MockResponse {
  if (req.method !== 'GET') return keystoneError(405, 'The method is not allowed for the requested URL.', 'method');
  const auth = authenticate(req, state);
  if (!auth.ok) {
    state.stats.domainRequest(undefined);
    if (auth.auth === 'aksk') return gatewayError(auth.status, auth.code, auth.message, requestId, `aksk ${auth.reason}`);
    return keystoneError(401, 'The request you have made requires authentication.', `${auth.auth} ${auth.reason}`);
  }
  state.stats.domainRequest(callerKey(auth));
  const domains = [{ id: DOMAIN.id, name: DOMAIN.name, enabled: true, description: '', links: { self: `/v3/domains/${DOMAIN.id}` } }];
  return { status: 200, body: { domains, links: { self: '/v3/auth/domains', next: null, previous: null } }, verdict: `${auth.auth} ok` };
}
