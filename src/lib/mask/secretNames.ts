/**
 * Which values are secrets: variables whose names the registry marks secret (src/core/variables.ts) or that look like
 * a secret's, headers that carry credentials, and the secret leaves inside a JSON value (a token cache, an IAM reply).
 */
import { SECRET_VARIABLE_NAMES } from '../../core/variables';

/** Variable names whose values are secrets, whatever their value looks like: the registry's secret ones... */
const SECRET_NAMES = new Set(SECRET_VARIABLE_NAMES.map((n) => n.toLowerCase()));
/** ...and any name that looks like a secret's. */
const SECRET_NAME_PATTERN = /secret|passw(or)?d|(^|_)sk$|security_?token|auth_?token|subject_?token|token_cache|api_?key/i;

/** Headers whose values are secrets. */
export const SECRET_HEADERS = ['x-auth-token', 'x-subject-token', 'x-security-token', 'x-apig-appcode'];

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase()) || SECRET_NAME_PATTERN.test(name);
}

/**
 * String values under secret-looking keys inside a JSON text (the token cache, a temporary-credential reply).
 * Not JSON: nothing.
 */
export function secretLeaves(text: string): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  const found: string[] = [];
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      if (/token|secret|passw|(^|_)sk$/i.test(key) && !/expire|issued|scope|margin|name$/i.test(key)) found.push(node);
    } else if (Array.isArray(node)) {
      node.forEach((child) => walk(child, key));
    } else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(parsed, '');
  return found;
}
