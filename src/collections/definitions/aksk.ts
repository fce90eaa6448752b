import { MOCK_ACCOUNT, MOCK_PROJECTS } from '../../mock/fixtures';
import { armNextRequest, BASE_URL, disarm, EMPTY_BODY_SHA256, IAM_ENDPOINT, sha256Hex } from './common';
import type { CollectionDefinition, FolderDefinition } from './types';

/** AK/SK (SDK-HMAC-SHA256) collection: body modes, URL edge cases, credential headers, temporary keys, rejections. */

const JSON_BODY = '{"name":"demo-volume","size":10,"tags":["a","b"],"note":"h\\u00e9llo"}';
const TEXT_BODY = 'plain text body\nsecond line: ünïcødé ✓\n';
const SIGNED_BASICS = ['host', 'x-sdk-date'];
const WRONG_SK = 'this-is-not-the-secret-key-0000000000000';

const bodyModes: FolderDefinition = {
  name: 'Body modes',
  description:
    'Every Postman body mode, signed. The signer hashes the exact bytes Postman will send (comments stripped from ' +
    'JSON, urlencoded keys regrouped, GraphQL serialized) and writes them back, so the signature matches on the wire.',
  items: [
    {
      name: 'Raw JSON body',
      description: 'POST with a raw JSON body; the gateway must receive exactly these bytes.',
      method: 'POST',
      url: '{{baseUrl}}/v1/body/json',
      body: { mode: 'raw', language: 'json', raw: JSON_BODY },
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/body/json', method: 'POST', canonicalUri: '/v1/body/json/', canonicalQuery: '',
        signedHeadersInclude: [...SIGNED_BASICS, 'content-type'], bodySha256: sha256Hex(JSON_BODY),
      },
    },
    {
      name: 'Raw JSON body with comments',
      description: 'Postman strips // and /* */ comments from raw JSON bodies before sending; the signer must hash the stripped body.',
      method: 'POST',
      url: '{{baseUrl}}/v1/body/json-with-comments',
      body: {
        mode: 'raw',
        language: 'json',
        raw: '{\n  // a line comment Postman removes\n  "name": "demo", /* an inline comment */\n  "url": "http://example.com/not/a/comment"\n}',
      },
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/body/json-with-comments', method: 'POST', canonicalUri: '/v1/body/json-with-comments/', bodyNonEmpty: true },
    },
    {
      name: 'Raw text body',
      description: 'A multi-line UTF-8 text body (Content-Type text/plain).',
      method: 'PUT',
      url: '{{baseUrl}}/v1/body/text',
      body: { mode: 'raw', language: 'text', raw: TEXT_BODY },
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/body/text', method: 'PUT', canonicalUri: '/v1/body/text/',
        signedHeadersInclude: SIGNED_BASICS, bodySha256: sha256Hex(TEXT_BODY),
      },
    },
    {
      name: 'URL-encoded form with duplicate keys',
      description: 'x-www-form-urlencoded with a repeated key (Postman regroups a=1&b=2&a=3 as a=1&a=3&b=2 on the wire).',
      method: 'POST',
      url: '{{baseUrl}}/v1/body/form',
      body: {
        mode: 'urlencoded',
        params: [
          { key: 'a', value: '1' },
          { key: 'b', value: 'two words' },
          { key: 'a', value: '3' },
          { key: 'c', value: 'x&y=z' },
        ],
      },
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/body/form', method: 'POST', canonicalUri: '/v1/body/form/', bodyNonEmpty: true },
    },
    {
      name: 'GraphQL body',
      description: 'GraphQL mode goes out as JSON {query, variables}.',
      method: 'POST',
      url: '{{baseUrl}}/v1/body/graphql',
      body: {
        mode: 'graphql',
        query: 'query Servers($limit: Int) {\n  servers(limit: $limit) { id name }\n}',
        variables: '{\n  "limit": 5\n}',
      },
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/body/graphql', method: 'POST', canonicalUri: '/v1/body/graphql/', bodyNonEmpty: true },
    },
    {
      name: 'Multipart form-data',
      description: 'multipart/form-data has a random boundary a script cannot predict; the signer leaves the payload unsigned (UNSIGNED-PAYLOAD) as the official SDKs do.',
      method: 'POST',
      url: '{{baseUrl}}/v1/body/multipart',
      body: {
        mode: 'formdata',
        params: [
          { key: 'description', value: 'uploaded from Postman' },
          { key: 'count', value: '2' },
        ],
      },
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/body/multipart', method: 'POST', canonicalUri: '/v1/body/multipart/', bodyNonEmpty: true },
    },
    {
      name: 'GET with a body',
      description:
        'Postman prunes GET bodies unless the request sets disableBodyPruning; this one does, so the body is sent and ' +
        'signed (the collection variable hwc_disable_body_pruning=true tells the signer).',
      method: 'GET',
      url: '{{baseUrl}}/v1/body/get-with-body',
      body: { mode: 'raw', language: 'json', raw: JSON_BODY },
      sendBodyWithGet: true,
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/body/get-with-body', method: 'GET', canonicalUri: '/v1/body/get-with-body/', bodySha256: sha256Hex(JSON_BODY),
      },
    },
    {
      name: 'DELETE without a body',
      description: 'No body: the payload hash is SHA-256 of the empty string.',
      method: 'DELETE',
      url: '{{baseUrl}}/v1/body/none',
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/body/none', method: 'DELETE', canonicalUri: '/v1/body/none/', bodySha256: EMPTY_BODY_SHA256 },
    },
  ],
};

