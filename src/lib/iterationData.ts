/**
 * The iteration data file (`-d`, JSON or CSV), read the way Newman reads it (its own encoding detection, JSON and CSV
 * parsers and CSV options, loaded from Newman's install) so that hwc-auth can learn the secrets in it before the run
 * and hand Newman the rows themselves. Errors name the file and the problem, never its content.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { UsageError } from './exitCodes';

export type IterationRow = Record<string, unknown>;

interface NewmanParsers {
  detectEncoding(buffer: Buffer): BufferEncoding | undefined;
  isInt(value: string): boolean;
  isFloat(value: string): boolean;
  parseJson(text: string): unknown;
  parseCsv(text: string, options: Record<string, unknown>): IterationRow[];
}

function newmanParsers(): NewmanParsers {
  const fromNewman = createRequire(require.resolve('newman'));
  const util = fromNewman('./lib/util') as Pick<NewmanParsers, 'detectEncoding' | 'isInt' | 'isFloat'>;
  const liquidJson = fromNewman('liquid-json') as { parse(text: string): unknown };
  const parseCsv = fromNewman('csv-parse/lib/sync') as NewmanParsers['parseCsv'];
  return {
    detectEncoding: (b) => util.detectEncoding(b),
    isInt: (v) => util.isInt(v),
    isFloat: (v) => util.isFloat(v),
    parseJson: (t) => liquidJson.parse(t),
    parseCsv,
  };
}

/** Newman's own CSV options (lib/run/options.js), its cast included: unquoted integers and floats become numbers. */
function csvOptions(parsers: NewmanParsers): Record<string, unknown> {
  return {
    columns: true,
    escape: '"',
    cast: (value: string, context: { quoting: boolean }): unknown => {
      if (context.quoting) return value;
      if (parsers.isInt(value)) return parseInt(value, 10);
      if (parsers.isFloat(value)) return parseFloat(value);
      return value;
    },
    trim: true,
    relax: true,
    relax_column_count: true,
    bom: true,
  };
}

/** Reads a JSON (an array of objects) or CSV data file into rows; a UsageError naming the file when it cannot. */
export function readIterationData(path: string): IterationRow[] {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `iteration data file ${path} does not exist` : `cannot read iteration data file ${path}: ${code ?? 'error'}`);
  }
  const parsers = newmanParsers();
  const text = buffer.toString(parsers.detectEncoding(buffer) ?? 'utf8');
  let json: unknown;
  try {
    json = parsers.parseJson(text.trim());
  } catch {
    json = undefined; // not JSON: CSV, as Newman does
  }
  if (json) {
    if (!Array.isArray(json) || !json.every((row) => row && typeof row === 'object' && !Array.isArray(row))) {
      throw new UsageError(`iteration data file ${path} is JSON but not an array of objects (one per iteration)`);
    }
    return json as IterationRow[];
  }
  try {
    return parsers.parseCsv(text, csvOptions(parsers));
  } catch (e) {
    const { code, lines } = e as { code?: string; lines?: number };
    throw new UsageError(`iteration data file ${path} is neither JSON nor valid CSV (${code ?? 'parse error'}${lines ? ` at line ${lines}` : ''})`);
  }
}
