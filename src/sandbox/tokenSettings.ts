import type { TokenIdentity, TokenScope } from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import type { VariableReader } from './config';
import { andList, type HwcAuthError, hwcAuthError } from './errors';

export interface TokenSettings {
  identity: TokenIdentity;
  password: string;
  refreshMarginMs: number;
  iamTimeoutMs: number;
}

/**
 * Reads token mode's variables; throws one HwcAuthError naming every missing or malformed one, titled
 * "set A and B" / "fix C" / "set A and fix C".
 */
export function readTokenSettings(readVar: VariableReader): TokenSettings {
  const problems = noProblems();
  const need = (name: string): string => {
    const value = readVar(name);
    if (value === undefined) problems.unset(name, `${name} is not set`);
    return value ?? '';
  };
  const iamEndpoint = need(V.iamEndpoint.name);
  const username = need(V.username.name);
  const password = need(V.password.name);
  const domainName = need(V.domainName.name);
  if (iamEndpoint && !/^https?:\/\/[^/]/i.test(iamEndpoint)) problems.malformed(V.iamEndpoint.name, 'must be an http(s) URL');

  let scope: TokenScope | undefined;
  const scopeKind = setting(readVar, V.tokenScope.name, V.tokenScope.default).toLowerCase();
  if (scopeKind === 'domain') {
    const domainId = readVar(V.domainId.name);
    scope = domainId ? { kind: 'domain', id: domainId } : { kind: 'domain', name: domainName };
  } else if (scopeKind === 'project') {
    const projectId = readVar(V.projectId.name);
    const projectName = readVar(V.projectName.name);
    if (projectId) scope = { kind: 'project', id: projectId };
    else if (projectName) scope = { kind: 'project', name: projectName };
    else {
      problems.unset(
        `${V.projectName.name} or ${V.projectId.name}`,
        `set ${V.projectName.name} (e.g. cn-north-4) or ${V.projectId.name}, or ${V.tokenScope.name}=domain`,
      );
    }
  } else {
    problems.malformed(V.tokenScope.name, 'must be project or domain');
  }

  const refreshMarginMs = wholeNumber(readVar, V.tokenRefreshMargin.name, V.tokenRefreshMargin.default, problems) * 1000;
  const iamTimeoutMs = wholeNumber(readVar, V.iamTimeout.name, V.iamTimeout.default, problems);

  if (problems.any() || !scope) throw problems.error();
  return { identity: { iamEndpoint, domainName, username, scope }, password, refreshMarginMs, iamTimeoutMs };
}

/** A setting's value, or its default (from the registry). */
function setting(readVar: VariableReader, name: string, byDefault: string): string {
  return readVar(name) ?? byDefault;
}

/** A whole-number setting (its default when unset); a malformed one is a problem, and the default is used meanwhile. */
function wholeNumber(readVar: VariableReader, name: string, byDefault: string, problems: Problems): number {
  const text = setting(readVar, name, byDefault);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    problems.malformed(name, 'must be a whole number');
    return Number(byDefault);
  }
  return n;
}

/** What is wrong with token mode's variables, as one error: the title names what to set and fix, the message all. */
interface Problems {
  unset(what: string, detail: string): void;
  malformed(name: string, rule: string): void;
  any(): boolean;
  error(): HwcAuthError;
}

/** None yet (an object of functions, not a class instance: see core/namedError.ts). */
function noProblems(): Problems {
  const toSet: string[] = [];
  const toFix: string[] = [];
  const details: string[] = [];
  return {
    unset(what, detail) {
      toSet.push(what);
      details.push(detail);
    },
    malformed(name, rule) {
      toFix.push(name);
      details.push(`${name} ${rule}`);
    },
    any() {
      return details.length > 0;
    },
    error() {
      const fix = [toSet.length ? 'set ' + andList(toSet) : '', toFix.length ? 'fix ' + andList(toFix) : ''];
      return hwcAuthError(fix.filter(Boolean).join(' and '), 'token mode: ' + details.join('; '));
    },
  };
}
