/**
 * Masks secret values (SK, password, security token, IAM tokens, the token cache, any secret-named variable) in any
 * text hwc-auth writes, in every form a reporter can write them (./secretForms). Secrets are learned as they appear:
 * from the run's inputs (./runSecrets), from variables, from request and response headers (./newmanMasking).
 */
import { secretForms, type SecretForms } from './secretForms';
import { isSecretName, SECRET_HEADERS, secretLeaves } from './secretNames';

export { isSecretName, SECRET_HEADERS, secretLeaves } from './secretNames';

export const MASK = '***';

/** Shorter values are not masked: masking "ab" everywhere would destroy output and protect nothing. */
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly secrets = new Map<string, SecretForms>();
  /** Longest first, so that a secret containing another is masked whole. */
  private sorted: SecretForms[] = [];

  /** Adds a secret value; returns true when it was new. Its forms are computed here, once. */
  add(secret: unknown): boolean {
    if (typeof secret !== 'string') return false;
    const value = secret.trim();
    if (value.length < MIN_SECRET_LENGTH || this.secrets.has(value)) return false;
    this.secrets.set(value, secretForms(value));
    this.sorted = [...this.secrets.entries()].sort(([a], [b]) => b.length - a.length).map(([, forms]) => forms);
    return true;
  }

  /**
   * Adds the value of a variable if its name marks it secret, or its type is `secret`; a JSON value (a token cache)
   * also yields the secrets inside it. Numbers count (a CSV data file casts an all-digit password to one).
   */
  addVariable(name: string, value: unknown, type?: unknown): void {
    if (!(isSecretName(name) || type === 'secret') || value === undefined || value === null) return;
    const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
    this.add(text);
    for (const leaf of secretLeaves(text)) this.add(leaf);
  }

  /** Adds a header's value if the header carries a secret. */
  addHeader(name: string, value: unknown): void {
    if (SECRET_HEADERS.includes(name.trim().toLowerCase())) this.add(value);
  }

  /** How many secrets are known. */
  get size(): number {
    return this.secrets.size;
  }

  mask(text: string): string {
    let out = text;
    for (const forms of this.sorted) {
      // no escaped form of the secret exists without its anchor: most texts are cleared by one search per secret
      if (!forms.anchor || out.includes(forms.anchor)) out = out.replace(forms.pattern, MASK);
      for (const literal of forms.literals) if (out.includes(literal)) out = out.split(literal).join(MASK);
    }
    return out;
  }

  /**
   * Masks every string inside a value, in place where it is an object or array (event payloads that reporters
   * read after hwc-auth), and every byte buffer (a response body, which the JSON reporter writes as an array of
   * bytes) as UTF-8 text; returns the masked value.
   */
  maskDeep<T>(value: T, seen = new Set<object>()): T {
    if (typeof value === 'string') return this.mask(value) as T;
    if (!value || typeof value !== 'object' || seen.has(value) || ArrayBuffer.isView(value)) return value;
    seen.add(value);
    const record = value as Record<string, unknown>;
    // an Error's message and stack are own properties, but not enumerable
    const keys = value instanceof Error ? [...new Set([...Object.getOwnPropertyNames(value), ...Object.keys(value)])] : Object.keys(value);
    for (const key of keys) {
      const child = record[key];
      if (typeof child === 'string' || ArrayBuffer.isView(child)) {
        const masked = typeof child === 'string' ? this.mask(child) : this.maskBytes(child);
        if (masked === child) continue;
        try {
          record[key] = masked;
        } catch {
          // a read-only property: the stream masking still covers what gets printed
        }
      } else if (child && typeof child === 'object') {
        this.maskDeep(child, seen);
      }
    }
    return value;
  }

  /** Bytes holding a secret (as UTF-8 text) masked; the same bytes when they hold none. */
  private maskBytes(bytes: ArrayBufferView): ArrayBufferView {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const text = buffer.toString('utf8');
    const masked = this.mask(text);
    return masked === text ? bytes : Buffer.from(masked, 'utf8');
  }
}
