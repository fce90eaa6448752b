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
    out += uriEncodeBytes(utf8Encode(unit));
  }
  return out;
}

/** Rule 4 on bytes: unreserved bytes as they are, every other byte as %XX (uppercase hex), `keep` bytes too. */
export function uriEncodeBytes(bytes: ArrayLike<number>, keep?: number): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += isUnreserved(b) || b === keep ? String.fromCharCode(b) : '%' + HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}

/**
 * Percent-decoding to bytes, as a server does it (Go's URL.Path, APIG's gateway): each valid %XX is that byte, even
 * when the bytes are not UTF-8 (`%FF`, Latin-1 `caf%E9`); every other character is its UTF-8 bytes (a lone surrogate
 * U+FFFD's). A '%' not followed by two hex digits is kept literally. '+' is not a space (RFC 3986, not forms).
 */
export function percentDecodeBytes(text: string): Uint8Array {
  if (text.indexOf('%') < 0) return utf8Encode(text);
  const out: number[] = [];
  let start = 0;
  const flush = (end: number): void => {
    if (end > start) for (const b of utf8Encode(text.slice(start, end))) out.push(b);
  };
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && isHex(text.charCodeAt(i + 1)) && isHex(text.charCodeAt(i + 2))) {
      flush(i);
      out.push(parseInt(text.substr(i + 1, 2), 16));
      i += 2;
      start = i + 1;
    }
  }
  flush(text.length);
  return Uint8Array.from(out);
}

/**
 * Percent-decoding to text: each valid %XX becomes a byte, the bytes are read as UTF-8 (bytes that are not UTF-8 become
 * U+FFFD, so this is for reading values, e.g. in the mock; canonicalization works on percentDecodeBytes).
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
    out += uriEncodeBytes(utf8Encode(unit));
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
