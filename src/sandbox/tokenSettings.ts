import type { TokenIdentity, TokenScope } from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import type { VariableReader } from './config';
import { andList, HwcAuthError } from './errors';

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
  const problems = new Problems();
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
class Problems {
  private readonly toSet: string[] = [];
  private readonly toFix: string[] = [];
  private readonly details: string[] = [];

  unset(what: string, detail: string): void {
    this.toSet.push(what);
    this.details.push(detail);
  }

  malformed(name: string, rule: string): void {
    this.toFix.push(name);
    this.details.push(`${name} ${rule}`);
  }

  any(): boolean {
    return this.details.length > 0;
  }

  error(): HwcAuthError {
    const fix = [this.toSet.length ? 'set ' + andList(this.toSet) : '', this.toFix.length ? 'fix ' + andList(this.toFix) : ''];
    return new HwcAuthError(fix.filter(Boolean).join(' and '), 'token mode: ' + this.details.join('; '));
  }
}
