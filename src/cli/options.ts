/** What every command file shares: the help footer, the option parsers, and how an action hands back its exit code. */
import { InvalidArgumentError } from 'commander';
import type { VariableValue } from '../lib/settings';

export const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the run had failures (as Newman: failed assertions, script errors, failed requests)
  2  usage or configuration error (bad arguments, unreadable files, missing credentials); nothing was run

Credentials come from the process environment, never from the command line:
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID,
  HUAWEICLOUD_SDK_DOMAIN_ID, HUAWEICLOUD_SDK_IAM_ENDPOINT, HUAWEICLOUD_USERNAME, HUAWEICLOUD_PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME, HUAWEICLOUD_PROJECT_NAME (and HWC_AUTH_MODE, HWC_TOKEN_SCOPE, ... for hwc_* settings).
Secrets (SK, password, security token, IAM tokens) are masked as *** in everything hwc-auth prints or writes.
Docs: README.md (troubleshooting), docs/cli.md`;

/** Turns a command's action (which returns its exit code) into a commander action that reports the code. */
export type Wrap = <A extends unknown[]>(action: (...args: A) => Promise<number> | number) => (...args: A) => Promise<void>;

export function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
    return n;
  };
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function keyValue(value: string, previous: VariableValue[] = []): VariableValue[] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected key=value, got ${value}`);
  return [...previous, { key: value.slice(0, eq), value: value.slice(eq + 1) }];
}

export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}
