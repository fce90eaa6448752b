import type { IssuedSubjectToken } from '../shared/issuedCredentials';
import { iamDate } from './iamFormat';

/** The JSON body of a 201 from POST /v3/auth/tokens, like IAM's; the catalog (omitted with ?nocatalog=true) points at the mock. */
export function tokenResponseBody(token: IssuedSubjectToken, catalogBaseUrl: string | undefined): unknown {
  const scope =
    token.scope.kind === 'project'
      ? { project: { id: token.scope.id, name: token.scope.name, domain: { ...token.domain } } }
      : { domain: { id: token.scope.id, name: token.scope.name } };
  return {
    token: {
      expires_at: iamDate(token.expiresAt),
      issued_at: iamDate(token.issuedAt),
      methods: ['password'],
      user: { id: token.user.id, name: token.user.name, domain: { ...token.domain }, password_expires_at: '' },
      ...scope,
      roles: [{ id: '0', name: 'te_admin' }],
      ...(catalogBaseUrl === undefined ? {} : { catalog: catalog(catalogBaseUrl) }),
    },
  };
}

function catalog(baseUrl: string): unknown[] {
  return [
    {
      id: 'mockiamcatalogentry000000000000',
      name: 'iam',
      type: 'identity',
      endpoints: [{ id: 'mockiamendpoint0000000000000000', interface: 'public', region: '*', region_id: '*', url: `${baseUrl}/v3` }],
    },
  ];
}
