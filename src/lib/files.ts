import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UsageError } from './exitCodes';

/** Reads and parses a JSON file; any failure becomes a UsageError naming the file. */
export function readJsonFile(path: string, what: string): unknown {
  return readJsonText(path, what).value;
}

/** A JSON file's text as it is (to rewrite it in its own format) and its value. */
export function readJsonText(path: string, what: string): { text: string; value: unknown } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  const json = text.replace(/^\uFEFF/, '');
  try {
    return { text, value: JSON.parse(json) };
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON (${whereJsonFails(json, (e as Error).message)})`);
  }
}

/**
 * Where and why JSON.parse failed, without any of the text: V8's message quotes the start of the text for an
 * unexpected token (a file holding only a secret would show it), so only its content-free parts are kept, and the
 * place is found by parsing prefixes (a prefix before the error parses, or fails only for ending there).
 */
export function whereJsonFails(json: string, message: string): string {
  if (/Unexpected end of JSON input/.test(message)) return 'it ends too early';
  const why = /^([^"']*?) in JSON at position \d+/.exec(message)?.[1] ?? 'unexpected character';
  const endsHere = (length: number): boolean => {
    try {
      JSON.parse(json.slice(0, length));
      return true;
    } catch (e) {
      const m = (e as Error).message;
      const position = /at position (\d+)/.exec(m)?.[1];
      return /Unexpected end of JSON input/.test(m) || (position !== undefined && Number(position) >= length);
    }
  };
  let good = 0;
  let bad = json.length;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (endsHere(mid)) good = mid;
    else bad = mid;
  }
  const before = json.slice(0, bad - 1);
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  return `line ${line}, column ${column}: ${why}; the content is not shown`;
}

/** Writes a file owner-readable only, creating its folder. */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}
