/**
 * Masks secret values (SK, password, security token, IAM tokens, the token cache) in any text hwc-auth writes.
 * Secrets are learned as they appear: from the process environment, from variables, from request and response
 * headers. Each secret is also masked in the forms it takes inside JSON, XML and URLs.
 */
import { SECRET_VARIABLE_NAMES } from '../../core/variables';

export const MASK = '***';

/** Shorter values are not masked: masking "ab" everywhere would destroy output and protect nothing. */
const MIN_SECRET_LENGTH = 4;

/** Variable names whose values are secrets, whatever their value looks like: the registry's secret ones... */
const SECRET_NAMES = new Set(SECRET_VARIABLE_NAMES.map((n) => n.toLowerCase()));
/** ...and any name that looks like a secret's. */
const SECRET_NAME_PATTERN = /secret|passw(or)?d|(^|_)sk$|security_?token|auth_?token|subject_?token|token_cache|api_?key/i;

/** Headers whose values are secrets. */
export const SECRET_HEADERS = ['x-auth-token', 'x-subject-token', 'x-security-token'];

export function isSecretName(name: string): boolean {
  return SECRET_NAMES.has(name.toLowerCase()) || SECRET_NAME_PATTERN.test(name);
}

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** The forms a secret takes once written into JSON, XML, HTML or a URL. */
function variantsOf(secret: string): string[] {
  const forms = [secret, JSON.stringify(secret).slice(1, -1), xmlEscape(secret), encodeURIComponent(secret)];
  forms.push(JSON.stringify(forms[1]).slice(1, -1)); // JSON inside a JSON string (a variable holding JSON)
  return [...new Set(forms)];
}

export class Redactor {
  private readonly forms = new Set<string>();
  private sorted: string[] = [];

  /** Adds a secret value; returns true when it was new. */
  add(secret: unknown): boolean {
    if (typeof secret !== 'string') return false;
    const value = secret.trim();
    if (value.length < MIN_SECRET_LENGTH) return false;
    let added = false;
    for (const form of variantsOf(value)) {
      if (form.length >= MIN_SECRET_LENGTH && !this.forms.has(form)) {
        this.forms.add(form);
        added = true;
      }
    }
    if (added) this.sorted = [...this.forms].sort((a, b) => b.length - a.length);
    return added;
  }

  /** Adds the value of a variable if its name marks it secret; a token cache also yields the tokens inside it. */
  addVariable(name: string, value: unknown): void {
    if (!isSecretName(name) || value === undefined || value === null) return;
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    this.add(text);
    for (const leaf of secretLeaves(text)) this.add(leaf);
  }

  /** Adds a header's value if the header carries a secret. */
  addHeader(name: string, value: unknown): void {
    if (SECRET_HEADERS.includes(name.trim().toLowerCase())) this.add(value);
  }

  get size(): number {
    return this.forms.size;
  }

  mask(text: string): string {
    let out = text;
    for (const form of this.sorted) if (out.includes(form)) out = out.split(form).join(MASK);
    return out;
  }

  /**
   * Masks every string inside a value, in place where it is an object or array (event payloads that reporters
   * read after hwc-auth); returns the masked value.
   */
  maskDeep<T>(value: T, seen = new Set<object>()): T {
    if (typeof value === 'string') return this.mask(value) as T;
    if (!value || typeof value !== 'object' || seen.has(value)) return value;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const child = record[key];
      if (typeof child === 'string') {
        const masked = this.mask(child);
        if (masked !== child) {
          try {
            record[key] = masked;
          } catch {
            // a read-only property: the stream masking still covers what gets printed
          }
        }
      } else if (child && typeof child === 'object') {
        this.maskDeep(child, seen);
      }
    }
    return value;
  }
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
