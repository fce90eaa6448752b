import { IamError, idLookupKey, idLookupUrl, parseIdCache, parseIdLookupResponse } from '../../src/core/iam';

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
    expect(() => parseIdLookupResponse(status, body, project)).toThrow(new IamError(message, status));
  });

  it('cache reads only string ids', () => {
    expect(parseIdCache('{"a":"1","b":2}')).toEqual({ a: '1' });
    expect(parseIdCache('nope')).toEqual({});
  });
});
