/**
 * Every form a secret takes once a reporter has written it: raw, JSON-escaped, backslash-escaped (`\'`, as assertion
 * messages quote it), URL-encoded (`%XX` upper or lower case, `+` for a space, `%25XX` twice encoded), HTML entities
 * (named, decimal, hex, `&amp;`-escaped twice: what htmlextra writes), and base64. Computed once per secret.
 *
 * Letters and digits are never escaped by any of these encodings, so they are matched as they are; every other
 * character is matched in any of its encoded forms, each preceded by any number of backslashes (an escape of an
 * escape: JSON of a quoted assertion message writes `'` as `\\'`). A secret's letters and digits therefore always
 * appear in the text unchanged, which makes a cheap pre-check possible: its longest run of them (the anchor).
 */

export interface SecretForms {
  /** Matches the secret in every escaped form (global). */
  readonly pattern: RegExp;
  /** The longest run of letters and digits: no escaped form exists without it. Empty when the secret has none. */
  readonly anchor: string;
  /** Literal forms the pattern cannot see: the base64 encodings at each byte alignment. */
  readonly literals: readonly string[];
}

/** Base64 forms shorter than this are not masked: they would match ordinary text. */
const MIN_BASE64_FORM = 8;

/** HTML named entities per character (HTML5), as encoders write them. */
const NAMED_ENTITIES: Readonly<Record<string, readonly string[]>> = {
  '!': ['excl'],
  '"': ['quot', 'QUOT'],
  '#': ['num'],
  $: ['dollar'],
  '%': ['percnt'],
  '&': ['amp', 'AMP'],
  "'": ['apos'],
  '(': ['lpar'],
  ')': ['rpar'],
  '*': ['ast', 'midast'],
  '+': ['plus'],
  ',': ['comma'],
  '.': ['period'],
  '/': ['sol'],
  ':': ['colon'],
  ';': ['semi'],
  '<': ['lt', 'LT'],
  '=': ['equals'],
  '>': ['gt', 'GT'],
  '?': ['quest'],
  '@': ['commat'],
  '[': ['lsqb', 'lbrack'],
  '\\': ['bsol'],
  ']': ['rsqb', 'rbrack'],
  '^': ['Hat'],
  _: ['lowbar', 'UnderBar'],
  '`': ['grave', 'DiacriticalGrave'],
  '{': ['lcub', 'lbrace'],
  '|': ['verbar', 'vert', 'VerticalLine'],
  '}': ['rcub', 'rbrace'],
  '\u00a0': ['nbsp'],
};

/** Control characters' short escapes in JSON and JavaScript strings. */
const SHORT_ESCAPES: Readonly<Record<string, string>> = { '\b': 'b', '\f': 'f', '\n': 'n', '\r': 'r', '\t': 't', '\v': 'v', '\0': '0' };

const PLAIN = /^[A-Za-z0-9]$/;

function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
}

/** A hex number matching either case: "3d" -> "3[dD]". */
function hexPattern(hex: string): string {
  return hex.replace(/[a-f]/gi, (d) => `[${d.toLowerCase()}${d.toUpperCase()}]`);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** Every way one character (a code point) can be written, as regex alternatives. */
function characterForms(ch: string): string[] {
  const cp = ch.codePointAt(0) as number;
  const forms = [escapeRegExp(ch)];
  // JSON and JavaScript: \uXXXX per UTF-16 unit, \xXX, \n-style and \c for any other character
  let units = '';
  for (let i = 0; i < ch.length; i++) units += `\\\\u${hexPattern(hex(ch.charCodeAt(i), 4))}`;
  forms.push(units);
  if (cp < 0x100) forms.push(`\\\\x${hexPattern(hex(cp, 2))}`);
  if (SHORT_ESCAPES[ch]) forms.push(`\\\\${SHORT_ESCAPES[ch]}`);
  // URL: %XX per UTF-8 byte, either case, also encoded twice (%25XX); a space also as +
  const bytes = [...Buffer.from(ch, 'utf8')].map((b) => hexPattern(hex(b, 2)));
  forms.push(bytes.map((b) => `%${b}`).join(''), bytes.map((b) => `%25${b}`).join(''));
  if (ch === ' ') forms.push('\\+');
  // HTML: named, decimal and hex entities, also escaped twice (&amp;#x3D;)
  const entity = (body: string): string => `&(?:amp;)?${body};`;
  forms.push(entity(`#0*${cp}`), entity(`#[xX]0*${hexPattern(cp.toString(16))}`));
  for (const name of NAMED_ENTITIES[ch] ?? []) forms.push(entity(name));
  return forms;
}

/** The pattern that matches one character of a secret in any of its forms. */
function characterPattern(ch: string): string {
  if (PLAIN.test(ch)) return ch;
  return `\\\\*(?:${characterForms(ch).join('|')})`;
}

/**
 * Base64 of the secret at each of the three byte alignments it can have inside a longer encoded text (Basic auth,
 * a base64 body), standard and URL-safe alphabets: only the characters that depend on the secret's bytes alone.
 */
export function base64Forms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = new Set<string>();
  for (let offset = 0; offset < 3; offset++) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64').replace(/=+$/, '');
    const start = offset === 0 ? 0 : offset + 1; // characters that also carry the padding bytes' bits
    const end = (offset + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 1; // carries the next byte's bits
    const form = encoded.slice(start, end);
    if (form.length >= MIN_BASE64_FORM) {
      forms.add(form);
      forms.add(form.replace(/\+/g, '-').replace(/\//g, '_'));
    }
  }
  return [...forms];
}

/** The longest run of letters and digits in the secret. */
function anchorOf(secret: string): string {
  return (secret.match(/[A-Za-z0-9]+/g) ?? []).reduce((a, b) => (b.length > a.length ? b : a), '');
}

/** Computes a secret's forms, once: the pattern, its anchor and the base64 literals. */
export function secretForms(secret: string): SecretForms {
  const pattern = new RegExp([...secret].map(characterPattern).join(''), 'g');
  return { pattern, anchor: anchorOf(secret), literals: base64Forms(secret) };
}
