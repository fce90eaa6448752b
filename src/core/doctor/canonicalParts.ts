/**
 * A canonical request (rule 3) read back into its parts, from either form it is quoted in: with real newlines (what
 * the signer builds, what `hwc_debug` logs) or `|`-joined (what an `APIGW.0301` or `APIG.0303` answer quotes).
 */
export interface ParsedCanonicalRequest {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** The canonical header lines as [lowercased name, value], in their order. */
  headers: Array<[string, string]>;
  /** SignedHeaders, split on ';'. */
  signedHeaders: string[];
  payloadHash: string;
}

const PAYLOAD_HASH = /^(?:[0-9a-fA-F]{64}|UNSIGNED-PAYLOAD)/;

/**
 * Reads a canonical request; null when the text is not one. In the `|` form a header value may itself hold `|`:
 * a piece that does not start a header named in SignedHeaders continues the previous value. Text after the payload
 * hash (a quote, a period the gateway appended) is ignored.
 */
export function parseCanonicalRequest(text: string): ParsedCanonicalRequest | null {
  const trimmed = text.replace(/\r\n/g, '\n').trim();
  const newlines = trimmed.indexOf('\n') >= 0;
  const pieces = newlines ? trimmed.split('\n') : trimmed.split('|');
  if (pieces.length < 6) return null;
  const hash = PAYLOAD_HASH.exec(pieces[pieces.length - 1]!.trim());
  const signedText = pieces[pieces.length - 2]!;
  if (!hash || pieces[pieces.length - 3] !== '' || /[\s:]/.test(signedText)) return null;
  const signedHeaders = signedText.split(';').filter(Boolean);
  const headers: Array<[string, string]> = [];
  const seen: Record<string, true> = {};
  for (const piece of pieces.slice(3, pieces.length - 3)) {
    const colon = piece.indexOf(':');
    const name = colon > 0 ? piece.slice(0, colon).toLowerCase() : '';
    const startsHeader = newlines || (name !== '' && !seen[name] && (signedHeaders.indexOf(name) >= 0 || headers.length === 0));
    if (startsHeader) {
      if (colon <= 0) return null;
      seen[name] = true;
      headers.push([name, piece.slice(colon + 1)]);
    } else if (headers.length > 0) {
      const last = headers[headers.length - 1]!;
      last[1] += '|' + piece;
    } else return null;
  }
  return {
    method: pieces[0]!.trim().toUpperCase(),
    canonicalUri: pieces[1]!,
    canonicalQuery: pieces[2]!,
    headers,
    signedHeaders,
    payloadHash: hash[0],
  };
}
