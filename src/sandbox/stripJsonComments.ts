/**
 * What postman-runtime does to a raw JSON body before sending it: strip-json-comments 3.1.1 (MIT, Sindre Sorhus)
 * with `{ whitespace: false }` (request-helpers-presend.js). Comments go, strings stay; like the original, a `//`
 * comment ending in CRLF loses the CR and keeps the LF. The same state machine as the original's loop over every
 * character, but it jumps with indexOf to the next character that can change its state: outside strings and comments
 * a `"` or a `/`; in a string its closing `"`; in a `//` comment the next LF; in a block comment the next `*\/`. On a
 * 12 MB JSON body the original's loop took about 300 ms in sandbox 6.x (docs/benchmarks.md).
 */
function isEscaped(text: string, quotePosition: number): boolean {
  let index = quotePosition - 1;
  let backslashCount = 0;
  while (text[index] === '\\') {
    index -= 1;
    backslashCount += 1;
  }
  return backslashCount % 2 === 1;
}

export function stripJsonComments(text: string): string {
  let result = '';
  // `offset`: where the text not yet copied to `result` starts; -1 once an unterminated comment runs to the end.
  let offset = 0;
  let quote = -1;
  let slash = -1;
  let i = 0;
  while (i < text.length) {
    // Outside strings and comments: the next `"` or `/` (each position found once, kept until it is passed).
    if (quote < i) quote = text.indexOf('"', i);
    if (slash < i) slash = text.indexOf('/', i);
    if (quote < 0) quote = text.length;
    if (slash < 0) slash = text.length;
    if (quote < slash) {
      i = quote + 1;
      if (isEscaped(text, quote)) continue;
      // A string: to its closing quote (the rest of the text when there is none).
      let close = text.indexOf('"', i);
      while (close >= 0 && isEscaped(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0) break;
      i = close + 1;
    } else if (slash < text.length) {
      const next = text[slash + 1];
      if (next !== '/' && next !== '*') {
        i = slash + 1;
        continue;
      }
      result += text.slice(offset, slash);
      // A line comment ends before its LF (a CR before that LF goes with the comment); a block comment after `*\/`.
      const end = next === '/' ? text.indexOf('\n', slash + 2) : text.indexOf('*/', slash + 2);
      if (end < 0) {
        offset = -1;
        break;
      }
      offset = next === '/' ? end : end + 2;
      i = next === '/' ? end + 1 : end + 2;
    } else {
      break;
    }
  }
  if (offset === 0) return text;
  return offset < 0 ? result : result + text.slice(offset);
}

/**
 * The body that goes out when the runtime strips this text, and stays the same when stripped again: written back,
 * the runtime's own pass leaves it unchanged (stripping can join a lone '/' with the next one into a new comment,
 * hence the loop; each pass shortens the text, so it ends).
 */
export function stripJsonCommentsStable(text: string): string {
  let current = text;
  for (;;) {
    // No comment can start before the first '/' (one pass over a body that has none).
    const slash = current.indexOf('/');
    if (slash < 0 || (current.indexOf('//', slash) < 0 && current.indexOf('/*', slash) < 0)) return current;
    const next = stripJsonComments(current);
    if (next === current) return current;
    current = next;
  }
}
