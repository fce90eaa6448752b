/**
 * Every Postman variable the pre-request script reads, in one place: the sandbox reads them by these names, the CLI
 * bridges them from the process environment, the masker treats the secret ones as secrets, and the README's variable
 * table is checked against this list (test/docs/variables.test.ts). Adding a variable is one entry here (plus its use).
 */
import { DEFAULT_TEMPORARY_DURATION_SECONDS } from './iam/securityTokenRequest';
import { DEFAULT_REFRESH_MARGIN_SECONDS } from './iam/tokenCache';
import { DEFAULT_LOCKOUT_AFTER } from './lockout';
import { SDK_HMAC_SHA256 } from './signingAlgorithm';

/** The auth modes a variable can belong to ('none' reads nothing but hwc_auth_mode). */
export type VariableMode = 'aksk' | 'token' | 'app' | 'appcode' | 'temporary';

export interface VariableSpec {
  /** The variable's name in Postman (and in the process environment). */
  readonly name: string;
  /**
   * sdk: a name Huawei's SDKs read from the process environment (the CLI takes it from there under the same name);
   * setting: one of this script's settings, hwc_* (the CLI also takes it under its upper-case twin, HWC_*);
   * state: written by the script itself (the CLI never takes it from the environment).
   */
  readonly kind: 'sdk' | 'setting' | 'state';
  /** The modes that read it; 'all' when every mode does. */
  readonly modes: 'all' | readonly VariableMode[];
  /** Its value is a secret: never shown, masked in everything the CLI writes. */
  readonly secret: boolean;
  /** The value used when it is unset, as the variable's text. */
  readonly default?: string;
  /** One line for the README's table. */
  readonly meaning: string;
}

