import type { TokenIdentity, TokenScope } from '../core/iam';
import { VARIABLES, type VariableSpec } from '../core/variables';
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
  const v = VARIABLES;
  const problems = new Problems();
  const need = ({ name }: VariableSpec): string => {
    const value = readVar(name);
    if (value === undefined) problems.unset(name, `${name} is not set`);
    return value ?? '';
  };
  const iamEndpoint = need(v.iamEndpoint);
  const username = need(v.username);
  const password = need(v.password);
  const domainName = need(v.domainName);
  if (iamEndpoint && !/^https?:\/\/[^/]/i.test(iamEndpoint)) problems.malformed(v.iamEndpoint.name, 'must be an http(s) URL');

  let scope: TokenScope | undefined;
  const scopeKind = setting(readVar, v.tokenScope).toLowerCase();
  if (scopeKind === 'domain') {
    const domainId = readVar(v.domainId.name);
    scope = domainId ? { kind: 'domain', id: domainId } : { kind: 'domain', name: domainName };
  } else if (scopeKind === 'project') {
    const projectId = readVar(v.projectId.name);
    const projectName = readVar(v.projectName.name);
    if (projectId) scope = { kind: 'project', id: projectId };
    else if (projectName) scope = { kind: 'project', name: projectName };
    else {
      problems.unset(
        `${v.projectName.name} or ${v.projectId.name}`,
        `set ${v.projectName.name} (e.g. cn-north-4) or ${v.projectId.name}, or ${v.tokenScope.name}=domain`,
      );
    }
  } else {
    problems.malformed(v.tokenScope.name, 'must be project or domain');
  }

  const refreshMarginMs = wholeNumber(readVar, v.tokenRefreshMargin, problems) * 1000;
  const iamTimeoutMs = wholeNumber(readVar, v.iamTimeout, problems);

  if (problems.any() || !scope) throw problems.error();
  return { identity: { iamEndpoint, domainName, username, scope }, password, refreshMarginMs, iamTimeoutMs };
}

/** A setting's value, or its default from the registry. */
function setting(readVar: VariableReader, spec: VariableSpec & { default: string }): string {
  return readVar(spec.name) ?? spec.default;
}

/** A whole-number setting (its default when unset); a malformed one is a problem, and the default is used meanwhile. */
function wholeNumber(readVar: VariableReader, spec: VariableSpec & { default: string }, problems: Problems): number {
  const text = setting(readVar, spec);
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n)) {
    problems.malformed(spec.name, 'must be a whole number');
    return Number(spec.default);
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
