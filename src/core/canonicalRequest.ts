/** Rule 3: METHOD \n CanonicalURI \n CanonicalQuery \n CanonicalHeaders \n SignedHeaders \n PayloadHash. */
export interface CanonicalRequestParts {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** Already ends with '\n', hence the blank line before signedHeaders. */
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
}

export function canonicalRequest(p: CanonicalRequestParts): string {
  return [
    p.method.toUpperCase(),
    p.canonicalUri,
    p.canonicalQuery,
    p.canonicalHeaders,
    p.signedHeaders,
    p.payloadHash,
  ].join('\n');
}

/** The canonical request as the gateway quotes it in an APIGW.0301 message: newlines replaced by '|'. */
export function gatewayQuotedForm(canonicalRequest: string): string {
  return canonicalRequest.replace(/\n/g, '|');
}
