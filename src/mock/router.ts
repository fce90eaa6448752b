import { APIG_PREFIX, handleApig } from './gateway/apigGateway';
import { handleGateway } from './gateway/gateway';
import { handleTokenRequest } from './iam/iamTokens';
import { handleDomains } from './iam/domains';
import { handleProjects } from './iam/projects';
import { handleSecurityTokens } from './iam/securityTokens';
import { handleIntrospection, INTROSPECTION_PREFIX } from './introspection';
import type { MockRequest, MockResponse } from './shared/exchange';
import type { MockState } from './shared/state';

export const ROUTES = {
  tokens: '/v3/auth/tokens',
  securityTokens: '/v3.0/OS-CREDENTIAL/securitytokens',
  projects: '/v3/projects',
  domains: '/v3/auth/domains',
} as const;

/** IAM and /__mock/ bodies are small JSON documents; no more of one is kept (a larger one is answered as not JSON). */
export const MAX_PARSED_BODY_BYTES = 1024 * 1024;

/**
 * How many body bytes a path's handler needs: IAM and /__mock/ parse theirs; the gateways (AK/SK and /apig/) keep none,
 * they check the digest taken as the body arrived (so 40 concurrent 12 MB uploads hold no 480 MB).
 */
export function bodyBytesKept(path: string): number {
  const parsed = path.startsWith(INTROSPECTION_PREFIX) || path === ROUTES.tokens || path === ROUTES.securityTokens || path === ROUTES.projects;
  return parsed ? MAX_PARSED_BODY_BYTES : 0;
}

/**
 * Sends a request to IAM, the introspection endpoints, the published APIs under /apig/ (App and simple
 * authentication), or (everything else) the gateway, by its raw path.
 */
export function route(req: MockRequest, state: MockState, requestId: string): MockResponse | Promise<MockResponse> {
  if (req.path.startsWith(INTROSPECTION_PREFIX)) return handleIntrospection(req, state);
  if (req.path.startsWith(APIG_PREFIX)) return handleApig(req, state, requestId);
  switch (req.path) {
    case ROUTES.tokens:
      return handleTokenRequest(req, state);
    case ROUTES.securityTokens:
      return handleSecurityTokens(req, state, requestId);
    case ROUTES.projects:
      return handleProjects(req, state, requestId);
    case ROUTES.domains:
      return handleDomains(req, state, requestId);
    default:
      return handleGateway(req, state, requestId);
  }
}
