import { SECRET_VARIABLE_NAMES, VARIABLES } from '../core/variables';
import type { Pm } from './pm';
import { resolveTemplate } from './resolveTemplate';
import type { UnresolvedReferences } from './unresolved';
import { trimmed } from '../core/trimmed';

/**
 * Reads a Postman variable, resolved; undefined when unset or empty. A value that still holds an unresolved
 * {{reference}} is recorded (see UnresolvedReferences) and read as unset: the run reports every such reference at once.
 */
export type VariableReader = (name: string) => string | undefined;

/**
 * Variables holding secrets. An unresolved `{{...}}` inside one of them is reported without what stands between the
 * braces: that text is part of the secret's value, and the message goes to the test results and the console. A value
 * that resolves to nothing but one undefined reference (`{{vault_sk}}`) holds no secret text, so the reference is named.
 */
export const SECRET_VARIABLES: readonly string[] = SECRET_VARIABLE_NAMES;

/**
 * Reads a variable from any scope (pm.variables precedence), resolves nested references, trims it. Without
 * `unresolved` (the post-response script, which reports no references) a value holding one still reads as unset.
 */
export function variableReader(pm: Pm, unresolved?: UnresolvedReferences): VariableReader {
  return (name) => {
    const value = pm.variables.get(name);
    if (value === undefined || value === null) return undefined;
    const resolved = trimmed(resolveTemplate(pm, String(value)));
    if (resolved.indexOf('{{') >= 0 && /\{\{[^{}]*\}\}/.test(resolved)) {
      if (!unresolved) return undefined;
      if (SECRET_VARIABLES.includes(name) && !/^\{\{[^{}]*\}\}$/.test(resolved)) unresolved.secret(name);
      else unresolved.check(resolved, `variable ${name}`);
      return undefined;
    }
    return resolved === '' ? undefined : resolved;
  };
}

/** A true/false setting: `true`, `1` or `yes` (any case) switch it on; anything else, or unset, leaves it off. */
export function flagSet(readVar: VariableReader, name: string): boolean {
  const v = readVar(name);
  return v !== undefined && /^(true|1|yes)$/i.test(v);
}

/** hwc_disable_body_pruning: the item sets protocolProfileBehavior.disableBodyPruning, which scripts cannot see. */
export function bodyPruningDisabled(readVar: VariableReader): boolean {
  return flagSet(readVar, VARIABLES.disableBodyPruning.name);
}
