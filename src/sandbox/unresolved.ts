import { andList, type HwcAuthError, hwcAuthError } from './errors';

/**
 * Every `{{reference}}` Postman could not resolve in what the request sends (URL, headers, body) and in the variables
 * the script reads, collected over one run so that one failing test names them all ("define variables a, b, c")
 * instead of one per run. A reference inside a secret variable's value is recorded without its text (it is part of
 * the secret): only the variable's name is shown.
 */
export interface UnresolvedReferences {
  /** Records every `{{name}}` left in `text` (already resolved) as used by `where`; true when there was one. */
  check(text: string, where: string): boolean;
  /** Records that secret variable `name` holds a reference, without its text. */
  secret(name: string): void;
  any(): boolean;
  /** One error for all of them: the title names every variable to define (and secret to fix), the message where each is used. */
  error(): HwcAuthError;
}

/** An empty record for one run of the script (an object of functions, not a class instance: see core/namedError.ts). */
export function unresolvedReferences(): UnresolvedReferences {
  /** Referenced names, each once, in the order first met. */
  const names: string[] = [];
  /** "the URL uses {{a}} and {{b}}", each place once. */
  const uses: string[] = [];
  /** Secret variables holding a reference whose text is not shown. */
  const secrets: string[] = [];
  return {
    check(text, where) {
      if (text.indexOf('{{') < 0) return false;
      const found: string[] = [];
      const re = /\{\{([^{}]*)\}\}/g;
      for (let m = re.exec(text); m !== null; m = re.exec(text)) {
        const name = m[1]!;
        if (found.indexOf(name) < 0) found.push(name);
        if (names.indexOf(name) < 0) names.push(name);
      }
      if (found.length === 0) return false;
      const use = `${where} uses ${andList(found.map((n) => `{{${n}}}`))}`;
      if (uses.indexOf(use) < 0) uses.push(use);
      return true;
    },
    secret(name) {
      if (secrets.indexOf(name) < 0) secrets.push(name);
    },
    any() {
      return names.length > 0 || secrets.length > 0;
    },
    error() {
      const fix: string[] = [];
      const message: string[] = [];
      if (names.length) {
        fix.push(`define variable${names.length > 1 ? 's' : ''} ${names.join(', ')}`);
        message.push(
          `${uses.join('; ')}, which no variable scope defines; define ${andList(names)} ` +
            '(environment, collection or globals)',
        );
      }
      if (secrets.length) {
        fix.push(`resolve the {{...}} reference in ${andList(secrets)}`);
        message.push(
          `${andList(secrets)} ${secrets.length > 1 ? 'hold' : 'holds'} a {{...}} reference that no variable ` +
            `scope defines (${secrets.length > 1 ? 'their values are' : 'its value is'} not shown: secret)`,
        );
      }
      return hwcAuthError(fix.join(' and '), message.join('; '));
    },
  };
}
