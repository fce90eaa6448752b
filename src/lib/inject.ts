import {
  execLines,
  MARKER_BEGIN,
  MARKER_END,
  NON_LEGACY_LINE,
  RESPONSE_MARKER_BEGIN,
  RESPONSE_MARKER_END,
  responseExecEntry,
  signerBlock,
  signerExecEntry,
  wholeScriptExec,
  withoutNonLegacyMarker,
} from './signerBlock';
import { UsageError } from './exitCodes';

export { MARKER_BEGIN, MARKER_END, RESPONSE_MARKER_BEGIN, RESPONSE_MARKER_END, signerBlock };

/** The slice of a Postman Collection v2.x this module touches; everything else is carried through untouched. */
export interface CollectionJson {
  info?: { schema?: unknown; name?: unknown; [key: string]: unknown };
  event?: EventJson[];
  [key: string]: unknown;
}

interface EventJson {
  listen?: unknown;
  script?: { exec?: unknown; type?: unknown; [key: string]: unknown };
  [key: string]: unknown;
}

export interface InjectResult {
  collection: CollectionJson;
  /** False when the collection already carried this exact signer after its own code. */
  changed: boolean;
}

const V2_SCHEMA = /\/collection\/v2\.\d+\.\d+\//;

/** Throws a UsageError unless the value is a Postman Collection v2.x (by info.schema). */
export function assertV2Collection(value: unknown, source = 'the collection'): asserts value is CollectionJson {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new UsageError(`${source} is not a Postman collection (expected a JSON object)`);
  }
  const info = (value as CollectionJson).info;
  const schema = info && typeof info === 'object' ? info.schema : undefined;
  if (typeof schema !== 'string') {
    throw new UsageError(
      `${source} has no info.schema: it is not a Postman Collection v2.x (a v1 export?). ` +
        'In Postman: Export, Collection v2.1.',
    );
  }
  if (!V2_SCHEMA.test(schema)) {
    throw new UsageError(
      `${source} uses schema ${schema}; hwc-auth supports Postman Collection v2.0/v2.1 only. ` +
        'In Postman: Export, Collection v2.1.',
    );
  }
}

/**
 * Where an unmarked copy of the built script starts (pasted by hand, or embedded by the collection generator): its
 * banner, `/*!` then ` * huaweicloud-postman-auth <version>` (the readable build), or a first line
 * `/*! huaweicloud-postman-auth <version>` (the paste form), either after the non-legacy marker or not. Such a copy
 * runs to the end of the script.
 */
function unmarkedSignerStart(lines: readonly string[]): number {
  const unmarked = lines.map(withoutNonLegacyMarker);
  for (let i = 0; i + 1 < unmarked.length; i++) {
    if (unmarked[i]!.trim() === '/*!' && /^\s*\* huaweicloud-postman-auth \d/.test(unmarked[i + 1]!)) return i;
  }
  // The paste form's banner starts on its first line.
  return unmarked.findIndex((line) => /^\s*\/\*! huaweicloud-postman-auth \d/.test(line));
}

/** The lines of a script without the non-legacy line hwc-auth puts first when its block is the whole script. */
function withoutNonLegacyLine(lines: readonly string[]): string[] {
  return lines.filter((line) => line !== NON_LEGACY_LINE);
}

/** True when nothing but blank lines is left (Postman stores an empty script as `[""]`). */
function isBlank(lines: readonly string[]): boolean {
  return lines.every((line) => line.trim() === '');
}

/** The lines of a script with the signer (hwc-auth's marked block, every copy, or an unmarked pasted copy) removed. */
export function withoutSigner(lines: readonly string[]): string[] {
  const out = withoutMarked(withoutNonLegacyLine(lines), MARKER_BEGIN, MARKER_END);
  const pasted = unmarkedSignerStart(out);
  return pasted < 0 ? out : out.slice(0, pasted);
}

/**
 * The lines of a test script with the post-response script removed: its marked blocks, or an unmarked pasted copy
 * (from its banner to the end of its function, `})();`), so code around it stays.
 */
export function withoutResponseScript(lines: readonly string[]): string[] {
  const out = withoutMarked(withoutNonLegacyLine(lines), RESPONSE_MARKER_BEGIN, RESPONSE_MARKER_END);
  const start = unmarkedSignerStart(out);
  if (start < 0) return out;
  const end = out.findIndex((line, i) => i > start && /\}\)\(\);\s*$/.test(line));
  return end < 0 ? out.slice(0, start) : [...out.slice(0, start), ...out.slice(end + 1)];
}

function withoutMarked(lines: readonly string[], begin: string, end: string): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (!inside && line === begin) inside = true;
    else if (inside && line === end) inside = false;
    else if (!inside) out.push(line);
  }
  return out;
}

/** True when the collection-level pre-request script carries the signer (marked by hwc-auth, or pasted). */
export function hasSigner(collection: CollectionJson): boolean {
  return (collection.event ?? []).some((e) => {
    if (e.listen !== 'prerequest') return false;
    const lines = execLines(e.script?.exec);
    return lines.includes(MARKER_BEGIN) || unmarkedSignerStart(lines) >= 0;
  });
}

/**
 * Puts the signer at the end of the collection-level pre-request script: the collection's own code stays, and runs
 * first; a block added before is replaced, so injecting twice changes nothing. With `responseScript`, the
 * post-response script likewise goes at the start of the collection-level test script (so the collection's own test
 * code, after it, can see hwc_auth_retry). Ids, order and every other field are kept. The input is not modified.
 */
export function injectSigner(input: unknown, script: string, source?: string, responseScript?: string): InjectResult {
  assertV2Collection(input, source);
  const collection = structuredClone(input) as CollectionJson;
  const block = signerExecEntry(script);
  const events: EventJson[] = Array.isArray(collection.event) ? collection.event : [];
  const prerequest = events.find((e) => e && e.listen === 'prerequest');
  // A block alone in its script box goes after the non-legacy line (signerBlock.ts); beside code of the collection's
  // own, which may use the legacy globals, it does not.
  if (!prerequest) {
    events.push({ listen: 'prerequest', script: { type: 'text/javascript', exec: wholeScriptExec(block) } });
  } else {
    const script = prerequest.script ?? (prerequest.script = { type: 'text/javascript' });
    const own = withoutSigner(execLines(script.exec));
    script.exec = isBlank(own) ? wholeScriptExec(block) : [...own, block];
    if (script.type === undefined) script.type = 'text/javascript';
  }
  if (responseScript !== undefined) {
    const responseBlock = responseExecEntry(responseScript);
    const test = events.find((e) => e && e.listen === 'test');
    if (!test) events.push({ listen: 'test', script: { type: 'text/javascript', exec: wholeScriptExec(responseBlock) } });
    else {
      const script = test.script ?? (test.script = { type: 'text/javascript' });
      const own = withoutResponseScript(execLines(script.exec));
      script.exec = isBlank(own) ? wholeScriptExec(responseBlock) : [responseBlock, ...own];
      if (script.type === undefined) script.type = 'text/javascript';
    }
  }
  collection.event = events;
  return { collection, changed: JSON.stringify(collection) !== JSON.stringify(input) };
}
