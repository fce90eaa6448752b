import { MOCK_PROJECTS } from '../../mock/fixtures';
import { BASE_URL, IAM_ENDPOINT } from './common';
import type { CollectionDefinition, FolderDefinition } from './types';

/**
 * IAM token collection: several requests over several iterations; iteration data switches the identity
 * (project cn-north-4, then ap-southeast-1, then a domain-scoped token) and the last request of every iteration asks
 * the mock cloud how often IAM was called.
 */

const projectCheck = [
  "pm.test('token is scoped to the identity of this iteration', function () {",
  "  var expected = pm.variables.get('hwc_expected_project_id');",
  '  if (expected === undefined) return; // no iteration data: nothing to compare',
  '  var actual = pm.response.json().projectId;',
  "  if (expected === '') pm.expect(actual || '', 'domain-scoped token has no project').to.equal('');",
  '  else pm.expect(actual).to.equal(expected);',
  '});',
];

const calls: FolderDefinition = {
  name: 'Calls with an IAM token',
  description:
    'Each request carries X-Auth-Token. The token comes from POST /v3/auth/tokens once per identity and is then ' +
    'reused from the cache (variable hwc_token_cache, kept in the environment) across requests and iterations.',
  items: [
    {
      name: 'List servers',
      description: 'GET with a query string, authenticated by the cached token.',
      method: 'GET',
      url: '{{baseUrl}}/v2.1/servers?limit=5',
      expect: { kind: 'accepted', auth: 'token', method: 'GET' },
      tests: projectCheck,
    },
    {
      name: 'Create a resource',
      description: 'POST with a JSON body, same token.',
      method: 'POST',
      url: '{{baseUrl}}/v1/resources',
      body: { mode: 'raw', language: 'json', raw: '{"name":"token-demo","size":1}' },
      expect: { kind: 'accepted', auth: 'token', method: 'POST', bodyNonEmpty: true },
      tests: projectCheck,
    },
    {
      name: 'Delete a resource',
      description: 'DELETE with a path variable, same token.',
      method: 'DELETE',
      url: '{{baseUrl}}/v1/resources/:resourceId',
      pathVariables: [{ key: 'resourceId', value: 'res-001' }],
      expect: { kind: 'accepted', auth: 'token', method: 'DELETE' },
      tests: projectCheck,
    },
  ],
};

const mockChecks: FolderDefinition = {
  name: 'Mock cloud checks',
  description:
    'Only meaningful against the mock cloud of this repository, started fresh (`npm start` resets it before each ' +
    'collection): reads GET /__mock/stats and checks that IAM issued exactly one token per identity so far.',
  items: [
    {
      name: 'IAM was called once per identity',
      description: 'GET /__mock/stats: iamTokenRequestsByIdentity has 1 for every identity seen, including this iteration\'s.',
      method: 'GET',
      url: '{{baseUrl}}/__mock/stats',
      expect: { kind: 'custom' },
      tests: [
        'var stats = pm.response.json();',
        'var byIdentity = stats.iamTokenRequestsByIdentity || {};',
        "var scope = pm.variables.get('hwc_token_scope') === 'domain'",
        "  ? 'domain:' + pm.variables.get('HUAWEICLOUD_DOMAIN_NAME')",
        "  : 'project:' + (pm.variables.get('HUAWEICLOUD_PROJECT_NAME') || pm.variables.get('HUAWEICLOUD_SDK_PROJECT_ID'));",
        "var identity = pm.variables.get('HUAWEICLOUD_DOMAIN_NAME') + '/' + pm.variables.get('HUAWEICLOUD_USERNAME') + '/' + scope;",
        "pm.test('IAM issued a token for this iteration\\'s identity (' + identity + ')', function () {",
        '  pm.expect(byIdentity[identity]).to.equal(1);',
        '});',
        "pm.test('IAM was called at most once per identity', function () {",
        '  Object.keys(byIdentity).forEach(function (key) {',
        '    pm.expect(byIdentity[key], key).to.equal(1);',
        '  });',
        '  pm.expect(stats.iamTokenRequests).to.equal(Object.keys(byIdentity).length);',
        '});',
      ],
    },
  ],
};

const [cnNorth4, apSoutheast1] = MOCK_PROJECTS;

export const tokenCollection: CollectionDefinition = {
  slug: 'huaweicloud-token',
  name: 'Huawei Cloud IAM token auth',
  description: [
    'Requests authenticated with an IAM token (X-Auth-Token) by the collection-level pre-request script of',
    'huaweicloud-postman-auth. The script gets a token with POST /v3/auth/tokens (password method) once per identity',
    'and caches it in the environment (hwc_token_cache) until shortly before it expires.',
    '',
    'Set `baseUrl`, `HUAWEICLOUD_SDK_IAM_ENDPOINT`, `HUAWEICLOUD_USERNAME`, `HUAWEICLOUD_PASSWORD`,',
    '`HUAWEICLOUD_DOMAIN_NAME` and `HUAWEICLOUD_PROJECT_NAME` in the environment (template:',
    'huaweicloud-token.postman_environment.json). Run with the iteration data file huaweicloud-token.iteration_data.json',
    'to switch identities: two iterations in cn-north-4, two in ap-southeast-1, one with a domain-scoped token',
    '(`hwc_token_scope=domain`, for global services).',
  ].join('\n'),
  variables: [{ key: 'hwc_auth_mode', value: 'token', description: 'aksk | token | none. This collection uses IAM tokens.' }],
  environment: [
    BASE_URL,
    IAM_ENDPOINT,
    { key: 'HUAWEICLOUD_DOMAIN_NAME', value: '', description: 'Account (domain) name.' },
    { key: 'HUAWEICLOUD_USERNAME', value: '', description: 'IAM user name.' },
    { key: 'HUAWEICLOUD_PASSWORD', value: '', description: 'IAM user password.', secret: true },
    { key: 'HUAWEICLOUD_PROJECT_NAME', value: '', description: 'Project (region) the token is scoped to, e.g. cn-north-4.' },
  ],
  folders: [calls, mockChecks],
  iterationData: [
    { HUAWEICLOUD_PROJECT_NAME: cnNorth4.name, hwc_token_scope: '', hwc_expected_project_id: cnNorth4.id },
    { HUAWEICLOUD_PROJECT_NAME: cnNorth4.name, hwc_token_scope: '', hwc_expected_project_id: cnNorth4.id },
    { HUAWEICLOUD_PROJECT_NAME: apSoutheast1.name, hwc_token_scope: '', hwc_expected_project_id: apSoutheast1.id },
    { HUAWEICLOUD_PROJECT_NAME: apSoutheast1.name, hwc_token_scope: '', hwc_expected_project_id: apSoutheast1.id },
    { HUAWEICLOUD_PROJECT_NAME: '', hwc_token_scope: 'domain', hwc_expected_project_id: '' },
  ],
};