const urlEdgeCases: FolderDefinition = {
  name: 'Query and path edge cases',
  description:
    'URLs where naive signers disagree with the gateway: repeated and empty query keys, unicode, reserved characters, ' +
    'encoded slashes, trailing slashes, path variables and dynamic variables. Each test checks the canonical URI and ' +
    'query the gateway computed against the signing spec.',
  items: [
    {
      name: 'Repeated query keys',
      description: 'Repeated keys sort by name then value; uppercase sorts before lowercase.',
      method: 'GET',
      url: '{{baseUrl}}/v1/query/repeated?b=2&a=3&a=1&A=0',
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/query/repeated', query: 'b=2&a=3&a=1&A=0', method: 'GET', canonicalUri: '/v1/query/repeated/', canonicalQuery: 'A=0&a=1&a=3&b=2',
      },
    },
    {
      name: 'Empty values and a key without =',
      description: '`empty=` and a bare `flag` both canonicalize to `name=`.',
      method: 'GET',
      url: '{{baseUrl}}/v1/query/empty?x=1&empty=&flag',
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/query/empty', query: 'x=1&empty=&flag', method: 'GET', canonicalQuery: 'empty=&flag=&x=1' },
    },
    {
      name: 'Unicode path and query',
      description: 'Non-ASCII characters are percent-encoded as UTF-8 in both the canonical URI and query.',
      method: 'GET',
      url: '{{baseUrl}}/v1/query/数据?name=华为云&emoji=😀',
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/query/%E6%95%B0%E6%8D%AE', query: 'name=%E5%8D%8E%E4%B8%BA%E4%BA%91&emoji=%F0%9F%98%80', method: 'GET',
        canonicalUri: '/v1/query/%E6%95%B0%E6%8D%AE/',
        canonicalQuery: 'emoji=%F0%9F%98%80&name=%E5%8D%8E%E4%B8%BA%E4%BA%91',
      },
    },
    {
      name: 'Reserved characters + * ~ % and space',
      description: '`+` is a literal plus (not a space), `*` encodes as %2A, `~` stays, `%25` is a percent sign, a space is %20.',
      method: 'GET',
      url: '{{baseUrl}}/v1/query/reserved?plus=a+b&star=*&tilde=~&pct=100%25&space=hello world',
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/query/reserved', query: 'plus=a%2Bb&star=%2A&tilde=~&pct=100%25&space=hello%20world', method: 'GET',
        canonicalQuery: 'pct=100%25&plus=a%2Bb&space=hello%20world&star=%2A&tilde=~',
      },
    },
    {
      name: 'Encoded slash in a path segment',
      description: 'The canonical URI decodes the path before splitting it on `/`, so `a%2Fb` becomes two segments.',
      method: 'GET',
      url: '{{baseUrl}}/v1/path/a%2Fb/c',
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/path/a%2Fb/c', method: 'GET', canonicalUri: '/v1/path/a/b/c/' },
    },
    {
      name: 'Trailing slash',
      description: 'A path that already ends with `/` keeps exactly one.',
      method: 'GET',
      url: '{{baseUrl}}/v1/path/trailing/',
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/path/trailing/', method: 'GET', canonicalUri: '/v1/path/trailing/', canonicalQuery: '' },
    },
    {
      name: 'Path variables',
      description: 'Path variables (`:serverId`, `:nicId`) are substituted before signing; their values may need encoding.',
      method: 'GET',
      url: '{{baseUrl}}/v1/servers/:serverId/nics/:nicId',
      pathVariables: [
        { key: 'serverId', value: 'srv-01' },
        { key: 'nicId', value: 'nic 1' },
      ],
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/servers/srv-01/nics/nic%201', method: 'GET',
        canonicalUri: '/v1/servers/srv-01/nics/nic%201/',
      },
    },
    {
      name: 'Dynamic variables in query and body',
      description: '`{{$guid}}` and `{{$timestamp}}` are generated anew at each resolution; the signer must send the values it signed.',
      method: 'POST',
      url: '{{baseUrl}}/v1/dynamic?requestId={{$guid}}&ts={{$timestamp}}',
      body: { mode: 'raw', language: 'json', raw: '{"clientToken":"{{$guid}}","at":{{$timestamp}}}' },
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/dynamic', method: 'POST',
        canonicalQueryPattern: '^requestId=[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}&ts=[0-9]+$',
        bodyNonEmpty: true,
      },
    },
  ],
};

