import { HEADER } from '../../core/constants';
import { percentDecode } from '../../core/percentEncoding';
import { isProjectId } from '../shared/directory';
import { headerValue, type MockRequest } from '../shared/exchange';
import { authFailure, type AuthFailure, type AuthSuccess } from './authResult';
import { GATEWAY_CODE } from './gatewayErrors';

/** The first path segment that is a known project id (e.g. /v1/{project_id}/vpcs), if any. */
export function pathProjectId(rawPath: string): string | undefined {
  return rawPath.split('/').map(percentDecode).find(isProjectId);
}

/**
 * Which project the request acts on, and whether its credentials may: X-Project-Id and a project id in the path
 * must agree (else 400 APIG.0201); a token must be scoped to that project (else 403 APIG.0302; a domain-scoped token
 * cannot call a path that names a project). projectId: X-Project-Id, else the path's, else the token's project.
 */
export function checkProjectScope(req: MockRequest, auth: AuthSuccess): { projectId: string | null } | AuthFailure {
  const fromHeader = headerValue(req, HEADER.projectId)?.trim() || undefined;
  const fromPath = pathProjectId(req.path);
  if (fromHeader !== undefined && fromPath !== undefined && fromHeader !== fromPath) {
    return authFailure(auth.auth, 400, GATEWAY_CODE.requestError, 'project-mismatch',
      `X-Project-Id ${fromHeader} does not match the project id ${fromPath} in the path.`);
  }
  const wanted = fromHeader ?? fromPath;
  if (auth.auth === 'aksk') return { projectId: wanted ?? null };

  const scope = auth.token.scope;
  if (scope.kind === 'project') {
    if (wanted !== undefined && wanted !== scope.id) {
      return authFailure('token', 403, GATEWAY_CODE.notAuthorized, 'token-scope',
        `The IAM user is not authorized to access the API: the token is scoped to project ${scope.id}, the request is for project ${wanted}.`);
    }
    return { projectId: scope.id };
  }
  if (fromPath !== undefined) {
    return authFailure('token', 403, GATEWAY_CODE.notAuthorized, 'token-scope',
      `The IAM user is not authorized to access the API: a domain-scoped token cannot call project ${fromPath}; use a project-scoped token.`);
  }
  return { projectId: fromHeader ?? null };
}
