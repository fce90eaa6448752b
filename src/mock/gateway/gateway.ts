import type { MockRequest, MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import type { AuthFailure } from './authResult';
import { gatewayError } from './gatewayErrors';
import { checkProjectScope } from './projectScope';
import { authenticate } from './requestAuth';

/**
 * Every path that is not IAM or /__mock/: authenticate like APIG, check the project scope, then echo what was
 * received so a collection can assert on it. Records one verdict per request.
 */
export function handleGateway(req: MockRequest, state: MockState, requestId: string): MockResponse {
  const refuse = (failure: AuthFailure): MockResponse => {
    const { auth, status, code } = failure;
    state.stats.gatewayVerdict({ method: req.method, path: req.path, auth, ok: false, status, code });
    return gatewayError(status, code, failure.message, requestId, `${auth} ${failure.reason}`);
  };
  const auth = authenticate(req, state);
  if (!auth.ok) return refuse(auth);
  const scope = checkProjectScope(req, auth);
  if ('ok' in scope) return refuse(scope);

  const who =
    auth.auth === 'aksk'
      ? {
          access: auth.access,
          temporary: auth.temporary,
          signedHeaders: auth.signedHeaders,
          canonicalRequest: auth.canonicalRequest,
          algorithm: auth.algorithm,
          ...(auth.agency !== undefined ? { agency: auth.agency } : {}),
        }
      : { user: auth.token.user.name, scope: `${auth.token.scope.kind}:${auth.token.scope.name}` };
  state.stats.gatewayVerdict({
    method: req.method,
    path: req.path,
    auth: auth.auth,
    ok: true,
    status: 200,
    ...(auth.auth === 'aksk' ? { algorithm: auth.algorithm } : {}),
  });
  return {
    status: 200,
    body: {
      ok: true,
      auth: auth.auth,
      method: req.method,
      path: req.path,
      query: req.query,
      ...who,
      projectId: scope.projectId,
      bodySha256: req.body.sha256,
      bodyLength: req.body.length,
    },
    verdict: `${auth.auth} ok`,
  };
}
