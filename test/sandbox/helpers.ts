/** Shared set-up for the sandbox tests: one live context per sandbox per file, and test credentials. */
import { SANDBOXES, SandboxRunner, type RunInput, type RunResult, type SandboxKind } from './harness';
import { verifyWire, wireRequest, type Verification, type WireRequest } from './wire';

export const AK = 'HPUAEXAMPLEAK0000001';
export const SK = 'sK9+secret/Value=NEVER-PRINT-ME-0123456789ab';
export const DATE = '20240102T030405Z';

export const akskEnv = (extra: Record<string, string> = {}): Record<string, string> => ({
  HUAWEICLOUD_SDK_AK: AK,
  HUAWEICLOUD_SDK_SK: SK,
  hwc_signing_date: DATE,
  ...extra,
});

/**
 * The sandbox tests sign requests to documentation hosts (`*.example.com`, RFC 2606; `10.0.0.1`), which the script's
 * default host list refuses. eachSandbox's runs allow them through globals, the lowest scope, so a test's own
 * hwc_auth_hosts (in any other scope) wins, and `globals: { hwc_auth_hosts: '' }` gives the default list back
 * (test/sandbox/hostPolicy.test.ts).
 */
export const EXAMPLE_HOSTS = '*.example.com, 10.0.0.1';

/** describe.each over both sandboxes, with a runner created once per sandbox. */
export function eachSandbox(title: string, body: (run: (input: RunInput) => Promise<RunResult>, kind: SandboxKind) => void): void {
  describe.each(SANDBOXES.map((k) => [k.name, k] as const))(`${title} [%s]`, (_name, kind) => {
    let runner: SandboxRunner | undefined;
    beforeAll(async () => {
      runner = await SandboxRunner.create(kind);
    });
    afterAll(() => runner?.dispose());
    body((input) => {
      if (!runner) throw new Error('sandbox not ready');
      return runner.run({ ...input, globals: { hwc_auth_hosts: EXAMPLE_HOSTS, ...input.globals } });
    }, kind);
  });
}

/** The request the runtime would send after the script, and the server-side signature check on it. */
export function sent(result: RunResult, ppb: Record<string, unknown> = {}): { wire: WireRequest; check: Verification } {
  expect(result.tests.filter((t) => !t.passed)).toEqual([]);
  expect(result.skipped).toBe(false);
  expect(result.error).toBeUndefined();
  const wire = wireRequest(result.request, ppb);
  return { wire, check: verifyWire(wire, AK, SK) };
}

/** Runs, then asserts the server would accept the signature; returns the wire view. */
export async function signedAndSent(
  run: (input: RunInput) => Promise<RunResult>,
  input: RunInput,
  ppb: Record<string, unknown> = {},
): Promise<{ result: RunResult; wire: WireRequest; check: Verification }> {
  const result = await run({ environment: akskEnv(), ...input });
  const { wire, check } = sent(result, ppb);
  expect(check.authorization).toBe(check.expectedAuthorization);
  expect(check.ok).toBe(true);
  expect(result.consoleText).not.toContain(SK);
  return { result, wire, check };
}

export function header(wire: WireRequest, name: string): string[] {
  return wire.headers.filter(([k]) => k.toLowerCase() === name.toLowerCase()).map(([, v]) => v);
}
