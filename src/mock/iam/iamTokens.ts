import { parseRawQuery } from '../../core/canonicalQuery';
import { percentDecode } from '../../core/percentEncoding';
import { HEADER } from '../../core/constants';
import { findDomain, findProject, findUser } from '../shared/directory';
import { headerValue, jsonBody, type MockRequest, type MockResponse } from '../shared/exchange';
import type { IssuedSubjectToken } from '../shared/issuedCredentials';
import type { MockState } from '../shared/state';
import { keystoneError } from './iamErrors';
import { newSubjectToken } from './iamFormat';
import { tokenResponseBody } from './iamTokenBody';
import { parsePasswordTokenRequest, statsIdentityKey } from './iamTokenRequest';

export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 3600;
const WRONG_PASSWORD = 'The username or password is wrong.';
/** IAM's answer to a locked user's login (IAM FAQ "Why Is My Account Locked?"). */
const LOCKED = 'The account is locked.';

/**
 * POST /v3/auth/tokens: counts the request, applies the IAM faults (delay, then status, with Retry-After when set),
 * checks the body and the password against the fixtures, and issues a ~10 KB X-Subject-Token valid 24 h (or
 * tokenTtlSeconds). Like IAM, 5 wrong passwords of a user in a row lock the user for 15 minutes: every login of it
 * is refused meanwhile ("The account is locked."), with the right password too.
 */
export async function handleTokenRequest(req: MockRequest, state: MockState): Promise<MockResponse> {
  if (req.method !== 'POST') return keystoneError(405, 'The method is not allowed for the requested URL.', 'method');
  const parsed = parsePasswordTokenRequest(jsonBody(req));
  state.stats.iamTokenRequest('request' in parsed ? statsIdentityKey(parsed.request) : undefined);

  // The fault is decided when the request arrives: a late answer to a request from before POST /__mock/reset must not
  // use up a fault a later test set.
  const faultStatus = state.faults.takeIamFailure();
  const retryAfter = state.faults.current.iamRetryAfterSeconds;
  if (!(await state.delay(state.faults.current.iamDelayMs ?? 0))) return keystoneError(503, 'Mock reset while this request waited.', 'reset');
  if (faultStatus !== undefined) {
    const fault = keystoneError(faultStatus, `Mock fault: IAM answers ${faultStatus}.`, 'fault');
    return retryAfter === undefined ? fault : { ...fault, headers: { 'Retry-After': String(retryAfter) } };
  }
  if ('error' in parsed) return keystoneError(400, parsed.error, 'bad-request');

  const { request } = parsed;
  const domain = findDomain(request.domain);
  const user = findUser(request.user.name);
  const lockKey = `${request.domain.name ?? request.domain.id}/${request.user.name}`;
  if (user && state.loginLocks.isLocked(lockKey, state.now())) return keystoneError(401, LOCKED, 'user locked');
  if (!domain || !user || user.password !== request.user.password) {
    if (user && state.loginLocks.fail(lockKey, state.now())) state.stats.userLocked(lockKey);
    return keystoneError(401, WRONG_PASSWORD, 'wrong-password');
  }
  state.loginLocks.succeed(lockKey);

  let scope: IssuedSubjectToken['scope'];
  if (request.scope.kind === 'project') {
    const project = findProject(request.scope);
    if (!project) return keystoneError(400, `Project ${request.scope.name ?? request.scope.id} could not be found in this account.`, 'bad-scope');
    scope = { kind: 'project', id: project.id, name: project.name };
  } else {
    if (!findDomain(request.scope)) return keystoneError(400, `Domain ${request.scope.name ?? request.scope.id} is not the user's domain.`, 'bad-scope');
    scope = { kind: 'domain', id: domain.id, name: domain.name };
  }

  const issuedAt = state.now();
  const ttl = state.faults.current.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  const info: IssuedSubjectToken = {
    issuedAt,
    expiresAt: issuedAt + ttl * 1000,
    user: { id: user.id, name: user.name },
    domain: { ...domain },
    scope,
  };
  const token = newSubjectToken();
  state.credentials.addToken(token, info);
  state.stats.tokenIssued();
  const host = headerValue(req, HEADER.host);
  const catalogBase = wantsNoCatalog(req.query) || !host ? undefined : `http://${host}`;
  return { status: 201, headers: { [HEADER.subjectToken]: token }, body: tokenResponseBody(info, catalogBase), verdict: 'token issued' };
}

function wantsNoCatalog(rawQuery: string): boolean {
  return parseRawQuery(rawQuery).some((p) => percentDecode(p.name) === 'nocatalog' && percentDecode(p.value ?? '') === 'true');
}
