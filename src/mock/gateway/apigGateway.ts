import { APIG_HEADER } from '../../core/apigApps';
import { gatewayQuotedForm } from '../../core/canonicalRequest';
import { HEADER, MAX_SIGNED_BODY_BYTES } from '../../core/constants';
import { verifySignature } from '../../core/verifySignature';
import { nodeCrypto } from '../../node/nodeCrypto';
import { MOCK_APIG } from '../fixtures';
import { headerValue, receivedDigests, type MockRequest, type MockResponse } from '../shared/exchange';
import type { MockState } from '../shared/state';
import type { AuthKind } from '../shared/stats';
import { GATEWAY_CODE, gatewayError } from './gatewayErrors';
import { sdkDateProblem } from './sdkDateWindow';

export const APIG_PREFIX = '/apig/';

/**
 * Published APIs, checked the way API Gateway checks App and simple authentication (the app: MOCK_APIG):
 *   /apig/app/...            App authentication: an app signature in Authorization;
 *   /apig/custom-header/...  the same on a dedicated gateway whose app_auth_header is MOCK_APIG.authHeader: the
 *                            signature is read from that header only;
 *   /apig/appcode/...        simple authentication enabled: X-Apig-AppCode, or an app signature in Authorization.
 * Every API is published in the MOCK_APIG.stages environments; x-stage picks one (default RELEASE). 200 echoes what
 * was verified; failures answer APIG's codes (gatewayErrors.ts).
 */
export function handleApig(req: MockRequest, state: MockState, requestId: string): MockResponse {
  const api = req.path.slice(APIG_PREFIX.length).split('/')[0] ?? '';
  const refuse = (auth: AuthKind, status: number, code: string, message: string, reason: string): MockResponse => {
    state.stats.gatewayVerdict({ method: req.method, path: req.path, auth, ok: false, status, code });
    return gatewayError(status, code, message, requestId, `${auth} ${reason}`);
  };
  const notFound = (): MockResponse =>
    refuse('none', 404, GATEWAY_CODE.apiNotFound, 'The API does not exist or has not been published in the environment.', 'api not found');
  if (api !== 'app' && api !== 'custom-header' && api !== 'appcode') return notFound();
  const stage = headerValue(req, APIG_HEADER.stage)?.trim() || 'RELEASE';
  if (!(MOCK_APIG.stages as readonly string[]).includes(stage)) return notFound();

  const appFailure = (auth: AuthKind, detail: string, reason: string): MockResponse =>
    refuse(auth, 401, GATEWAY_CODE.appAuth, 'Incorrect app authentication information: ' + detail, reason);
  const echo = (auth: AuthKind, extra: Record<string, unknown>): MockResponse => {
    state.stats.gatewayVerdict({ method: req.method, path: req.path, auth, ok: true, status: 200 });
    return {
      status: 200,
      body: {
        ok: true,
        auth,
        api,
        stage,
        method: req.method,
        path: req.path,
        query: req.query,
        ...extra,
        projectIdHeader: headerValue(req, HEADER.projectId) ?? null,
        bodySha256: req.body.sha256,
        bodyLength: req.body.length,
      },
      verdict: `${auth} ok`,
    };
  };

  const appCode = headerValue(req, APIG_HEADER.appCode);
  if (api === 'appcode' && appCode !== undefined) {
    if (appCode.trim() !== MOCK_APIG.app.code) return appFailure('appcode', 'AppCode not found', 'appcode unknown');
    return echo('appcode', { appKey: MOCK_APIG.app.key });
  }

  const authHeader = api === 'custom-header' ? MOCK_APIG.authHeader : HEADER.authorization;
  const signature = headerValue(req, authHeader);
  if (signature === undefined) return appFailure('app', `${authHeader} not found.`, 'no-credentials');
  if (req.body.length > MAX_SIGNED_BODY_BYTES) return refuse('app', 413, GATEWAY_CODE.requestError, 'Request entity too large.', 'body-too-large');
  const clock = sdkDateProblem(req, state.now());
  if (clock) return appFailure('app', clock.detail, clock.reason);
  const result = verifySignature(
    { method: req.method, target: req.target, headers: { ...req.headers, authorization: signature }, body: receivedDigests(req) },
    (key) => (key === MOCK_APIG.app.key ? MOCK_APIG.app.secret : undefined),
    nodeCrypto,
  );
  if (!result.ok) {
    if (result.reason === 'unknown-access-key') return appFailure('app', `app not found, appkey ${result.access}`, result.reason);
    if (result.reason === 'signature-mismatch') {
      return appFailure('app', 'verify signature fail, canonicalRequest:' + gatewayQuotedForm(result.canonicalRequest), result.reason);
    }
    return appFailure('app', result.detail, result.reason);
  }
  const signedHeaders = result.canonicalRequest.split('\n').slice(-2)[0]!.split(';');
  return echo('app', { appKey: result.access, algorithm: result.algorithm, signedHeaders, canonicalRequest: result.canonicalRequest });
}
