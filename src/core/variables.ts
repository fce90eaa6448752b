/**
 * Every Postman variable the pre-request script reads, in one place: the sandbox reads them by these names, the CLI
 * bridges them from the process environment, the masker treats the secret ones as secrets, and the README's variable
 * table is checked against this list (test/docs/variables.test.ts). Adding a variable is one entry here, its meaning in
 * variableMeanings.ts (kept out of the script's bundle), plus its use.
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
}

// Built by a function marked pure: its defaults hold template literals, which a bundler cannot prove free of side
// effects, and a bundle that reads no entry (the scripts read the names inlined, scripts/build.ts) must drop it.
export const VARIABLES = /* @__PURE__ */ registry(() => ({
  ak: { name: 'HUAWEICLOUD_SDK_AK', kind: 'sdk', modes: ['aksk', 'temporary'], secret: false },
  sk: { name: 'HUAWEICLOUD_SDK_SK', kind: 'sdk', modes: ['aksk', 'temporary'], secret: true },
  securityToken: {
    name: 'HUAWEICLOUD_SDK_SECURITY_TOKEN',
    kind: 'sdk',
    modes: ['aksk'],
    secret: true,
  },
  projectId: {
    name: 'HUAWEICLOUD_SDK_PROJECT_ID',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
  },
  domainId: {
    name: 'HUAWEICLOUD_SDK_DOMAIN_ID',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
  },
  iamEndpoint: {
    name: 'HUAWEICLOUD_SDK_IAM_ENDPOINT',
    kind: 'sdk',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
  },
  username: { name: 'HUAWEICLOUD_USERNAME', kind: 'sdk', modes: ['token', 'temporary'], secret: false },
  password: { name: 'HUAWEICLOUD_PASSWORD', kind: 'sdk', modes: ['token', 'temporary'], secret: true },
  domainName: {
    name: 'HUAWEICLOUD_DOMAIN_NAME',
    kind: 'sdk',
    modes: ['token', 'temporary'],
    secret: false,
  },
  projectName: {
    name: 'HUAWEICLOUD_PROJECT_NAME',
    kind: 'sdk',
    modes: ['token', 'temporary'],
    secret: false,
  },
  authMode: {
    name: 'hwc_auth_mode',
    kind: 'setting',
    modes: 'all',
    secret: false,
  },
  authHosts: {
    name: 'hwc_auth_hosts',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary', 'app', 'appcode'],
    secret: false,
  },
  allowHttp: {
    name: 'hwc_allow_http',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
  },
  tokenScope: {
    name: 'hwc_token_scope',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    default: 'project',
  },
  tokenRefreshMargin: {
    name: 'hwc_token_refresh_margin',
    kind: 'setting',
    modes: ['token', 'temporary'],
    secret: false,
    default: `${DEFAULT_REFRESH_MARGIN_SECONDS}`,
  },
  iamTimeout: {
    name: 'hwc_iam_timeout_ms',
    kind: 'setting',
    modes: ['aksk', 'token', 'temporary'],
    secret: false,
    default: '20000',
  },
  disableBodyPruning: {
    name: 'hwc_disable_body_pruning',
    kind: 'setting',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
  },
  debug: {
    name: 'hwc_debug',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
  },
  signingDate: {
    name: 'hwc_signing_date',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
  },
  clockCorrection: {
    name: 'hwc_clock_correction',
    kind: 'setting',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    default: 'true',
  },
  lockoutAfter: {
    name: 'hwc_lockout_after',
    kind: 'setting',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
    default: `${DEFAULT_LOCKOUT_AFTER}`,
  },
  expectRejection: {
    name: 'hwc_expect_rejection',
    kind: 'setting',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
  },
  tokenCache: {
    name: 'hwc_token_cache',
    kind: 'state',
    modes: ['token', 'temporary'],
    secret: true,
  },
  clockOffsets: {
    name: 'hwc_clock_offsets',
    kind: 'state',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
  },
  requestAuth: {
    name: 'hwc_request_auth',
    kind: 'state',
    modes: ['aksk', 'token', 'app', 'temporary'],
    secret: false,
  },
  signatureFailures: {
    name: 'hwc_signature_failures',
    kind: 'state',
    modes: ['aksk', 'app', 'temporary'],
    secret: false,
  },
  iamFailures: {
    name: 'hwc_iam_failures',
    kind: 'state',
    modes: ['token'],
    secret: false,
  },
  authRetry: {
    name: 'hwc_auth_retry',
    kind: 'state',
    modes: ['token'],
    secret: false,
  },
  region: {
    name: 'HUAWEICLOUD_REGION',
    kind: 'sdk',
    modes: ['aksk', 'temporary'],
    secret: false,
  },
  signingAlgorithm: {
    name: 'hwc_signing_algorithm',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
    default: SDK_HMAC_SHA256,
  },
  signingService: {
    name: 'hwc_signing_service',
    kind: 'setting',
    modes: ['aksk', 'temporary'],
    secret: false,
  },
  appKey: {
    name: 'HUAWEICLOUD_APIG_APP_KEY',
    kind: 'sdk',
    modes: ['app'],
    secret: false,
  },
  appSecret: {
    name: 'HUAWEICLOUD_APIG_APP_SECRET',
    kind: 'sdk',
    modes: ['app'],
    secret: true,
  },
  appCode: {
    name: 'HUAWEICLOUD_APIG_APP_CODE',
    kind: 'sdk',
    modes: ['appcode'],
    secret: true,
  },
  apigAuthHeader: {
    name: 'hwc_apig_auth_header',
    kind: 'setting',
    modes: ['app'],
    secret: false,
    default: 'Authorization',
  },
  apigStage: {
    name: 'hwc_apig_stage',
    kind: 'setting',
    modes: ['app', 'appcode'],
    secret: false,
  },
  agencyName: {
    name: 'HUAWEICLOUD_AGENCY_NAME',
    kind: 'sdk',
    modes: ['temporary'],
    secret: false,
  },
  agencyDomain: {
    name: 'HUAWEICLOUD_AGENCY_DOMAIN',
    kind: 'sdk',
    modes: ['temporary'],
    secret: false,
  },
  temporaryDuration: {
    name: 'hwc_temporary_duration',
    kind: 'setting',
    modes: ['temporary'],
    secret: false,
    default: `${DEFAULT_TEMPORARY_DURATION_SECONDS}`,
  },
  temporaryCache: {
    name: 'hwc_temporary_cache',
    kind: 'state',
    modes: ['temporary'],
    secret: true,
  },
  idCache: {
    name: 'hwc_id_cache',
    kind: 'state',
    modes: ['aksk'],
    secret: false,
  },
}));

/** The registry as written: every entry's literal types kept (`const`), each checked against VariableSpec. */
function registry<const T extends Record<string, VariableSpec>>(specs: () => T): T {
  return specs();
}

export type VariableKey = keyof typeof VARIABLES;
export type VariableName = (typeof VARIABLES)[VariableKey]['name'];

// Both marked pure: a bundle that does not read them leaves them, and the registry, out (the scripts' build inlines
// the names it reads, scripts/build.ts).
/** Every variable, in the order of the README's table. */
export const VARIABLE_LIST: readonly VariableSpec[] = /* @__PURE__ */ Object.keys(VARIABLES).map((k) => VARIABLES[k as VariableKey]);

/** Names of the variables whose values are secrets. */
export const SECRET_VARIABLE_NAMES: readonly string[] = /* @__PURE__ */ VARIABLE_LIST.filter((v) => v.secret).map((v) => v.name);
