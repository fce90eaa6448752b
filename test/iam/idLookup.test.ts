import { iamError, idLookupKey, idLookupUrl, parseIdCache, parseIdLookupResponse } from '../../src/core/iam';

const project = { kind: 'project', region: 'cn-north-4' } as const;

describe('id lookups', () => {
  it('ask /v3/projects?name={region} (encoded) and /v3/auth/domains', () => {
    expect(idLookupUrl('https://iam.example.com/', project)).toBe('https://iam.example.com/v3/projects?name=cn-north-4');
    expect(idLookupUrl('https://iam.example.com', { kind: 'project', region: 'a b' })).toBe('https://iam.example.com/v3/projects?name=a%20b');
    expect(idLookupUrl('https://iam.example.com', { kind: 'domain' })).toBe('https://iam.example.com/v3/auth/domains');
  });

  it('are keyed by endpoint, AK and region', () => {
    const keys = new Set([
      idLookupKey('https://iam.example.com', 'AK1', project),
      idLookupKey('https://iam.example.com', 'AK2', project),
      idLookupKey('https://iam.example.com', 'AK1', { kind: 'project', region: 'ap-southeast-1' }),
      idLookupKey('https://iam.example.com', 'AK1', { kind: 'domain' }),
    ]);
    expect(keys.size).toBe(4);
  });

  it('read the one project named like the region, and the account', () => {
    const projects = JSON.stringify({ projects: [{ id: 'p-other', name: 'cn-north-4_sub' }, { id: 'p1', name: 'cn-north-4' }] });
    expect(parseIdLookupResponse(200, projects, project)).toBe('p1');
    expect(parseIdLookupResponse(200, JSON.stringify({ domains: [{ id: 'd1', name: 'acme' }] }), { kind: 'domain' })).toBe('d1');
  });

  it.each([
    [200, '{"projects":[]}', '200 no project named cn-north-4 in the reply (none)'],
    [401, '{"error_msg":"Incorrect IAM authentication information: ak not exist","error_code":"APIGW.0301"}', '401 APIGW.0301 Incorrect IAM authentication information: ak not exist'],
    [403, '{"error":{"code":403,"message":"You are not authorized to perform the requested action.","title":"Forbidden"}}', '403 You are not authorized to perform the requested action.'],
  ])('throw an IamError with IAM\'s answer for %s %s', (status, body, message) => {
    expect(() => parseIdLookupResponse(status, body, project)).toThrow(iamError(message, status));
  });

  it('cache reads only string ids', () => {
    expect(parseIdCache('{"a":"1","b":2}')).toEqual({ a: '1' });
    expect(parseIdCache('nope')).toEqual({});
  });
});

describe('id lookups, in detail', () => {
  it('drop every trailing slash of the endpoint and encode the region', () => {
    expect(idLookupUrl('https://iam.example.com//', project)).toBe('https://iam.example.com/v3/projects?name=cn-north-4');
    expect(idLookupUrl('https://iam.example.com///', { kind: 'domain' })).toBe('https://iam.example.com/v3/auth/domains');
    expect(idLookupUrl('https://iam.example.com', { kind: 'project', region: 'a&b=c' })).toBe('https://iam.example.com/v3/projects?name=a%26b%3Dc');
  });

  it('key by the endpoint without trailing slashes and in lower case, the AK and what is looked up', () => {
    expect(JSON.parse(idLookupKey('https://IAM.example.com//', 'AK1', project))).toEqual(['https://iam.example.com', 'AK1', 'project', 'cn-north-4']);
    expect(JSON.parse(idLookupKey('https://iam.example.com', 'AK1', { kind: 'domain' }))).toEqual(['https://iam.example.com', 'AK1', 'domain']);
  });

  it.each([
    [200, '{"projects":[{"id":"p1","name":"cn-north-4"},{"id":"p2","name":"cn-north-4"}]}', '200 no project named cn-north-4 in the reply (2 entries)'],
    [200, '{"projects":[{"id":"","name":"cn-north-4"}]}', '200 no project named cn-north-4 in the reply (1 entries)'],
    [200, '{"projects":[{"id":7,"name":"cn-north-4"}]}', '200 no project named cn-north-4 in the reply (1 entries)'],
    [200, '{"projects":[{"name":"cn-north-4"}]}', '200 no project named cn-north-4 in the reply (1 entries)'],
    [200, '{"projects":[{"id":"p1","name":"CN-NORTH-4"}]}', '200 no project named cn-north-4 in the reply (none)'],
    [200, '{"projects":{"id":"p1","name":"cn-north-4"}}', '200 no project named cn-north-4 in the reply (none)'],
    [200, '{"domains":[{"id":"d1"}]}', '200 no project named cn-north-4 in the reply (none)'],
    [200, '', '200 no project named cn-north-4 in the reply (none)'],
    [200, 'not json', '200 no project named cn-north-4 in the reply (none)'],
    [500, '', '500 no error message in the reply'],
    [502, '<html>bad gateway</html>', '502 no error message in the reply'],
    [201, '{"projects":[{"id":"p1","name":"cn-north-4"}]}', '201 no error message in the reply'],
  ])('refuse a project reply %s %s', (status, body, message) => {
    expect(() => parseIdLookupResponse(status, body, project)).toThrow(iamError(message, status));
  });

  it.each([
    ['{"domains":[]}', '200 no account in the reply (none)'],
    ['{"domains":[{"id":"d1"},{"id":"d2"}]}', '200 no account in the reply (2 entries)'],
    ['{"projects":[{"id":"p1","name":"cn-north-4"}]}', '200 no account in the reply (none)'],
  ])('refuse an account reply %s', (body, message) => {
    expect(() => parseIdLookupResponse(200, body, { kind: 'domain' })).toThrow(iamError(message, 200));
  });

  it('take the account whatever its name', () => {
    expect(parseIdLookupResponse(200, '{"domains":[{"id":"d1"}]}', { kind: 'domain' })).toBe('d1');
  });

  it.each([undefined, 42, '', 'null', '[]', '"x"', '{'])('cache reads %j as empty', (stored) => {
    expect(parseIdCache(stored)).toEqual({});
  });

  it('cache drops empty and non-string ids', () => {
    expect(parseIdCache('{"a":"","b":null,"c":["1"],"d":"id-d"}')).toEqual({ d: 'id-d' });
  });
});
