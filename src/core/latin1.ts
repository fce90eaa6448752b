/**
 * Latin-1 (ISO-8859-1): one byte per character, U+0000-U+00FF only. It is how Node's HTTP client writes header
 * strings on the wire (so Postman and Newman send `café` as 63 61 66 E9) and how Node's HTTP server reads them back
 * (each received byte one character), so a Node header string is a byte string.
 */

/** The Latin-1 bytes of `text`; throws a RangeError for a character above U+00FF. */
export function latin1Encode(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0xff) throw new RangeError(`U+${c.toString(16).toUpperCase().padStart(4, '0')} has no Latin-1 byte`);
    out[i] = c;
  }
  return out;
}
