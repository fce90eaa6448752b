import { getMockStats, resetMock } from '../../src/harness';
import { runNewman } from '../../src/lib/newman/runNewman';
import { signerExecEntry } from '../../src/lib/signerBlock';
import { MOCK_AKSK } from '../../src/mock';
import { prerequestSource, useMockCloud } from './helpers';

/**
 * Fail closed, end to end in Newman: each request the script cannot authenticate records a failing `hwc-auth:` test,
 * the run fails, and nothing reaches the gateway. One request per case, run alone against the mock cloud.
 */
const mock = useMockCloud();

interface Case {
  name: string;
  request: Record<string, unknown>;
  variables?: Record<string, string>;
  test: RegExp;
  message: RegExp;
}

const json = (raw: string) => ({ mode: 'raw', raw, options: { raw: { language: 'json' } } });

const CASES: Case[] = [
  { name: 'an unresolved variable in the URL', request: { method: 'GET', url: '{{baseUrl}}/v1/{{nowhere}}/vpcs' }, test: /^hwc-auth: /, message: /nowhere/ },
  { name: 'an unresolved variable in a header', request: { method: 'GET', url: '{{baseUrl}}/v1/vpcs', header: [{ key: 'X-Trace', value: '{{traceId}}' }] }, test: /^hwc-auth: /, message: /traceId/ },
  { name: 'an unresolved variable in the body', request: { method: 'POST', url: '{{baseUrl}}/v1/vpcs', body: json('{"name":"{{vpcName}}"}') }, test: /^hwc-auth: /, message: /vpcName/ },
  { name: 'a body over 12 MB', request: { method: 'POST', url: '{{baseUrl}}/v1/upload', body: json(JSON.stringify({ data: 'x'.repeat(12 * 1024 * 1024) })) }, test: /^hwc-auth: .*token auth/, message: /12 MB|token auth/ },
  { name: 'an unknown hwc_auth_mode', request: { method: 'GET', url: '{{baseUrl}}/v1/vpcs' }, variables: { hwc_auth_mode: 'sigv4' }, test: /^hwc-auth: .*hwc_auth_mode/, message: /sigv4/ },
  { name: 'a malformed hwc_signing_date', request: { method: 'GET', url: '{{baseUrl}}/v1/vpcs' }, variables: { hwc_signing_date: '2024-01-02' }, test: /^hwc-auth: /, message: /hwc_signing_date|X-Sdk-Date/ },
];

describe('fail closed in Newman: the run fails and nothing reaches the gateway', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    await resetMock(mock.url);
    const values = { baseUrl: mock.url, HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, ...c.variables };
    const summary = await runNewman({
      collection: {
        info: { name: 'fail closed', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [signerExecEntry(prerequestSource())] } }],
        item: [{ name: c.name, request: c.request }],
      },
      environment: { name: 'mock', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) },
      reporters: [],
    });
    const failures = summary.run.failures.map((f) => ({ test: f.error.test ?? '', message: f.error.message }));
    expect(failures).toHaveLength(1);
    expect(failures[0]!.test).toMatch(c.test);
    expect(failures[0]!.message).toMatch(c.message);
    expect(failures[0]!.message).not.toContain(MOCK_AKSK.sk);
    expect((await getMockStats(mock.url)).gatewayRequests).toBe(0);
  });
});

describe('every undefined variable of a request in one run (one body used to take five runs)', () => {
  it('one failing test names all five, and nothing reaches the gateway', async () => {
    await resetMock(mock.url);
    const raw = '{\n  "name": "{{vpcName}}",\n  "cidr": "{{cidr}}",\n  // "old": "{{commentedOut}}",\n  "tags": ["{{tag1}}", "{{tag2}}"],\n  "owner": "{{owner}}"\n}';
    const values = { baseUrl: mock.url, HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk };
    const summary = await runNewman({
      collection: {
        info: { name: 'every undefined variable', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
        event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [signerExecEntry(prerequestSource())] } }],
        item: [{ name: 'create a VPC', request: { method: 'POST', url: '{{baseUrl}}/v1/vpcs#{{notSent}}', body: json(raw) } }],
      },
      environment: { name: 'mock', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) },
      reporters: [],
    });
    expect(summary.run.failures.map((f) => f.error.test)).toEqual(['hwc-auth: define variables vpcName, cidr, tag1, tag2, owner']);
    expect(summary.run.failures[0]!.error.message).toBe(
      'hwc-auth: the request body uses {{vpcName}}, {{cidr}}, {{tag1}}, {{tag2}} and {{owner}}, which no variable scope ' +
        'defines; define vpcName, cidr, tag1, tag2 and owner (environment, collection or globals)',
    );
    expect((await getMockStats(mock.url)).gatewayRequests).toBe(0);
  });
});
