import { UsageError } from './exitCodes';
import type { VariableValue } from './settings';

/** A Postman environment as exported (the fields hwc-auth needs; others are kept). */
export interface EnvironmentJson {
  name?: string;
  values: EnvironmentValue[];
  [key: string]: unknown;
}

export interface EnvironmentValue {
  key: string;
  value?: unknown;
  type?: string;
  enabled?: boolean;
  [key: string]: unknown;
}

/** A Postman environment or globals file (both are a "values" list). */
export function asEnvironment(value: unknown, source: string, what: 'environment' | 'globals' = 'environment'): EnvironmentJson {
  const values = value && typeof value === 'object' ? (value as { values?: unknown }).values : undefined;
  if (!Array.isArray(values)) throw new UsageError(`${source} is not a Postman ${what} file (no "values" list)`);
  return value as EnvironmentJson;
}

/**
 * A copy of the environment with the given values set (replacing same-named ones, enabled); values whose names
 * are secret are typed `secret`, as Postman would.
 */
export function withValues(
  base: EnvironmentJson,
  values: readonly VariableValue[],
  isSecret: (key: string) => boolean,
): EnvironmentJson {
  const env: EnvironmentJson = { ...base, values: base.values.map((v) => ({ ...v })) };
  for (const { key, value } of values) {
    const type = isSecret(key) ? 'secret' : 'default';
    const existing = env.values.find((v) => v.key === key);
    if (existing) Object.assign(existing, { value, type, enabled: true });
    else env.values.push({ key, value, type, enabled: true });
  }
  return env;
}
