/** hwc-auth's exit codes, documented in docs/cli.md and in `hwc-auth --help`. */
export const EXIT = {
  /** Everything passed. */
  ok: 0,
  /** The run had failures (assertions, script errors, requests that failed): Newman's own exit code. */
  runFailed: 1,
  /** Bad arguments, unreadable or invalid files, missing credentials: nothing was run. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** An error the user can fix by changing the command line or a file; the CLI prints its message and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}
