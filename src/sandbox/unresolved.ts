import { andList, HwcAuthError } from './errors';

/**
 * Every `{{reference}}` Postman could not resolve in what the request sends (URL, headers, body) and in the variables
 * the script reads, collected over one run so that one failing test names them all ("define variables a, b, c")
 * instead of one per run. A reference inside a secret variable's value is recorded without its text (it is part of
 * the secret): only the variable's name is shown.
 */
export class UnresolvedReferences {
  /** Referenced names, each once, in the order first met. */
  private readonly names: string[] = [];
  /** "the URL uses {{a}} and {{b}}", each place once. */
  private readonly uses: string[] = [];
  /** Secret variables holding a reference whose text is not shown. */
  private readonly secrets: string[] = [];

  /** Records every `{{name}}` left in `text` (already resolved) as used by `where`; true when there was one. */
  check(text: string, where: string): boolean {
    if (text.indexOf('{{') < 0) return false;
    const found: string[] = [];
    const re = /\{\{([^{}]*)\}\}/g;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const name = m[1]!;
      if (found.indexOf(name) < 0) found.push(name);
      if (this.names.indexOf(name) < 0) this.names.push(name);
    }
    if (found.length === 0) return false;
    const use = `${where} uses ${andList(found.map((n) => `{{${n}}}`))}`;
    if (this.uses.indexOf(use) < 0) this.uses.push(use);
    return true;
  }

  /** Records that secret variable `name` holds a reference, without its text. */
  secret(name: string): void {
    if (this.secrets.indexOf(name) < 0) this.secrets.push(name);
  }

  any(): boolean {
    return this.names.length > 0 || this.secrets.length > 0;
  }

  /** One error for all of them: the title names every variable to define (and secret to fix), the message where each is used. */
  error(): HwcAuthError {
    const fix: string[] = [];
    const message: string[] = [];
    if (this.names.length) {
      fix.push(`define variable${this.names.length > 1 ? 's' : ''} ${this.names.join(', ')}`);
      message.push(
        `${this.uses.join('; ')}, which no variable scope defines; define ${andList(this.names)} ` +
          '(environment, collection or globals)',
      );
    }
    if (this.secrets.length) {
      fix.push(`resolve the {{...}} reference in ${andList(this.secrets)}`);
      message.push(
        `${andList(this.secrets)} ${this.secrets.length > 1 ? 'hold' : 'holds'} a {{...}} reference that no variable ` +
          `scope defines (${this.secrets.length > 1 ? 'their values are' : 'its value is'} not shown: secret)`,
      );
    }
    return new HwcAuthError(fix.join(' and '), message.join('; '));
  }
}
