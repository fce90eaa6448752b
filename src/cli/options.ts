/** What every command file shares: the help footer, the option parsers, and how an action hands back its exit code. */
import { InvalidArgumentError } from 'commander';
import type { VariableValue } from '../lib/settings';

/** What each exit code means for one command (docs/cli.md's table says the same; a test compares them). */
export interface ExitMeanings {
  ok: string;
  /** Exit 1 besides an unexpected error, when the command has such a case. */
  failed?: string;
  usage: string;
}

const CREDENTIALS_HELP = `
Credentials come from the process environment, never from the command line:
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID,
  HUAWEICLOUD_SDK_DOMAIN_ID, HUAWEICLOUD_SDK_IAM_ENDPOINT, HUAWEICLOUD_USERNAME, HUAWEICLOUD_PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME, HUAWEICLOUD_PROJECT_NAME (and HWC_AUTH_MODE, HWC_TOKEN_SCOPE, ... for hwc_* settings).
Secrets (SK, password, security token, IAM tokens) are masked as *** in everything hwc-auth prints or writes.
Docs: README.md (troubleshooting), docs/cli.md`;

/** The help footer of a command: its exit codes, then where credentials come from. */
export function exitCodesHelp(m: ExitMeanings): string {
  return [
    '',
    'Exit codes:',
    `  0  ${m.ok}`,
    `  1  ${m.failed ? `${m.failed}; ` : ''}an unexpected error`,
    `  2  ${m.usage}`,
  ].join('\n') + '\n' + CREDENTIALS_HELP;
}

/** `hwc-auth --help`: what the codes mean across commands. */
export const EXIT_CODES_HELP = exitCodesHelp({
  ok: 'success',
  failed: "failures: a run's failed requests or assertions (run), a signer to add or auth to fix (inject --check), a refusal nothing could explain (doctor)",
  usage: 'usage or configuration error (bad arguments, unreadable or invalid files, missing credentials for sign, a busy port); nothing was run',
});

/** Turns a command's action (which returns its exit code) into a commander action that reports the code. */
export type Wrap = <A extends unknown[]>(action: (...args: A) => Promise<number> | number) => (...args: A) => Promise<void>;

/** A TCP port: 0 (a free one) to 65535. */
export function port(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || n > 65535) throw new InvalidArgumentError(`${name} must be a port number from 0 to 65535 (0: a free one)`);
    return n;
  };
}

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
