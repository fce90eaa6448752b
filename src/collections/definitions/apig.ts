import { MOCK_APIG } from '../../mock/fixtures';
import { armNextRequest, BASE_URL, disarm, sha256Hex } from './common';
import type { CollectionDefinition, FolderDefinition } from './types';

/** APIs published on API Gateway: App authentication (hwc_auth_mode=app) and simple authentication (appcode). */

const ORDER = '{"item":"demo","quantity":2}';
const WRONG_CODE = 'this-is-not-the-app-code-0000000000000000000000000000000000000000';

const appAuth: FolderDefinition = {
  name: 'App authentication',
  description:
    "Signed with the app's Key and Secret (HUAWEICLOUD_APIG_APP_KEY, HUAWEICLOUD_APIG_APP_SECRET): SDK-HMAC-SHA256 " +
    'without X-Project-Id. hwc_apig_stage sends a signed x-stage; hwc_apig_auth_header puts the signature in the ' +
    "header a dedicated gateway's app_auth_header names. Each setting is prepared by the previous request's test script.",
  items: [
    {
      name: 'App-signed GET',
      description: 'An API published with App authentication, in the RELEASE environment.',
      method: 'GET',
      url: '{{baseUrl}}/apig/app/orders?limit=2',
      expect: { kind: 'accepted', auth: 'app', method: 'GET', path: '/apig/app/orders', canonicalQuery: 'limit=2', signedHeadersInclude: ['host', 'x-sdk-date'] },
      tests: [
        "pm.test('signed by the app, with no X-Project-Id', function () {",
        '  var body = pm.response.json();',
        "  pm.expect(body.appKey).to.equal(pm.variables.get('HUAWEICLOUD_APIG_APP_KEY'));",
        '  pm.expect(body.projectIdHeader).to.equal(null);',
        "  pm.expect(body.stage).to.equal('RELEASE');",
        '});',
      ],
    },
    {
      name: 'App-signed POST with a JSON body',
      description: 'The body is hashed and signed like an AK/SK request.',
      method: 'POST',
      url: '{{baseUrl}}/apig/app/orders',
      body: { mode: 'raw', language: 'json', raw: ORDER },
      expect: { kind: 'accepted', auth: 'app', method: 'POST', path: '/apig/app/orders', bodySha256: sha256Hex(ORDER), signedHeadersInclude: ['content-type'] },
      tests: armNextRequest('call the TEST environment.', { hwc_apig_stage: 'TEST' }),
    },
    {
      name: 'The TEST environment (hwc_apig_stage)',
      description: 'x-stage: TEST is added and signed; the gateway routes to the API as published in TEST.',
      method: 'GET',
      url: '{{baseUrl}}/apig/app/orders',
      expect: { kind: 'accepted', auth: 'app', method: 'GET', signedHeadersInclude: ['x-stage'] },
      tests: [
        "pm.test('called in the TEST environment', function () {",
        "  pm.expect(pm.response.json().stage).to.equal('TEST');",
        '});',
        ...disarm(['hwc_apig_stage']),
        ...armNextRequest("put the signature in the dedicated gateway's app_auth_header.", { hwc_apig_auth_header: MOCK_APIG.authHeader }),
      ],
    },
    {
      name: "Signature in the gateway's app_auth_header",
      description: `A dedicated gateway whose app_auth_header is ${MOCK_APIG.authHeader} reads the signature from there, not from Authorization.`,
      method: 'GET',
      url: '{{baseUrl}}/apig/custom-header/orders',
      expect: { kind: 'accepted', auth: 'app', method: 'GET', path: '/apig/custom-header/orders' },
      tests: [
        `pm.test('the signature went in ${MOCK_APIG.authHeader}, not in Authorization', function () {`,
        `  pm.expect(String(pm.request.headers.get(${JSON.stringify(MOCK_APIG.authHeader)}))).to.match(/^SDK-HMAC-SHA256 Access=/);`,
        "  pm.expect(pm.request.headers.has('Authorization')).to.equal(false);",
        '});',
        ...disarm(['hwc_apig_auth_header']),
      ],
    },
  ],
};

const appCode: FolderDefinition = {
  name: 'Simple authentication (AppCode)',
  description:
    'hwc_auth_mode=appcode sends HUAWEICLOUD_APIG_APP_CODE as X-Apig-AppCode, over HTTPS only (or HTTP to ' +
    'loopback, like the mock). The first request switches the mode for this folder.',
  items: [
    {
      name: 'Switch to appcode mode',
      description: 'One more App-signed call; its test script switches the next requests to hwc_auth_mode=appcode.',
      method: 'GET',
      url: '{{baseUrl}}/apig/appcode/orders',
      expect: { kind: 'accepted', auth: 'app', method: 'GET', path: '/apig/appcode/orders' },
      tests: armNextRequest('send the AppCode instead of a signature.', { hwc_auth_mode: 'appcode' }),
    },
    {
      name: 'AppCode GET',
      description: 'X-Apig-AppCode instead of a signature, on an API with simple authentication enabled.',
      method: 'GET',
      url: '{{baseUrl}}/apig/appcode/orders?limit=1',
      expect: { kind: 'accepted', auth: 'appcode', method: 'GET', path: '/apig/appcode/orders', query: 'limit=1' },
      tests: [
        "pm.test('no signature was sent', function () {",
        "  pm.expect(pm.request.headers.has('Authorization')).to.equal(false);",
        '});',
        ...armNextRequest('send a wrong AppCode.', { HUAWEICLOUD_APIG_APP_CODE: WRONG_CODE }),
      ],
    },
    {
      name: 'Wrong AppCode is rejected',
      description: 'An AppCode the gateway does not know: 401 APIG.0303 (Incorrect app authentication information).',
      method: 'GET',
      url: '{{baseUrl}}/apig/appcode/orders',
      expect: { kind: 'rejected', status: 401, errorCode: 'APIG.0303', messageIncludes: 'AppCode' },
      tests: disarm(['HUAWEICLOUD_APIG_APP_CODE', 'hwc_auth_mode']),
    },
  ],
};

export const apigCollection: CollectionDefinition = {
  slug: 'huaweicloud-apig',
  name: 'Huawei Cloud API Gateway apps',
  description: [
    'Calls to APIs published on Huawei Cloud API Gateway (APIG), authenticated by the collection-level pre-request',
    'script of huaweicloud-postman-auth: App authentication (hwc_auth_mode=app, the app\'s Key and Secret) and simple',
    'authentication (hwc_auth_mode=appcode, an AppCode).',
    '',
    'Set `baseUrl` (your API\'s domain), `HUAWEICLOUD_APIG_APP_KEY`, `HUAWEICLOUD_APIG_APP_SECRET` and',
    '`HUAWEICLOUD_APIG_APP_CODE` in the environment (template: huaweicloud-apig.postman_environment.json). The',
    'assertions expect the mock cloud of this repository, whose published APIs live under /apig/.',
  ].join('\n'),
  variables: [{ key: 'hwc_auth_mode', value: 'app', description: 'app | appcode. This collection signs as an API Gateway app.' }],
  environment: [
    BASE_URL,
    { key: 'HUAWEICLOUD_APIG_APP_KEY', value: '', description: "The app's Key (APIG console, API Management > Credentials)." },
    { key: 'HUAWEICLOUD_APIG_APP_SECRET', value: '', description: "The app's Secret.", secret: true },
    { key: 'HUAWEICLOUD_APIG_APP_CODE', value: '', description: 'An AppCode of the app, for simple authentication.', secret: true },
  ],
  folders: [appAuth, appCode],
};