const credentialHeaders: FolderDefinition = {
  name: 'Credential headers',
  description:
    'X-Project-Id (from HUAWEICLOUD_SDK_PROJECT_ID, for project-scoped regional APIs) and X-Domain-Id (from ' +
    'HUAWEICLOUD_SDK_DOMAIN_ID, for global services) are added before signing and signed.',
  items: [
    {
      name: 'Project id in the path and X-Project-Id',
      description: 'A regional call with the project id in its path; X-Project-Id is signed.',
      method: 'GET',
      url: '{{baseUrl}}/v2/{{HUAWEICLOUD_SDK_PROJECT_ID}}/servers?limit=10',
      expect: {
        kind: 'accepted', auth: 'aksk', method: 'GET', canonicalQuery: 'limit=10',
        signedHeadersInclude: [...SIGNED_BASICS, 'x-project-id'], projectId: '{{HUAWEICLOUD_SDK_PROJECT_ID}}',
      },
      tests: armNextRequest('a global-service call, so no project id.', { HUAWEICLOUD_SDK_PROJECT_ID: '' }),
    },
    {
      name: 'Global service call with X-Domain-Id',
      description: 'A global-service call (IAM, DNS, CDN, TMS style) carries X-Domain-Id instead of X-Project-Id.',
      method: 'GET',
      url: '{{baseUrl}}/v3/global/example',
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v3/global/example', method: 'GET', signedHeadersInclude: [...SIGNED_BASICS, 'x-domain-id'],
        signedHeadersExclude: ['x-project-id'],
      },
      tests: disarm(['HUAWEICLOUD_SDK_PROJECT_ID']),
    },
  ],
};

const [cnNorth4, apSoutheast1] = MOCK_PROJECTS;

