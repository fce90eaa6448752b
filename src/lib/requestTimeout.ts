/**
 * The request timeout `hwc-auth run` gives Newman when the user gives none (`--timeout-request`), in a run that can
 * use token mode. The script stops waiting for IAM after hwc_iam_timeout_ms and fails the request closed, but its
 * pm.sendRequest stays pending: the sandbox does not finish the script, nor Newman the run, until the IAM call ends,
 * which for a hanging IAM is never (Newman's own default is no timeout). A request timeout just above the IAM
 * timeout ends that call, so the run goes on: the script's own message first (it names hwc_iam_timeout_ms), Newman's
 * timeout a moment later. AK/SK runs call no IAM and keep Newman's default.
 */
import { VARIABLES } from '../core/variables';
import type { RunInputs } from './runInputs';

/** How long after the script gives up on IAM the IAM call itself is ended. */
export const IAM_TIMEOUT_GRACE_MS = 1000;

type Values = ReadonlyArray<{ key: string; value?: unknown }>;

/** Every value a variable has in the run's inputs (environment with the process environment's, globals, collection, data rows). */
function valuesOf(inputs: RunInputs, name: string): unknown[] {
  const lists: Values[] = [inputs.environment.values, inputs.globals?.values ?? [], (inputs.collection.variable as Values | undefined) ?? []];
  const found = lists.flatMap((list) => (Array.isArray(list) ? list : []).filter((v) => v && v.key === name).map((v) => v.value));
  for (const row of inputs.iterationData ?? []) if (name in row) found.push(row[name]);
  return found.filter((v) => v !== undefined && v !== null && v !== '');
}

/** True when a request of the run may use token mode: hwc_auth_mode=token, or a user name (the mode's automatic pick). */
export function mayUseTokenMode(inputs: RunInputs): boolean {
  return valuesOf(inputs, VARIABLES.authMode.name).some((v) => String(v).trim() === 'token') || valuesOf(inputs, VARIABLES.username.name).length > 0;
}

/** The longest hwc_iam_timeout_ms the run sets anywhere, else the script's default. */
export function iamTimeoutMs(inputs: RunInputs): number {
  const set = valuesOf(inputs, VARIABLES.iamTimeout.name)
    .map((v) => Number(String(v).trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
  return set.length > 0 ? Math.max(...set) : Number(VARIABLES.iamTimeout.default);
}

/** The --timeout-request to use: the user's, or for a run that may call IAM, its timeout plus the grace; else none. */
export function requestTimeoutFor(inputs: RunInputs, given: number | undefined): number | undefined {
  if (given !== undefined) return given;
  return mayUseTokenMode(inputs) ? iamTimeoutMs(inputs) + IAM_TIMEOUT_GRACE_MS : undefined;
}
