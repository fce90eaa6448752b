/** The part of sm-crypto (npm, no bundled types) the tests use as an independent SM3: hex digest, HMAC with a hex key. */
declare module 'sm-crypto' {
  const smCrypto: {
    sm3(input: string | number[], options?: { key: string | number[] }): string;
  };
  export default smCrypto;
}