const idLookups: FolderDefinition = {
  name: 'Project and account ids looked up',
  description:
    'With HUAWEICLOUD_REGION and no HUAWEICLOUD_SDK_PROJECT_ID the script looks the project id up at IAM ' +
    '(GET /v3/projects?name={region}, signed with the AK/SK) once per AK and region, caches it in hwc_id_cache and ' +
    'sends it as X-Project-Id; with hwc_token_scope=domain and no HUAWEICLOUD_SDK_DOMAIN_ID it looks up the account ' +
    "id (GET /v3/auth/domains) for X-Domain-Id. Each request is prepared by the previous one's test script.",
  items: [
    {
      name: 'Prepare: no project id, region cn-north-4',
      description: 'A plain signed call; its test script removes the project id and sets the region.',
      method: 'GET',
      url: '{{baseUrl}}/v1/lookup/prepare',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', path: '/v1/lookup/prepare' },
      tests: armNextRequest('no project id, region cn-north-4.', { HUAWEICLOUD_SDK_PROJECT_ID: '', HUAWEICLOUD_REGION: cnNorth4.name }),
    },
    {
      name: 'Project id of cn-north-4 looked up',
      description: 'X-Project-Id is the project id IAM gives for cn-north-4, signed.',
      method: 'GET',
      url: '{{baseUrl}}/v1/lookup/servers',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', signedHeadersInclude: ['x-project-id'], projectId: cnNorth4.id },
      tests: armNextRequest('the same region again: served from the cache.', { HUAWEICLOUD_REGION: cnNorth4.name }),
    },
    {
      name: 'Same region again, from the cache',
      description: 'No second lookup for the same AK and region.',
      method: 'POST',
      url: '{{baseUrl}}/v1/lookup/servers',
      body: { mode: 'raw', language: 'json', raw: JSON_BODY },
      expect: { kind: 'accepted', auth: 'aksk', method: 'POST', signedHeadersInclude: ['x-project-id'], projectId: cnNorth4.id },
      tests: armNextRequest('another region.', { HUAWEICLOUD_REGION: apSoutheast1.name }),
    },
    {
      name: 'Project id of ap-southeast-1 looked up',
      description: 'Another region, another project id.',
      method: 'GET',
      url: '{{baseUrl}}/v1/lookup/servers',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', projectId: apSoutheast1.id },
      tests: [
        ...disarm(['HUAWEICLOUD_REGION']),
        ...armNextRequest('a global service: the account id instead.', { hwc_token_scope: 'domain', HUAWEICLOUD_SDK_DOMAIN_ID: '' }),
      ],
    },
    {
      name: 'Account id looked up for a global service',
      description: 'hwc_token_scope=domain and no HUAWEICLOUD_SDK_DOMAIN_ID: X-Domain-Id from GET /v3/auth/domains.',
      method: 'GET',
      url: '{{baseUrl}}/v3/lookup/global',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', signedHeadersInclude: ['x-domain-id'], signedHeadersExclude: ['x-project-id'] },
      tests: [
        "pm.test('X-Domain-Id is the account id IAM gave', function () {",
        `  pm.expect(String(pm.response.json().canonicalRequest)).to.include(${JSON.stringify('x-domain-id:' + MOCK_ACCOUNT.domainId + '\n')});`,
        '});',
        ...disarm(['hwc_token_scope', 'HUAWEICLOUD_SDK_DOMAIN_ID', 'HUAWEICLOUD_SDK_PROJECT_ID']),
      ],
    },
    {
      name: 'IAM was asked once per AK and region',
      description: 'GET /__mock/stats (mock cloud only): one project lookup per region, one account lookup.',
      method: 'GET',
      url: '{{baseUrl}}/__mock/stats',
      expect: { kind: 'custom' },
      tests: [
        'var stats = pm.response.json();',
        "var ak = pm.variables.get('HUAWEICLOUD_SDK_AK');",
        "pm.test('one lookup per AK and region, one per account', function () {",
        `  pm.expect(stats.projectRequestsByIdentity['aksk:' + ak + ' name=${cnNorth4.name}']).to.equal(1);`,
        `  pm.expect(stats.projectRequestsByIdentity['aksk:' + ak + ' name=${apSoutheast1.name}']).to.equal(1);`,
        "  pm.expect(stats.domainRequestsByIdentity['aksk:' + ak]).to.equal(1);",
        '});',
      ],
    },
  ],
};

const temporaryKeys: FolderDefinition = {
  name: 'Temporary security credentials',
  description:
    'The first request asks IAM for temporary AK/SK and a security token (signed with the permanent keys) and keeps ' +
    'them in local variables for this run; the next requests are signed with them and carry X-Security-Token. ' +
    'The last one drops them again. Run the folder with the collection runner.',
  items: [
    {
      name: 'Obtain temporary keys from IAM',
      description: 'POST /v3.0/OS-CREDENTIAL/securitytokens signed with the permanent AK/SK; the reply holds access, secret and securitytoken.',
      method: 'POST',
      url: '{{HUAWEICLOUD_SDK_IAM_ENDPOINT}}/v3.0/OS-CREDENTIAL/securitytokens',
      body: {
        mode: 'raw',
        language: 'json',
        raw: '{"auth":{"identity":{"methods":["token"],"token":{"duration_seconds":900}}}}',
      },
      expect: { kind: 'custom' },
      tests: [
        "pm.test('IAM issued temporary keys', function () {",
        '  pm.response.to.have.status(201);',
        '  var credential = pm.response.json().credential;',
        '  pm.expect(credential.access).to.be.a(\'string\').and.not.be.empty;',
        '  pm.expect(credential.secret).to.be.a(\'string\').and.not.be.empty;',
        '  pm.expect(credential.securitytoken).to.be.a(\'string\').and.not.be.empty;',
        '});',
        "// Keep them for the following requests of this run (local variables outrank the environment; never printed).",
        'var issued = pm.response.json().credential || {};',
        "pm.variables.set('HUAWEICLOUD_SDK_AK', issued.access);",
        "pm.variables.set('HUAWEICLOUD_SDK_SK', issued.secret);",
        "pm.variables.set('HUAWEICLOUD_SDK_SECURITY_TOKEN', issued.securitytoken);",
      ],
    },
    {
      name: 'GET signed with temporary keys',
      description: 'Signed with the temporary AK/SK; X-Security-Token is added and signed.',
      method: 'GET',
      url: '{{baseUrl}}/v1/temporary/whoami?view=brief',
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/temporary/whoami', method: 'GET', canonicalQuery: 'view=brief',
        signedHeadersInclude: [...SIGNED_BASICS, 'x-security-token'],
      },
      tests: [
        "pm.test('signed with the temporary access key', function () {",
        "  pm.expect(String(pm.request.headers.get('Authorization'))).to.include('Access=' + pm.variables.get('HUAWEICLOUD_SDK_AK'));",
        "  pm.expect(pm.variables.get('HUAWEICLOUD_SDK_AK')).to.match(/^HWCMOCKTEMPAK|^[A-Z0-9]+$/);",
        '});',
      ],
    },
    {
      name: 'POST signed with temporary keys',
      description: 'A JSON body signed with the temporary keys; afterwards the temporary keys are dropped.',
      method: 'POST',
      url: '{{baseUrl}}/v1/temporary/resources',
      body: { mode: 'raw', language: 'json', raw: JSON_BODY },
      expect: {
        kind: 'accepted', auth: 'aksk', path: '/v1/temporary/resources', method: 'POST', bodySha256: sha256Hex(JSON_BODY),
        signedHeadersInclude: [...SIGNED_BASICS, 'x-security-token'],
      },
      tests: disarm(['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN']),
    },
  ],
};

