import { SECRET_VARIABLE_NAMES, VARIABLES } from '../core/variables';
import { HwcAuthError } from './errors';
import type { Pm } from './pm';
import { resolveTemplate } from './resolveTemplate';

/** Reads a Postman variable, resolved; undefined when unset or empty. Throws on an unresolved {{reference}}. */
export type VariableReader = (name: string) => string | undefined;

/** A `{{name}}` Postman could not resolve: its name, or undefined when the text has none. */
export function unresolvedVariable(text: string): string | undefined {
  const m = /\{\{([^{}]*)\}\}/.exec(text);
  return m ? m[1] : undefined;
}

/** Throws the user-facing error for text that still holds a `{{reference}}` after replaceIn. */
export function assertResolved(text: string, where: string): void {
  const name = unresolvedVariable(text);
  if (name !== undefined) {
    throw new HwcAuthError(
      `define variable ${name}`,
      `${where} uses {{${name}}}, which no variable scope defines; define ${name} (environment, collection or globals)`,
    );
  }
}

/**
 * Variables holding secrets. An unresolved `{{...}}` inside one of them is reported without what stands between the
 * braces: that text is part of the secret's value, and the message goes to the test results and the console. A value
 * that resolves to nothing but one undefined reference (`{{vault_sk}}`) holds no secret text, so the reference is named.
 */
export const SECRET_VARIABLES: readonly string[] = SECRET_VARIABLE_NAMES;

/** Reads a variable from any scope (pm.variables precedence), resolves nested references, trims it. */
export function variableReader(pm: Pm): VariableReader {
  return (name) => {
    const value = pm.variables.get(name);
    if (value === undefined || value === null) return undefined;
    const resolved = resolveTemplate(pm, String(value)).trim();
    const unresolved = unresolvedVariable(resolved);
    if (unresolved !== undefined && SECRET_VARIABLES.includes(name) && resolved !== `{{${unresolved}}}`) {
      throw new HwcAuthError(
        `resolve the {{...}} reference in ${name}`,
        `${name} holds a {{...}} reference that no variable scope defines (its value is not shown: it is a secret)`,
      );
    }
    assertResolved(resolved, `variable ${name}`);
    return resolved === '' ? undefined : resolved;
  };
}

/** hwc_disable_body_pruning: the item sets protocolProfileBehavior.disableBodyPruning, which scripts cannot see. */
export function bodyPruningDisabled(readVar: VariableReader): boolean {
  const v = readVar(VARIABLES.disableBodyPruning.name);
  return v !== undefined && /^(true|1|yes)$/i.test(v);
}
