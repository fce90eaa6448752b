import {
  DEFAULT_AUTH_PATTERNS,
  effectivePort,
  hostAllowed,
  isLoopback,
  parseHostPatterns,
  type HostPattern,
} from '../core/hostPatterns';
import { parseUrl } from '../core/url';
import { VARIABLES as V } from '../core/variables';
import { flagSet, type VariableReader } from './config';
import { hwcAuthError } from './errors';
import type { ResolvedRequest } from './resolveRequest';

/**
 * Which hosts get credentials, and over what: hwc_auth_hosts (else the default list plus the IAM endpoint's host) and
 * hwc_allow_http. main.ts checks every request against it before any mode adds a credential; token mode checks the
 * IAM endpoint's scheme with it too (the token comes back in IAM's reply).
 */
export interface HostPolicy {
  patterns: readonly HostPattern[];
  /** hwc_auth_hosts as set, or undefined when the default list applies. */
  setList: string | undefined;
  allowHttp: boolean;
}

export function readHostPolicy(readVar: VariableReader): HostPolicy {
  const allowHttp = flagSet(readVar, V.allowHttp.name);
  const setList = readVar(V.authHosts.name);
  if (setList === undefined) return { patterns: defaultPatterns(readVar), setList, allowHttp };
  const { patterns, invalid } = parseHostPatterns(setList);
  if (invalid.length > 0 || patterns.length === 0) {
    throw hwcAuthError(
      `fix ${V.authHosts.name}`,
      `${V.authHosts.name} must be a comma-separated list of host patterns such as \`*.example.com\`, ` +
        `\`api.example.com:8443\`, \`10.0.0.0/8\` or \`*\`` +
        (invalid.length > 0 ? `; not a host pattern: ${invalid.map((e) => `"${e}"`).join(', ')}` : '; it names none'),
    );
  }
  return { patterns, setList, allowHttp };
}

/** Huawei Cloud's API domains and loopback, plus the host of HUAWEICLOUD_SDK_IAM_ENDPOINT when it is a URL. */
function defaultPatterns(readVar: VariableReader): HostPattern[] {
  const patterns = DEFAULT_AUTH_PATTERNS.slice();
  const iam = readVar(V.iamEndpoint.name);
  if (iam !== undefined) {
    try {
      patterns.push(...parseHostPatterns(parseUrl(iam).hostname).patterns);
    } catch {
      // not a URL: token mode's settings say so; nothing to add here
    }
  }
  return patterns;
}

/**
 * Throws, before anything is added to the request, when it goes to a host the policy does not name, or when
 * `tokenHeader` (the token the mode would send, if any) would cross plain http to a host other than loopback.
 */
export function assertCredentialsMayGo(policy: HostPolicy, target: ResolvedRequest['target'], tokenHeader: string | undefined): void {
  const port = effectivePort(target.scheme, target.port);
  if (!hostAllowed(policy.patterns, { hostname: target.hostname, port })) {
    const host = target.hostname;
    const which =
      policy.setList === undefined
        ? `the default list (Huawei Cloud's API domains, the ${V.iamEndpoint.name} host and loopback)`
        : `${V.authHosts.name} ("${policy.setList}")`;
    const fix = [
      `If it is a Huawei Cloud API, add ${host} to ${V.authHosts.name}`,
      '(a set value replaces the default list: keep the hosts you still need);',
      `if it needs no Huawei credentials, set ${V.authMode.name}=none for it`,
    ];
    throw hwcAuthError(
      `add ${host} to ${V.authHosts.name}, or set ${V.authMode.name}=none on this request`,
      `${host}${target.port ? ':' + target.port : ''} is not among the hosts that get credentials: ${which}. ` +
        `The request was not sent. ${fix.join(' ')}`,
    );
  }
  if (tokenHeader !== undefined) assertNotPlainHttp(policy, target, `the ${tokenHeader} header`);
}

/** Tokens go over https, or over plain http to loopback, unless hwc_allow_http=true. `what` names the token. */
export function assertNotPlainHttp(policy: HostPolicy, target: { scheme: string; hostname: string }, what: string): void {
  if (target.scheme !== 'http' || policy.allowHttp || isLoopback(target.hostname)) return;
  throw hwcAuthError(
    `use https for ${target.hostname}, or set ${V.allowHttp.name}=true`,
    `refusing to send ${what} over plain http to ${target.hostname}: anyone on the network path could read and ` +
      `reuse it. Tokens travel only over https, or over http to loopback; use an https URL, or set ` +
      `${V.allowHttp.name}=true if this network is trusted`,
  );
}

/**
 * Before a call to IAM whose reply carries a credential (a token, temporary keys): the IAM endpoint must not be plain
 * http unless it is loopback or hwc_allow_http is set. IAM's host needs no place in hwc_auth_hosts (what is sent is
 * for IAM).
 */
export function assertIamReplyProtected(policy: HostPolicy, iamEndpoint: string, what: string): void {
  let target: { scheme: string; hostname: string };
  try {
    const { protocol, hostname } = parseUrl(iamEndpoint);
    target = { scheme: protocol, hostname };
  } catch {
    throw hwcAuthError(`fix ${V.iamEndpoint.name}`, `${V.iamEndpoint.name} is not an http(s) URL with a host`);
  }
  assertNotPlainHttp(policy, target, what);
}