const algorithms: FolderDefinition = {
  name: 'Signing algorithms',
  description:
    'hwc_signing_algorithm: SDK-HMAC-SHA256 (the default), V11-HMAC-SHA256 (a key derived per day, region and ' +
    'service: HUAWEICLOUD_REGION and hwc_signing_service) and SDK-HMAC-SM3 (the SM3 hash). Each request is prepared ' +
    "by the previous one's test script (local variables); the gateway says which algorithm it verified.",
  items: [
    {
      name: 'Default algorithm is SDK-HMAC-SHA256',
      description: 'No hwc_signing_algorithm: SDK-HMAC-SHA256. Its test script prepares V11 for the next request.',
      method: 'GET',
      url: '{{baseUrl}}/v1/algorithms/default',
      expect: { kind: 'accepted', auth: 'aksk', method: 'GET', path: '/v1/algorithms/default', algorithm: 'SDK-HMAC-SHA256' },
      tests: armNextRequest('sign with V11-HMAC-SHA256 for cn-north-4 and the iam service.', {
        hwc_signing_algorithm: 'V11-HMAC-SHA256',
        HUAWEICLOUD_REGION: 'cn-north-4',
        hwc_signing_service: 'iam',
      }),
    },
    {
      name: 'V11-HMAC-SHA256 with a derived key',
      description: 'Authorization: V11-HMAC-SHA256 Credential={AK}/{YYYYMMDD}/cn-north-4/iam; the key is HKDF-SHA256(SK, AK, scope).',
      method: 'POST',
      url: '{{baseUrl}}/v3.0/OS-USER/users?limit=1',
      body: { mode: 'raw', language: 'json', raw: JSON_BODY },
      expect: {
        kind: 'accepted', auth: 'aksk', method: 'POST', path: '/v3.0/OS-USER/users', canonicalQuery: 'limit=1',
        bodySha256: sha256Hex(JSON_BODY), algorithm: 'V11-HMAC-SHA256',
      },
      tests: [
        "pm.test('the credential scope names the region and service', function () {",
        "  pm.expect(String(pm.request.headers.get('Authorization'))).to.match(/Credential=[^/]+\\/\\d{8}\\/cn-north-4\\/iam, /);",
        '});',
        ...disarm(['HUAWEICLOUD_REGION', 'hwc_signing_service']),
        ...armNextRequest('sign with SDK-HMAC-SM3.', { hwc_signing_algorithm: 'SDK-HMAC-SM3' }),
      ],
    },
    {
      name: 'SDK-HMAC-SM3',
      description: 'The payload and the canonical request hashed with SM3, the signature an HMAC-SM3 keyed by the SK.',
      method: 'PUT',
      url: '{{baseUrl}}/v1/algorithms/sm3',
      body: { mode: 'raw', language: 'text', raw: TEXT_BODY },
      expect: { kind: 'accepted', auth: 'aksk', method: 'PUT', path: '/v1/algorithms/sm3', bodyNonEmpty: true, algorithm: 'SDK-HMAC-SM3' },
      tests: disarm(['hwc_signing_algorithm']),
    },
  ],
};

