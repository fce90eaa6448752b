/** Who a token is for: the password identity and the scope it is issued for. */
export interface TokenIdentity {
  /** IAM base URL, e.g. https://iam.myhuaweicloud.com (no trailing slash needed). */
  iamEndpoint: string;
  /** Account name (IAM "domain"). */
  domainName: string;
  username: string;
  scope: TokenScope;
}

export type TokenScope =
  | { kind: 'project'; name: string }
  | { kind: 'project'; id: string }
  | { kind: 'domain'; name: string }
  | { kind: 'domain'; id: string };

export const TOKEN_PATH = '/v3/auth/tokens';

/** URL of the password token call; nocatalog=true keeps the reply small. */
export function tokenUrl(iamEndpoint: string): string {
  return iamEndpoint.replace(/\/+$/, '') + TOKEN_PATH + '?nocatalog=true';
}

/** Body of POST /v3/auth/tokens for a password identity (IAM API reference). */
export function passwordTokenRequestBody(identity: TokenIdentity, password: string): string {
  const s = identity.scope;
  const ref = 'id' in s ? { id: s.id } : { name: s.name };
  const scope = s.kind === 'project' ? { project: ref } : { domain: ref };
  return JSON.stringify({
    auth: {
      identity: {
        methods: ['password'],
        password: { user: { name: identity.username, password, domain: { name: identity.domainName } } },
      },
      scope,
    },
  });
}

/**
 * The cache key of an identity: everything that makes two tokens different, and nothing secret. A JSON array, so no
 * character in a name can make two identities share a key.
 */
export function identityKey(identity: TokenIdentity): string {
  const s = identity.scope;
  const [by, value] = 'id' in s ? ['id', s.id] : ['name', s.name];
  return JSON.stringify([identity.iamEndpoint.replace(/\/+$/, '').toLowerCase(), identity.domainName, identity.username, s.kind, by, value]);
}
