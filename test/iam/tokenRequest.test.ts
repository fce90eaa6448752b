import { identityKey, passwordTokenRequestBody, tokenUrl, type TokenIdentity } from '../../src/core/iam';

const identity: TokenIdentity = {
  iamEndpoint: 'https://iam.myhuaweicloud.com/',
  domainName: 'acme',
  username: 'alice',
  scope: { kind: 'project', name: 'cn-north-4' },
};

describe('password token request', () => {
  it('posts to /v3/auth/tokens without the catalog, whatever trailing slashes the endpoint has', () => {
    expect(tokenUrl('https://iam.myhuaweicloud.com//')).toBe('https://iam.myhuaweicloud.com/v3/auth/tokens?nocatalog=true');
  });

  it('builds the body of the IAM API reference for a project name scope', () => {
    expect(JSON.parse(passwordTokenRequestBody(identity, 'pw'))).toEqual({
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'alice', password: 'pw', domain: { name: 'acme' } } },
        },
        scope: { project: { name: 'cn-north-4' } },
      },
    });
  });

  it('scopes by project id, domain name or domain id', () => {
    const scopeOf = (scope: TokenIdentity['scope']) => JSON.parse(passwordTokenRequestBody({ ...identity, scope }, 'pw')).auth.scope;
    expect(scopeOf({ kind: 'project', id: 'p1' })).toEqual({ project: { id: 'p1' } });
    expect(scopeOf({ kind: 'domain', name: 'acme' })).toEqual({ domain: { name: 'acme' } });
    expect(scopeOf({ kind: 'domain', id: 'd1' })).toEqual({ domain: { id: 'd1' } });
  });
});

describe('identity key', () => {
  it('differs for every part of the identity and never contains the password', () => {
    const base = identityKey(identity);
    expect(base).toBe('["https://iam.myhuaweicloud.com","acme","alice","project","name","cn-north-4"]');
    expect(identityKey({ ...identity, scope: { kind: 'project', name: 'ap-southeast-1' } })).not.toBe(base);
    expect(identityKey({ ...identity, scope: { kind: 'project', id: 'cn-north-4' } })).not.toBe(base);
    expect(identityKey({ ...identity, username: 'bob' })).not.toBe(base);
    expect(identityKey({ ...identity, domainName: 'other' })).not.toBe(base);
    expect(identityKey({ ...identity, iamEndpoint: 'https://iam.cn-north-4.myhuaweicloud.com' })).not.toBe(base);
    expect(identityKey({ ...identity, iamEndpoint: 'HTTPS://IAM.myhuaweicloud.com' })).toBe(base);
    // Separators inside names cannot make two identities collide.
    expect(identityKey({ ...identity, domainName: 'acme|alice', username: 'x' })).not.toBe(
      identityKey({ ...identity, domainName: 'acme', username: 'alice|x' }),
    );
    expect(identityKey({ ...identity, scope: { kind: 'project', name: 'id=p1' } })).not.toBe(
      identityKey({ ...identity, scope: { kind: 'project', id: 'p1' } }),
    );
  });

  it('writes a scope by id as "id" and the id', () => {
    expect(identityKey({ ...identity, scope: { kind: 'project', id: 'p1' } })).toBe('["https://iam.myhuaweicloud.com","acme","alice","project","id","p1"]');
    expect(identityKey({ ...identity, scope: { kind: 'domain', id: 'd1' } })).toBe('["https://iam.myhuaweicloud.com","acme","alice","domain","id","d1"]');
    expect(identityKey({ ...identity, scope: { kind: 'domain', name: 'acme' } })).toBe('["https://iam.myhuaweicloud.com","acme","alice","domain","name","acme"]');
  });

  it('gives two project ids, or two domain ids, two keys (one cached token must not serve another project)', () => {
    const key = (scope: TokenIdentity['scope']): string => identityKey({ ...identity, scope });
    expect(key({ kind: 'project', id: 'p1' })).not.toBe(key({ kind: 'project', id: 'p2' }));
    expect(key({ kind: 'domain', id: 'd1' })).not.toBe(key({ kind: 'domain', id: 'd2' }));
    expect(key({ kind: 'project', id: 'x' })).not.toBe(key({ kind: 'domain', id: 'x' }));
    expect(key({ kind: 'project', name: 'x' })).not.toBe(key({ kind: 'domain', name: 'x' }));
  });

  it('reads the endpoint with any number of trailing slashes as the same endpoint', () => {
    const base = identityKey({ ...identity, iamEndpoint: 'https://iam.myhuaweicloud.com' });
    for (const iamEndpoint of ['https://iam.myhuaweicloud.com/', 'https://iam.myhuaweicloud.com//', 'https://iam.myhuaweicloud.com///']) {
      expect(identityKey({ ...identity, iamEndpoint })).toBe(base);
    }
  });
});
