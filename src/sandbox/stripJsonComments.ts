/**
 * What postman-runtime does to a raw JSON body before sending it: strip-json-comments 3.1.1 (MIT, Sindre Sorhus)
 * with `{ whitespace: false }`, ported line for line (request-helpers-presend.js). Comments go, strings stay;
 * like the original, a `//` comment ending in CRLF loses the CR and keeps the LF.
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

const SINGLE = 1;
const MULTI = 2;

export function stripJsonComments(text: string): string {
  let insideString = false;
  let insideComment = 0;
  let offset = 0;
  let result = '';
  for (let i = 0; i < text.length; i++) {
    const current = text[i];
    const pair = text.slice(i, i + 2);
    if (!insideComment && current === '"' && !isEscaped(text, i)) insideString = !insideString;
    if (insideString) continue;
    if (!insideComment && pair === '//') {
      result += text.slice(offset, i);
      offset = i;
      insideComment = SINGLE;
      i++;
    } else if (insideComment === SINGLE && pair === '\r\n') {
      i++;
      insideComment = 0;
      offset = i;
      continue;
    } else if (insideComment === SINGLE && current === '\n') {
      insideComment = 0;
      offset = i;
    } else if (!insideComment && pair === '/*') {
      result += text.slice(offset, i);
      offset = i;
      insideComment = MULTI;
      i++;
      continue;
    } else if (insideComment === MULTI && pair === '*/') {
      i++;
      insideComment = 0;
      offset = i + 1;
      continue;
    }
  }
  return result + (insideComment ? '' : text.slice(offset));
}

/**
 * The body that goes out when the runtime strips this text, and stays the same when stripped again: written back,
 * the runtime's own pass leaves it unchanged (stripping can join a lone '/' with the next one into a new comment,
 * hence the loop; each pass shortens the text, so it ends).
 */
export function stripJsonCommentsStable(text: string): string {
  let current = text;
  for (;;) {
    if (current.indexOf('//') < 0 && current.indexOf('/*') < 0) return current;
    const next = stripJsonComments(current);
    if (next === current) return current;
    current = next;
  }
}
