import { isObject } from '../shared/exchange';

/** A POST /v3/auth/tokens body (password method), as requested: names or ids, not yet checked against the account. */
export interface PasswordTokenRequest {
  domain: { name?: string; id?: string };
  user: { name: string; password: string };
  scope: { kind: 'project' | 'domain'; name?: string; id?: string };
}

/**
 * Checks the shape IAM requires:
 * `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name","password","domain":{"name"|"id"}}}},
 *   "scope":{"project":{"name"|"id"}} | {"domain":{"name"|"id"}}}}`. The message never repeats the password.
 */
export function parsePasswordTokenRequest(body: unknown): { request: PasswordTokenRequest } | { error: string } {
  if (!isObject(body) || !isObject(body.auth)) return { error: "The request body must be JSON with an 'auth' object." };
  const { identity, scope } = body.auth;
  if (!isObject(identity)) return { error: "Invalid input for field 'auth.identity'." };
  const methods = identity.methods;
  if (!Array.isArray(methods) || methods.length !== 1 || methods[0] !== 'password') {
    return { error: "Invalid input for field 'identity.methods': this mock supports [\"password\"]." };
  }
  if (!isObject(identity.password) || !isObject(identity.password.user)) {
    return { error: "Invalid input for field 'identity.password.user'." };
  }
  const user = identity.password.user;
  if (typeof user.name !== 'string' || user.name === '') return { error: "Invalid input for field 'user.name'." };
  if (typeof user.password !== 'string' || user.password === '') return { error: "Invalid input for field 'user.password'." };
  const domain = nameOrId(user.domain);
  if (!domain) return { error: "Invalid input for field 'user.domain': give its name or id." };

  if (!isObject(scope)) return { error: "Invalid input for field 'auth.scope': give a project or a domain." };
  const hasProject = 'project' in scope;
  if (hasProject === 'domain' in scope) return { error: "Invalid input for field 'auth.scope': give a project or a domain, not both." };
  const ref = nameOrId(hasProject ? scope.project : scope.domain);
  if (!ref) return { error: `Invalid input for field 'scope.${hasProject ? 'project' : 'domain'}': give its name or id.` };
  return { request: { domain, user: { name: user.name, password: user.password }, scope: { kind: hasProject ? 'project' : 'domain', ...ref } } };
}

function nameOrId(v: unknown): { name?: string; id?: string } | undefined {
  if (!isObject(v)) return undefined;
  const out: { name?: string; id?: string } = {};
  if (typeof v.name === 'string' && v.name !== '') out.name = v.name;
  if (typeof v.id === 'string' && v.id !== '') out.id = v.id;
  return out.name !== undefined || out.id !== undefined ? out : undefined;
}

/** The stats key: `<domain name or id>/<user name>/<project|domain>:<name or id>`, as requested (name preferred). */
export function statsIdentityKey(r: PasswordTokenRequest): string {
  return `${r.domain.name ?? r.domain.id}/${r.user.name}/${r.scope.kind}:${r.scope.name ?? r.scope.id}`;
}
