import { VARIABLES, type VariableKey, type VariableSpec } from './variables';

/**
 * What each variable of the registry (variables.ts) means, one line each: the README's variable table (checked by
 * test/docs/variables.test.ts). Kept apart from the registry because the pre-request script bundles the registry,
 * and Newman's sandbox carries and deserializes the script's whole text on every request: these lines went with it.
 */
export const VARIABLE_MEANINGS: { readonly [K in VariableKey]: string } = {
  ak: 'access key id',
  sk: 'secret access key',
  securityToken: 'temporary credentials: sent and signed as `X-Security-Token`',
  projectId: 'aksk: sent and signed as `X-Project-Id`; token: project scope by id',
  domainId: 'aksk: sent and signed as `X-Domain-Id` (global services); token: domain scope by id',
  iamEndpoint: 'IAM base URL, e.g. `https://iam.myhuaweicloud.com`',
  username: 'IAM user name',
  password: 'IAM user password',
  domainName: 'account (domain) name',
  projectName: 'project scope by name, e.g. `cn-north-4`',
  authMode:
    '`aksk`, `token`, `temporary`, `app`, `appcode` or `none` (leave the request alone). Unset: `aksk` with AK and SK, else `token` with `HUAWEICLOUD_USERNAME`, else `app`/`appcode` with their credentials, else fail closed',
  authHosts:
    "the hosts that get credentials, comma-separated (`*.example.com`, `api.example.com:8443`, `10.0.0.0/8`, `*`); others fail closed. Unset: Huawei Cloud's API domains, the IAM endpoint's host, loopback",
  allowHttp:
    "`true`: tokens (`X-Auth-Token`, `X-Security-Token`, IAM's reply) may go over plain http to hosts other than loopback",
  tokenScope:
    '`project` or `domain` (a token for global services; in AK/SK mode with no domain id, the account id is looked up for `X-Domain-Id`)',
  tokenRefreshMargin: 'seconds; a cached token with less than this left is replaced before use',
  iamTimeout: 'how long to wait for IAM (ms) before failing the request',
  disableBodyPruning:
    '`true` for items that set `disableBodyPruning` (scripts cannot see it): GET/HEAD bodies are then sent (and signed)',
  debug:
    "`true`: log the canonical request (security token masked), as lines and as the one line a gateway's `APIGW.0301` quotes, to compare",
  signingDate: 'fixed `X-Sdk-Date` (`YYYYMMDDTHHMMSSZ`), for reproducible tests only',
  clockCorrection:
    "`false`: sign with this machine's clock as it is. Otherwise `X-Sdk-Date` is corrected by the offset to the gateway's clock learnt from its answers (post-response script)",
  lockoutAfter:
    'after this many signature failures of an AK in a row, its further requests fail closed for the run (the gateway locks a key for 5 min after 5); `0`: off (post-response script)',
  expectRejection:
    '`true` on a request meant to be refused (negative tests): the post-response script logs its diagnosis instead of failing a test',
  tokenCache: 'written by the script: cached tokens by identity (JSON). Never share it',
  clockOffsets:
    "written by the post-response script: the offset (ms) to each gateway's clock by host (JSON), kept where the token cache is, so an exported environment carries it",
  requestAuth:
    'local, written by the pre-request script for the post-response script: how this request was authenticated (AK or identity, date, canonical request with credentials masked)',
  signatureFailures:
    'local, for the run: signature failures in a row by AK, with a fingerprint of the SK (never the SK)',
  iamFailures:
    'local, for the run: users whose login IAM refused (asked once per run) and the back-off after IAM answered 429 or 5xx',
  authRetry:
    "local, set while a request is about to be sent again (its token was revoked): item tests can skip that attempt with `if (!pm.variables.get('hwc_auth_retry')) { ... }`",
  region:
    'region id, e.g. `cn-north-4`: with AK/SK and no project id, its project id is looked up at IAM and sent as `X-Project-Id`; the region `V11-HMAC-SHA256` derives its key for',
  signingAlgorithm:
    '`SDK-HMAC-SHA256`, `V11-HMAC-SHA256` (a key derived per day, region and service) or `SDK-HMAC-SM3` (SM3, for national cryptography rules)',
  signingService: '`V11-HMAC-SHA256` only: the service its key is derived for, e.g. `iam`',
  appKey: 'API Gateway app: its Key (App authentication signs with it like an AK, without `X-Project-Id`)',
  appSecret: "API Gateway app: its Secret, the signature's key",
  appCode:
    'API Gateway app: an AppCode, sent as `X-Apig-AppCode` (simple authentication; HTTPS only, or HTTP to loopback)',
  apigAuthHeader: "the header the app signature goes in: a dedicated gateway's `app_auth_header`, when it is set",
  apigStage: 'sent (and in app mode signed) as `x-stage`: the environment the API is published in; unset: `RELEASE`',
  agencyName: 'an agency to assume (`assume_role`): temporary credentials of the account that delegates through it',
  agencyDomain: 'the name of the account (domain) that created the agency',
  temporaryDuration:
    'seconds the temporary credentials are asked for (900 to 86400); they are replaced when under 5 minutes remain',
  temporaryCache:
    'written by the script: cached temporary AK/SK and security tokens by identity (JSON). Never share it',
  idCache: 'written by the script: project and account ids it looked up, by IAM endpoint, AK and region (JSON)',
};

/** A registered variable with its meaning. */
export interface DocumentedVariable extends VariableSpec {
  /** One line for the README's table. */
  readonly meaning: string;
}

/** Every variable with its meaning, in the order of the registry (and of the README's table). */
export const DOCUMENTED_VARIABLES: readonly DocumentedVariable[] = (Object.keys(VARIABLES) as VariableKey[]).map((k) => ({
  ...VARIABLES[k],
  meaning: VARIABLE_MEANINGS[k],
}));
