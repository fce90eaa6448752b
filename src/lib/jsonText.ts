/**
 * Format-preserving JSON edits: given a file's text, the value it holds and the value to write, rewrites only the
 * parts that changed, each in the file's own style (tabs or N spaces, CRLF or LF), and leaves every other byte as it
 * was, final newline included. `hwc-auth inject` uses it so that a collection's diff is the signer block (and, with
 * --fix-auth, the auth objects it replaced), not every line of a file exported with another indentation.
 */

export interface JsonStyle {
  /** One level of indentation: '\t', '  ', '    '...; '' for JSON on one line. */
  indent: string;
  eol: '\n' | '\r\n';
}

type JsonNode =
  | { kind: 'object'; start: number; end: number; members: Array<{ key: string; keyStart: number; value: JsonNode }> }
  | { kind: 'array'; start: number; end: number; items: JsonNode[] }
  | { kind: 'scalar'; start: number; end: number };

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The indentation and line ending a JSON text uses (its first indented line; CRLF when it has any). */
export function detectStyle(text: string): JsonStyle {
  return { indent: /\n([ \t]+)\S/.exec(text)?.[1] ?? '', eol: text.includes('\r\n') ? '\r\n' : '\n' };
}

/** `value` as JSON in the given style, its continuation lines indented by `base` (the indentation of its first line). */
export function renderJson(value: unknown, style: JsonStyle, base = ''): string {
  if (style.indent === '') return JSON.stringify(value);
  return JSON.stringify(value, null, style.indent).split('\n').join(style.eol + base);
}

/**
 * The text of `after`, written as `text` (which holds `before`) is written: unchanged values keep their bytes, a
 * changed one is rewritten in place, members and array elements added at the end are inserted after the last one.
 * The result always parses to `after`: should the edits not add up to it, the whole value is written in the file's
 * style instead.
 */
export function patchJsonText(text: string, before: unknown, after: unknown): string {
  const bom = text.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = text.slice(bom.length);
  const style = detectStyle(body);
  let patched: string;
  try {
    const root = new JsonScanner(body).document();
    const edits: Edit[] = [];
    diff(body, style, root, before, after, edits);
    patched = applyEdits(body, edits);
    if (JSON.stringify(JSON.parse(patched)) !== JSON.stringify(after)) throw new Error('patch does not add up');
  } catch {
    const trailing = /\s*$/.exec(body)?.[0] ?? '';
    patched = renderJson(after, style) + (trailing.includes('\n') ? style.eol : '');
  }
  return bom + patched;
}