export const VARIABLES = {
  ak: { name: 'HUAWEICLOUD_SDK_AK', kind: 'sdk', modes: ['aksk', 'temporary'], secret: false, meaning: 'access key id' },
  sk: { name: 'HUAWEICLOUD_SDK_SK', kind: 'sdk', modes: ['aksk', 'temporary'], secret: true, meaning: 'secret access key' },
  securityToken: {
    name: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
    kind: 'sdk',
    modes: ['aksk'],
    secret: true,
    meaning: 'temporary credentials: sent and signed as `X-Security-Token`',
  },
  projectId: {
    name: 'HUAWEICLOUD_SDK_PROJECT_ID',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    meaning: 'aksk: sent and signed as `X-Project-Id`; token: project scope by id',
  },
  domainId: {
    name: 'HUAWEICLOUD_SDK_DOMAIN_ID',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    meaning: 'aksk: sent and signed as `X-Domain-Id` (global services); token: domain scope by id',
  },
  iamEndpoint: {
    name: 'HUAWEICLOUD_SDK_IAM_ENDPOINT',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    meaning: 'IAM base URL, e.g. `https://iam.myhuaweicloud.com`',
  },
  username: { name: 'HUAWEICLOUD_USERNAME', kind: 'sdk', modes: ['token', 'temporary'], secret: false, meaning: 'IAM user name' },
  password: { name: 'HUAWEICLOUD_PASSWORD', kind: 'sdk', modes: ['token', 'temporary'], secret: true, meaning: 'IAM user password' },
  domainName: {
    name: 'HUAWEICLOUD_DOMAIN_NAME',
    kind: 'sdk',
    modes: ['token', 'temporary'],
    secret: false,
    meaning: 'account (domain) name',
  },
  projectName: {
    name: 'HUAWEICLOUD_PROJECT_NAME',
    kind: 'sdk',
    modes: ['token', 'temporary'],
    secret: false,
    meaning: 'project scope by name, e.g. `cn-north-4`',
  },
  authMode: {
    name: 'hwc_auth_mode',
    kind: 'setting',
    modes: 'all',
    secret: false,
    meaning:
      '`aksk`, `token`, `temporary`, `app`, `appcode` or `none` (leave the request alone). Unset: `aksk` with AK and SK, ' +
      'else `token` with `HUAWEICLOUD_USERNAME`, else `app`/`appcode` with their credentials, else fail closed',
  },
  authHosts: {
    name: 'hwc_auth_hosts',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary', 'app', 'appcode'],
    secret: false,
    meaning:
      'the hosts that get credentials, comma-separated (`*.example.com`, `api.example.com:8443`, `10.0.0.0/8`, `*`); ' +
      "others fail closed. Unset: Huawei Cloud's API domains, the IAM endpoint's host, loopback",
  },
  allowHttp: {
    name: 'hwc_allow_http',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    meaning:
      '`true`: tokens (`X-Auth-Token`, `X-Security-Token`, IAM\'s reply) may go over plain http to hosts other than loopback',
  },
  tokenScope: {
    name: 'hwc_token_scope',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    default: 'project',
    meaning: '`project` or `domain` (a token for global services; in AK/SK mode with no domain id, the account id is looked up for `X-Domain-Id`)',
  },
  tokenRefreshMargin: {
    name: 'hwc_token_refresh_margin',
    kind: 'setting',
    modes: ['token', 'temporary'],
    secret: false,
    default: `${DEFAULT_REFRESH_MARGIN_SECONDS}`,
    meaning: 'seconds; a cached token with less than this left is replaced before use',
  },
  iamTimeout: {
    name: 'hwc_iam_timeout_ms',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    default: '20000',
    meaning: 'how long to wait for IAM (ms) before failing the request',
  },
  disableBodyPruning: {
    name: 'hwc_disable_body_pruning',
    kind: 'setting',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
    meaning: '`true` for items that set `disableBodyPruning` (scripts cannot see it): GET/HEAD bodies are then sent (and signed)',
  },
  debug: {
    name: 'hwc_debug',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
    meaning: "`true`: log the canonical request (security token masked), as lines and as the one line a gateway's `APIGW.0301` quotes, to compare",
  },
  signingDate: {
    name: 'hwc_signing_date',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
    meaning: 'fixed `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`), for reproducible tests only',
  },
  clockCorrection: {
    name: 'hwc_clock_correction',
    kind: 'setting',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    default: 'true',
    meaning:
      "`false`: sign with this machine's clock as it is. Otherwise `X-Sdk-Date` is corrected by the offset to the gateway's clock learnt from its answers (post-response script)",
  },
  lockoutAfter: {
    name: 'hwc_lockout_after',
    kind: 'setting',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    default: `${DEFAULT_LOCKOUT_AFTER}`,
    meaning:
      'after this many signature failures of an AK in a row, its further requests fail closed for the run (the gateway locks a key for 5 min after 5); `0`: off (post-response script)',
  },
  expectRejection: {
    name: 'hwc_expect_rejection',
    kind: 'setting',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
    meaning: '`true` on a request meant to be refused (negative tests): the post-response script logs its diagnosis instead of failing a test',
  },
  tokenCache: {
    name: 'hwc_token_cache',
    kind: 'state',
    modes: ['token', 'temporary'],
    secret: true,
    meaning: 'written by the script: cached tokens by identity (JSON). Never share it',
  },
  clockOffsets: {
    name: 'hwc_clock_offsets',
    kind: 'state',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    meaning: "written by the post-response script: the offset (ms) to each gateway's clock by host (JSON), kept where the token cache is, so an exported environment carries it",
  },
  requestAuth: {
    name: 'hwc_request_auth',
    kind: 'state',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
    meaning: 'local, written by the pre-request script for the post-response script: how this request was authenticated (AK or identity, date, canonical request with credentials masked)',
  },
  signatureFailures: {
    name: 'hwc_signature_failures',
    kind: 'state',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    meaning: 'local, for the run: signature failures in a row by AK, with a fingerprint of the SK (never the SK)',
  },
  iamFailures: {
    name: 'hwc_iam_failures',
    kind: 'state',
    modes: ['token'],
    secret: false,
    meaning: 'local, for the run: users whose login IAM refused (asked once per run) and the back-off after IAM answered 429 or 5xx',
  },
  authRetry: {
    name: 'hwc_auth_retry',
    kind: 'state',
    modes: ['token'],
    secret: false,
    meaning: "local, set while a request is about to be sent again (its token was revoked): item tests can skip that attempt with `if (!pm.variables.get('hwc_auth_retry')) { ... }`",
  },
  region: {
    name: 'HUAWEICLOUD_REGION',
    kind: 'sdk',
    modes: ['aksk', 'temporary'],
    secret: false,
    meaning:
      'region id, e.g. `cn-north-4`: with AK/SK and no project id, its project id is looked up at IAM and sent as ' +
      '`X-Project-Id`; the region `V11-HMAC-SHA256` derives its key for',
  },
  signingAlgorithm: {
    name: 'hwc_signing_algorithm',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
    default: SDK_HMAC_SHA256,
    meaning: '`SDK-HMAC-SHA256`, `V11-HMAC-SHA256` (a key derived per day, region and service) or `SDK-HMAC-SM3` (SM3, for national cryptography rules)',
  },
  signingService: {
    name: 'hwc_signing_service',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
    meaning: '`V11-HMAC-SHA256` only: the service its key is derived for, e.g. `iam`',
  },
  appKey: {
    name: 'HUAWEICLOUD_APIG_APP_KEY',
    kind: 'sdk',
    modes: ['app'],
    secret: false,
    meaning: 'API Gateway app: its Key (App authentication signs with it like an AK, without `X-Project-Id`)',
  },
  appSecret: {
    name: 'HUAWEICLOUD_APIG_APP_SECRET',
    kind: 'sdk',
    modes: ['app'],
    secret: true,
    meaning: "API Gateway app: its Secret, the signature's key",
  },
  appCode: {
    name: 'HUAWEICLOUD_APIG_APP_CODE',
    kind: 'sdk',
    modes: ['appcode'],
    secret: true,
    meaning: 'API Gateway app: an AppCode, sent as `X-Apig-AppCode` (simple authentication; HTTPS only, or HTTP to loopback)',
  },
  apigAuthHeader: {
    name: 'hwc_apig_auth_header',
    kind: 'setting',
    modes: ['app'],
    secret: false,
    default: 'Authorization',
    meaning: "the header the app signature goes in: a dedicated gateway's `app_auth_header`, when it is set",
  },
  apigStage: {
    name: 'hwc_apig_stage',
    kind: 'setting',
    modes: ['app', 'appcode'],
    secret: false,
    meaning: 'sent (and in app mode signed) as `x-stage`: the environment the API is published in; unset: `RELEASE`',
  },
  agencyName: {
    name: 'HUAWEICLOUD_AGENCY_NAME',
    kind: 'sdk',
    modes: ['temporary'],
    secret: false,
    meaning: 'an agency to assume (`assume_role`): temporary credentials of the account that delegates through it',
  },
  agencyDomain: {
    name: 'HUAWEICLOUD_AGENCY_DOMAIN',
    kind: 'sdk',
    modes: ['temporary'],
    secret: false,
    meaning: 'the name of the account (domain) that created the agency',
  },
  temporaryDuration: {
    name: 'hwc_temporary_duration',
    kind: 'setting',
    modes: ['temporary'],
    secret: false,
    default: `${DEFAULT_TEMPORARY_DURATION_SECONDS}`,
    meaning: 'seconds the temporary credentials are asked for (900 to 86400); they are replaced when under 5 minutes remain',
  },
  temporaryCache: {
    name: 'hwc_temporary_cache',
    kind: 'state',
    modes: ['temporary'],
    secret: true,
    meaning: 'written by the script: cached temporary AK/SK and security tokens by identity (JSON). Never share it',
  },
  idCache: {
    name: 'hwc_id_cache',
    kind: 'state',
    modes: ['aksk'],
    secret: false,
    meaning: 'written by the script: project and account ids it looked up, by IAM endpoint, AK and region (JSON)',
  },
} as const satisfies Record<string, VariableSpec>;

export type VariableKey = keyof typeof VARIABLES;
export type VariableName = (typeof VARIABLES)[VariableKey]['name'];

/** Every variable, in the order of the README's table. */
export const VARIABLE_LIST: readonly VariableSpec[] = Object.keys(VARIABLES).map((k) => VARIABLES[k as VariableKey]);

/** Names of the variables whose values are secrets. */
export const SECRET_VARIABLE_NAMES: readonly string[] = VARIABLE_LIST.filter((v) => v.secret).map((v) => v.name);
