import { DEFAULT_REFRESH_MARGIN_SECONDS, type TokenIdentity, type TokenScope } from '../core/iam';
import type { VariableReader } from './tokenAuth';

export const TOKEN_VARIABLES = {
  iamEndpoint: 'HUAWEICLOUD_SDK_IAM_ENDPOINT',
  username: 'HUAWEICLOUD_USERNAME',
  password: 'HUAWEICLOUD_PASSWORD',
  domainName: 'HUAWEICLOUD_DOMAIN_NAME',
  projectName: 'HUAWEICLOUD_PROJECT_NAME',
  projectId: 'HUAWEICLOUD_SDK_PROJECT_ID',
  domainId: 'HUAWEICLOUD_SDK_DOMAIN_ID',
  scope: 'hwc_token_scope',
  refreshMargin: 'hwc_token_refresh_margin',
  iamTimeout: 'hwc_iam_timeout_ms',
} as const;

export const DEFAULT_IAM_TIMEOUT_MS = 20000;

export interface TokenSettings {
  identity: TokenIdentity;
  password: string;
  refreshMarginMs: number;
  iamTimeoutMs: number;
}

/** Reads token mode's variables; throws one message naming every missing or malformed one. */
export function readTokenSettings(readVar: VariableReader): TokenSettings {
  const v = TOKEN_VARIABLES;
  const problems: string[] = [];
  const need = (name: string): string => {
    const value = readVar(name);
    if (value === undefined) problems.push(`${name} is not set`);
    return value ?? '';
  };
  const iamEndpoint = need(v.iamEndpoint);
  const username = need(v.username);
  const password = need(v.password);
  const domainName = need(v.domainName);
  if (iamEndpoint && !/^https?:\/\/[^/]/i.test(iamEndpoint)) problems.push(`${v.iamEndpoint} must be an http(s) URL`);

  let scope: TokenScope | undefined;
  const scopeKind = (readVar(v.scope) ?? 'project').toLowerCase();
  if (scopeKind === 'domain') {
    const domainId = readVar(v.domainId);
    scope = domainId ? { kind: 'domain', id: domainId } : { kind: 'domain', name: domainName };
  } else if (scopeKind === 'project') {
    const projectId = readVar(v.projectId);
    const projectName = readVar(v.projectName);
    if (projectId) scope = { kind: 'project', id: projectId };
    else if (projectName) scope = { kind: 'project', name: projectName };
    else problems.push(`set ${v.projectName} (e.g. cn-north-4) or ${v.projectId}, or ${v.scope}=domain`);
  } else {
    problems.push(`${v.scope} must be project or domain`);
  }

  const refreshMarginMs = secondsOrDefault(readVar(v.refreshMargin), DEFAULT_REFRESH_MARGIN_SECONDS, v.refreshMargin, problems) * 1000;
  const iamTimeoutMs = secondsOrDefault(readVar(v.iamTimeout), DEFAULT_IAM_TIMEOUT_MS, v.iamTimeout, problems);

  if (problems.length || !scope) throw new Error('token mode: ' + problems.join('; '));
  return { identity: { iamEndpoint, domainName, username, scope }, password, refreshMarginMs, iamTimeoutMs };
}

function secondsOrDefault(text: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    problems.push(`${name} must be a whole number`);
    return fallback;
  }
  return n;
}
