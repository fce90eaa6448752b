/** What every command file shares: the help footer, the option parsers, and how an action hands back its exit code. */
import { InvalidArgumentError } from 'commander';
import { UsageError } from '../lib/exitCodes';
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

/**
 * `key=value` arguments of a repeatable option. Checked here rather than in commander's parser, whose error would
 * quote the argument: one given without its `key=` may be nothing but a secret.
 */
export function keyValues(option: string, values: readonly string[]): VariableValue[] {
  return values.map((text, i) => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new UsageError(`${option} #${i + 1} is not key=value; it is not shown, as it may hold a secret`);
    return { key: text.slice(0, eq), value: text.slice(eq + 1) };
  });
}

export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

const REPORTER_PREFIX = '--reporter-';

/**
 * Takes Newman's `--reporter-<name>-<option> [value]` arguments out of a command line (commander cannot declare
 * options by prefix), with Newman's own rules: `--x=v`, or `--x v` when v does not start with `-`, or a flag.
 */
export function extractReporterArgs(args: readonly string[]): { rest: string[]; reporterArgs: Array<[string, string | true]> } {
  const rest: string[] = [];
  const reporterArgs: Array<[string, string | true]> = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith(REPORTER_PREFIX)) {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const next = args[i + 1];
    if (eq !== -1) reporterArgs.push([arg.slice(REPORTER_PREFIX.length, eq), arg.slice(eq + 1)]);
    else if (next !== undefined && !next.startsWith('-')) reporterArgs.push([arg.slice(REPORTER_PREFIX.length), args[++i] as string]);
    else reporterArgs.push([arg.slice(REPORTER_PREFIX.length), true]);
  }
  return { rest, reporterArgs };
}

/** `skip-headers` -> `skipHeaders`; `showEnvironmentData` stays. */
function camelCase(text: string): string {
  const words = text.split(/[-_]+/).filter(Boolean);
  return words.map((w, i) => (i === 0 ? w.charAt(0).toLowerCase() : w.charAt(0).toUpperCase()) + w.slice(1)).join('');
}

/**
 * Each reporter's options, as Newman's CLI builds them: `<name>-<option>` goes to that reporter when it is one of
 * the run's reporters, anything else is generic and goes to every reporter (overriding).
 */
export function reporterOptions(reporterArgs: ReadonlyArray<[string, string | true]>, reporters: readonly string[]): Record<string, Record<string, string | true>> {
  const byReporter: Record<string, Record<string, string | true>> = {};
  const generic: Record<string, string | true> = {};
  for (const name of reporters) byReporter[name] = {};
  for (const [arg, value] of reporterArgs) {
    const name = arg.split('-', 1)[0] as string;
    const own = byReporter[name];
    if (own && reporters.includes(name)) own[camelCase(arg.slice(name.length + 1))] = value;
    else generic[camelCase(arg)] = value;
  }
  for (const name of reporters) Object.assign(byReporter[name] as object, generic);
  return byReporter;
}
