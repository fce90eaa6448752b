import { MOCK_AGENCIES } from '../../mock/fixtures';
import { armNextRequest, BASE_URL, disarm, IAM_ENDPOINT, sha256Hex } from './common';
import type { CollectionDefinition, FolderDefinition } from './types';

/**
 * Temporary mode: the script obtains a temporary AK/SK and security token from IAM (securitytokens) itself, from the
 * permanent AK/SK, from the user's IAM token, or by assuming an agency, caches them, and signs with them.
 */

const BODY = '{"name":"temporary-demo","size":1}';
const [agency] = MOCK_AGENCIES;
const SIGNED_TEMPORARY = ['host', 'x-sdk-date', 'x-security-token'];

const temporaryCheck = (expectAgency: string | null): string[] => [
  "pm.test('signed with temporary keys from IAM, not the permanent AK', function () {",
  '  var body = pm.response.json();',
  '  pm.expect(body.temporary).to.equal(true);',
  "  pm.expect(body.access).to.not.equal(pm.environment.get('HUAWEICLOUD_SDK_AK'));",
  expectAgency === null ? '  pm.expect(body.agency).to.equal(undefined);' : `  pm.expect(body.agency).to.equal(${JSON.stringify(expectAgency)});`,
  '});',
];

const fromAksk: FolderDefinition = {
  name: 'Temporary keys from your AK/SK',
  description:
    'The first request asks IAM for temporary keys (POST /v3.0/OS-CREDENTIAL/securitytokens, signed with ' +
    'HUAWEICLOUD_SDK_AK/SK, for hwc_temporary_duration seconds); every request is signed with them and X-Security-Token.',
  items: [
    {
      name: 'GET with temporary keys',
      description: 'Signed with the temporary AK/SK; X-Security-Token added and signed.',
      method: 'GET',
      url: '{{baseUrl}}/v1/temporary/servers?limit=1',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', canonicalQuery: 'limit=1', signedHeadersInclude: SIGNED_TEMPORARY },
      tests: temporaryCheck(null),
    },
    {
      name: 'POST with the same temporary keys',
      description: 'The cached temporary keys sign this one too: IAM is not asked again.',
      method: 'POST',
      url: '{{baseUrl}}/v1/temporary/servers',
      body: { mode: 'raw', language: 'json', raw: BODY },
      expect: { kind: 'accepted', auth: 'aksk', method: 'POST', bodySha256: sha256Hex(BODY), signedHeadersInclude: SIGNED_TEMPORARY },
      tests: [
        ...temporaryCheck(null),
        ...armNextRequest('authenticate to IAM with the user\'s token instead of the AK/SK.', { HUAWEICLOUD_SDK_AK: '', HUAWEICLOUD_SDK_SK: '' }),
      ],
    },
  ],
};

const fromToken: FolderDefinition = {
  name: 'Temporary keys from your IAM token',
  description:
    'Without AK/SK, the script gets an IAM token for HUAWEICLOUD_USERNAME (as token mode does, cached in ' +
    'hwc_token_cache) and asks securitytokens with it.',
  items: [
    {
      name: 'GET with temporary keys from a token',
      description: 'IAM token first, then temporary keys; the request is signed with the temporary keys.',
      method: 'GET',
      url: '{{baseUrl}}/v1/temporary/from-token',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', path: '/v1/temporary/from-token', signedHeadersInclude: SIGNED_TEMPORARY },
      tests: [
        ...temporaryCheck(null),
        ...disarm(['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK']),
        ...armNextRequest(`assume the agency ${agency.name} of ${agency.domainName}.`, {
          HUAWEICLOUD_AGENCY_NAME: agency.name,
          HUAWEICLOUD_AGENCY_DOMAIN: agency.domainName,
        }),
      ],
    },
  ],
};