function diff(text: string, style: JsonStyle, node: JsonNode, before: unknown, after: unknown, edits: Edit[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (node.kind === 'object' && isPlainObject(before) && isPlainObject(after) && diffObject(text, style, node, before, after, edits)) return;
  if (node.kind === 'array' && Array.isArray(before) && Array.isArray(after) && diffArray(text, style, node, before, after, edits)) return;
  edits.push({ start: node.start, end: node.end, text: renderJson(after, style, lineIndent(text, node.start)) });
}

/** Same keys in the same order, new ones at the end: patch each member, insert the new ones. Else false. */
function diffObject(
  text: string,
  style: JsonStyle,
  node: Extract<JsonNode, { kind: 'object' }>,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  edits: Edit[],
): boolean {
  const oldKeys = Object.keys(before);
  const newKeys = Object.keys(after);
  if (oldKeys.some((k, i) => newKeys[i] !== k)) return false;
  const added = newKeys.slice(oldKeys.length);
  const last = node.members[node.members.length - 1];
  if (added.length > 0 && (!last || !text.slice(node.start, last.keyStart).includes('\n'))) return false;
  const byKey = new Map(node.members.map((m) => [m.key, m.value]));
  for (const key of oldKeys) diff(text, style, byKey.get(key)!, before[key], after[key], edits);
  if (last && added.length > 0) {
    const indent = lineIndent(text, last.keyStart);
    const colon = style.indent === '' ? ':' : ': ';
    const inserted = added.map((k) => `,${style.eol}${indent}${JSON.stringify(k)}${colon}${renderJson(after[k], style, indent)}`);
    edits.push({ start: last.value.end, end: last.value.end, text: inserted.join('') });
  }
  return true;
}

/** The old elements first, maybe more at the end: patch each, insert the new ones after the last. Else false. */
function diffArray(
  text: string,
  style: JsonStyle,
  node: Extract<JsonNode, { kind: 'array' }>,
  before: unknown[],
  after: unknown[],
  edits: Edit[],
): boolean {
  if (after.length < before.length) return false;
  const last = node.items[node.items.length - 1];
  const appended = after.slice(before.length);
  if (appended.length > 0 && (!last || !text.slice(node.start, last.start).includes('\n'))) return false;
  before.forEach((value, i) => diff(text, style, node.items[i]!, value, after[i], edits));
  if (last && appended.length > 0) {
    const indent = lineIndent(text, last.start);
    edits.push({ start: last.end, end: last.end, text: appended.map((v) => `,${style.eol}${indent}${renderJson(v, style, indent)}`).join('') });
  }
  return true;
}

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** The whitespace that starts the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart, offset))![0];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Where each value of a JSON text starts and ends (the values themselves come from JSON.parse). */
class JsonScanner {
  private pos = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    const node = this.value();
    this.space();
    if (this.pos !== this.text.length) throw new SyntaxError(`unexpected text at ${this.pos}`);
    return node;
  }

  private value(): JsonNode {
    this.space();
    const start = this.pos;
    const ch = this.text[this.pos];
    if (ch === '{') {
      this.pos++;
      const members: Array<{ key: string; keyStart: number; value: JsonNode }> = [];
      this.space();
      if (this.text[this.pos] === '}') this.pos++;
      else {
        for (;;) {
          this.space();
          const keyStart = this.pos;
          const key = JSON.parse(this.text.slice(keyStart, this.stringEnd())) as string;
          this.space();
          this.expect(':');
          members.push({ key, keyStart, value: this.value() });
          this.space();
          if (this.text[this.pos] === ',') this.pos++;
          else {
            this.expect('}');
            break;
          }
        }
      }
      return { kind: 'object', start, end: this.pos, members };
    }
    if (ch === '[') {
      this.pos++;
      const items: JsonNode[] = [];
      this.space();
      if (this.text[this.pos] === ']') this.pos++;
      else {
        for (;;) {
          items.push(this.value());
          this.space();
          if (this.text[this.pos] === ',') this.pos++;
          else {
            this.expect(']');
            break;
          }
        }
      }
      return { kind: 'array', start, end: this.pos, items };
    }
    if (ch === '"') return { kind: 'scalar', start, end: this.stringEnd() };
    const scalar = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(this.text.slice(start, start + 400));
    if (!scalar) throw new SyntaxError(`unexpected character at ${start}`);
    this.pos = start + scalar[0].length;
    return { kind: 'scalar', start, end: this.pos };
  }

  /** Moves past the string starting at pos; returns its end. */
  private stringEnd(): number {
    if (this.text[this.pos] !== '"') throw new SyntaxError(`expected a string at ${this.pos}`);
    let i = this.pos + 1;
    while (i < this.text.length && this.text[i] !== '"') i += this.text[i] === '\\' ? 2 : 1;
    if (i >= this.text.length) throw new SyntaxError('unterminated string');
    this.pos = i + 1;
    return this.pos;
  }

  private space(): void {
    while (this.pos < this.text.length && ' \t\r\n'.includes(this.text[this.pos]!)) this.pos++;
  }

  private expect(ch: string): void {
    if (this.text[this.pos] !== ch) throw new SyntaxError(`expected ${ch} at ${this.pos}`);
    this.pos++;
  }
}