const rejections: FolderDefinition = {
  name: 'Expected rejections',
  description:
    'Requests signed wrong on purpose; the gateway must answer 401 APIGW.0301. Because the collection-level signer ' +
    'runs before item scripts, each wrong setting is prepared by the previous request\'s test script (local ' +
    'variables) and undone afterwards, together with hwc_expect_rejection=true, so the post-response script logs ' +
    'its diagnosis instead of failing a test. Run the folder with the collection runner.',
  items: [
    {
      name: 'Correctly signed baseline',
      description: 'A normal request; its test script then prepares a wrong secret key for the next one.',
      method: 'GET',
      url: '{{baseUrl}}/v1/rejections/baseline',
      expect: { kind: 'accepted', auth: 'aksk', path: '/v1/rejections/baseline', method: 'GET' },
      tests: armNextRequest('sign with a wrong secret key, a rejection the response side expects.', {
        HUAWEICLOUD_SDK_SK: WRONG_SK,
        hwc_expect_rejection: 'true',
      }),
    },
    {
      name: 'Wrong secret key is rejected',
      description: 'Signed with a wrong SK: 401 APIGW.0301 (verify aksk signature fail).',
      method: 'GET',
      url: '{{baseUrl}}/v1/rejections/wrong-sk',
      expect: { kind: 'rejected', status: 401, errorCode: 'APIGW.0301' },
      tests: [
        ...disarm(['HUAWEICLOUD_SDK_SK']),
        ...armNextRequest('sign with a date far outside the 15-minute window.', { hwc_signing_date: '20200101T000000Z' }),
      ],
    },
    {
      name: 'Old signing date is rejected',
      description: 'X-Sdk-Date from 2020: 401 APIGW.0301 (signature expired).',
      method: 'GET',
      url: '{{baseUrl}}/v1/rejections/old-date',
      expect: { kind: 'rejected', status: 401, errorCode: 'APIGW.0301', messageIncludes: 'expired' },
      tests: disarm(['hwc_signing_date', 'hwc_expect_rejection']),
    },
  ],
};

export const akskCollection: CollectionDefinition = {
  slug: 'huaweicloud-aksk',
  name: 'Huawei Cloud AK/SK signing',
  description: [
    'Requests signed with Huawei Cloud AK/SK (SDK-HMAC-SHA256) by the collection-level pre-request script from',
    'huaweicloud-postman-auth. Every request\'s tests check what the gateway computed.',
    '',
    'Set `baseUrl`, `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID`, `HUAWEICLOUD_SDK_DOMAIN_ID`',
    'and `HUAWEICLOUD_SDK_IAM_ENDPOINT` in the environment (template: huaweicloud-aksk.postman_environment.json).',
    'The assertions expect the mock cloud of this repository (`npm run mock`), which echoes what it verified;',
    'against a real endpoint use the requests as signing examples.',
    '',
    'Folders: body modes, query/path edge cases, credential headers, project and account ids looked up, temporary',
    'keys, signing algorithms (V11, SM3),',
    'expected rejections.',
  ].join('\n'),
  variables: [
    { key: 'hwc_auth_mode', value: 'aksk', description: 'aksk | token | none. This collection signs with AK/SK.' },
    {
      key: 'hwc_disable_body_pruning',
      value: 'true',
      description:
        'Tells the signer that GET requests here send their bodies (protocolProfileBehavior.disableBodyPruning, ' +
        'which scripts cannot see); harmless for GETs without a body.',
    },
  ],
  environment: [
    BASE_URL,
    IAM_ENDPOINT,
    { key: 'HUAWEICLOUD_SDK_AK', value: '', description: 'Access key id.', secret: true },
    { key: 'HUAWEICLOUD_SDK_SK', value: '', description: 'Secret access key.', secret: true },
    { key: 'HUAWEICLOUD_SDK_PROJECT_ID', value: '', description: 'Project id for regional APIs (X-Project-Id).' },
    { key: 'HUAWEICLOUD_SDK_DOMAIN_ID', value: '', description: 'Account (domain) id for global services (X-Domain-Id).' },
  ],
  folders: [bodyModes, urlEdgeCases, credentialHeaders, idLookups, temporaryKeys, algorithms, rejections],
};