const delegated: FolderDefinition = {
  name: 'Delegated access (assume_role)',
  description:
    'With HUAWEICLOUD_AGENCY_NAME and HUAWEICLOUD_AGENCY_DOMAIN the script asks securitytokens with assume_role: ' +
    'temporary keys of the account that delegated to you through that agency.',
  items: [
    {
      name: 'GET as the delegating account',
      description: "Signed with the agency's temporary keys; the gateway names the agency.",
      method: 'GET',
      url: '{{baseUrl}}/v1/temporary/delegated',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', path: '/v1/temporary/delegated', signedHeadersInclude: SIGNED_TEMPORARY },
      tests: temporaryCheck(`${agency.domainName}/${agency.name}`),
    },
    {
      name: 'DELETE as the delegating account',
      description: "The agency's cached temporary keys again.",
      method: 'DELETE',
      url: '{{baseUrl}}/v1/temporary/delegated/res-1',
      expect: { kind: 'accepted', auth: 'aksk', method: 'DELETE', signedHeadersInclude: SIGNED_TEMPORARY },
      tests: [...temporaryCheck(`${agency.domainName}/${agency.name}`), ...disarm(['HUAWEICLOUD_AGENCY_NAME', 'HUAWEICLOUD_AGENCY_DOMAIN'])],
    },
  ],
};

const mockChecks: FolderDefinition = {
  name: 'Mock cloud checks',
  description: 'Only against the mock cloud, started fresh: IAM issued temporary keys once per identity.',
  items: [
    {
      name: 'securitytokens was called once per identity',
      description: 'GET /__mock/stats: securityTokenRequestsByIdentity has 1 for each identity the run used.',
      method: 'GET',
      url: '{{baseUrl}}/__mock/stats',
      expect: { kind: 'custom' },
      tests: [
        'var byIdentity = pm.response.json().securityTokenRequestsByIdentity || {};',
        "pm.test('IAM issued temporary keys at most once per identity', function () {",
        '  pm.expect(Object.keys(byIdentity).length).to.be.above(0);',
        '  Object.keys(byIdentity).forEach(function (key) { pm.expect(byIdentity[key], key).to.equal(1); });',
        '});',
      ],
    },
  ],
};

export const temporaryCollection: CollectionDefinition = {
  slug: 'huaweicloud-temporary',
  name: 'Huawei Cloud temporary and delegated credentials',
  description: [
    'Requests signed with temporary AK/SK and a security token that the collection-level pre-request script of',
    'huaweicloud-postman-auth obtains from IAM itself (hwc_auth_mode=temporary): from your AK/SK, from your IAM token,',
    'or by assuming an agency (HUAWEICLOUD_AGENCY_NAME, HUAWEICLOUD_AGENCY_DOMAIN). They are cached in',
    'hwc_temporary_cache and replaced 5 minutes before they expire.',
    '',
    'Set `baseUrl`, `HUAWEICLOUD_SDK_IAM_ENDPOINT`, `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, and for the token folder',
    '`HUAWEICLOUD_USERNAME`, `HUAWEICLOUD_PASSWORD`, `HUAWEICLOUD_DOMAIN_NAME`, `HUAWEICLOUD_PROJECT_NAME`',
    '(template: huaweicloud-temporary.postman_environment.json). The assertions expect the mock cloud.',
  ].join('\n'),
  variables: [
    { key: 'hwc_auth_mode', value: 'temporary', description: 'temporary: the script obtains temporary keys from IAM and signs with them.' },
    { key: 'hwc_temporary_duration', value: '900', description: 'Seconds the temporary keys are asked for (900 to 86400).' },
  ],
  environment: [
    BASE_URL,
    IAM_ENDPOINT,
    { key: 'HUAWEICLOUD_SDK_AK', value: '', description: 'Permanent access key id (authenticates the securitytokens call).', secret: true },
    { key: 'HUAWEICLOUD_SDK_SK', value: '', description: 'Permanent secret access key.', secret: true },
    { key: 'HUAWEICLOUD_DOMAIN_NAME', value: '', description: 'Account (domain) name, for the token folder.' },
    { key: 'HUAWEICLOUD_USERNAME', value: '', description: 'IAM user name, for the token folder.' },
    { key: 'HUAWEICLOUD_PASSWORD', value: '', description: 'IAM user password, for the token folder.', secret: true },
    { key: 'HUAWEICLOUD_PROJECT_NAME', value: '', description: 'Project (region) of the IAM token, e.g. cn-north-4.' },
  ],
  folders: [fromAksk, fromToken, delegated, mockChecks],
};
