import { utf8Decode, utf8Encode } from './utf8';

/** Rule 4 of the spec: keep only A-Z a-z 0-9 - _ . ~, encode every other UTF-8 byte as %XX (uppercase hex). */
export function uriEncode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (isUnreserved(ch.charCodeAt(0))) {
      out += ch;
      continue;
    }
    // Encode the whole code point (a surrogate pair is two UTF-16 units).
    const cp = text.codePointAt(i)!;
    const unit = cp > 0xffff ? text.slice(i, i + 2) : ch;
    if (cp > 0xffff) i++;
    for (const b of utf8Encode(unit)) out += '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/**
 * Percent-decoding as a server does it: each valid %XX becomes a byte, the bytes are read as UTF-8.
 * A '%' not followed by two hex digits is kept literally. '+' is not a space (RFC 3986, not forms).
 */
export function percentDecode(text: string): string {
  if (text.indexOf('%') < 0) return text;
  let out = '';
  let bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '%' && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      bytes.push(parseInt(text.substr(i + 1, 2), 16));
      i += 2;
      continue;
    }
    if (bytes.length) {
      out += utf8Decode(bytes);
      bytes = [];
    }
    out += ch;
  }
  if (bytes.length) out += utf8Decode(bytes);
  return out;
}

/**
 * Encoding for the wire: like uriEncode, but an existing valid %XX escape is kept as it is (so what the user
 * already encoded keeps its meaning, e.g. %2F stays an encoded slash) and the characters in `keep` pass through.
 * The result is plain RFC 3986 that Postman's URL encoder leaves alone.
 */
export function wireEncode(text: string, keep = ''): string {
  let out = '';
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = ch.charCodeAt(0);
    if (isUnreserved(code) || keep.indexOf(ch) >= 0) continue;
    if (ch === '%' && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      i += 2;
      continue;
    }
    out += text.slice(start, i);
    const cp = text.codePointAt(i)!;
    const unit = cp > 0xffff ? text.slice(i, i + 2) : ch;
    if (cp > 0xffff) i++;
    for (const b of utf8Encode(unit)) out += '%' + HEX[b >> 4] + HEX[b & 15];
    start = i + 1;
  }
  return out + text.slice(start);
}

const HEX = '0123456789ABCDEF';

function isUnreserved(c: number): boolean {
  return (
    (c >= 0x41 && c <= 0x5a) || // A-Z
    (c >= 0x61 && c <= 0x7a) || // a-z
    (c >= 0x30 && c <= 0x39) || // 0-9
    c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e // - . _ ~
  );
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
