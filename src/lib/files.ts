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
  try {
    return { text, value: JSON.parse(text.replace(/^\uFEFF/, '')) };
  } catch (e) {
    throw new UsageError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
  }
}

/** Writes a file owner-readable only, creating its folder. */
export function writeTextFile(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text, { mode: 0o600 });
}
