import { parseRawQuery } from '../../core/canonicalQuery';
import { percentDecode } from '../../core/percentEncoding';
import { gatewayError } from '../gateway/gatewayErrors';
import { authenticate } from '../gateway/requestAuth';
import { DOMAIN, PROJECTS } from '../shared/directory';
import type { MockRequest, MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import { callerKey } from './callerKey';
import { keystoneError } from './iamErrors';

/**
 * GET /v3/projects[?name=REGION]: the account's projects, filtered by exact name. Needs a token (or an AK/SK
 * signature); a missing or bad token gets Keystone's 401, a bad signature the gateway's answer.
 */
export function handleProjects(req: MockRequest, state: MockState, requestId: string): MockResponse {
  if (req.method !== 'GET') return keystoneError(405, 'The method is not allowed for the requested URL.', 'method');
  state.stats.projectRequest();
  const auth = authenticate(req, state);
  if (!auth.ok) {
    if (auth.auth === 'aksk') return gatewayError(auth.status, auth.code, auth.message, requestId, `aksk ${auth.reason}`);
    return keystoneError(401, 'The request you have made requires authentication.', `${auth.auth} ${auth.reason}`);
  }
  const names = parseRawQuery(req.query)
    .filter((p) => percentDecode(p.name) === 'name')
    .map((p) => percentDecode(p.value ?? ''));
  state.stats.projectIdentity(callerKey(auth) + names.map((n) => ` name=${n}`).join(''));
  const projects = PROJECTS.filter((p) => names.length === 0 || names.includes(p.name)).map((p) => ({
    id: p.id,
    name: p.name,
    domain_id: DOMAIN.id,
    parent_id: DOMAIN.id,
    enabled: true,
    is_domain: false,
    description: '',
    links: { self: `/v3/projects/${p.id}` },
  }));
  return { status: 200, body: { projects, links: { self: '/v3/projects', next: null, previous: null } }, verdict: `${auth.auth} ok` };
}
