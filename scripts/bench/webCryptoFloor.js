/*
 * The floor of the 12 MB figure in sandbox 6.x (`npm run bench`): what any script that signs a body there must at
 * least do, the body's UTF-8 bytes (TextEncoder) hashed by WebCrypto (native), with a timer holding the execution open
 * until the digest is in, as the signer does (src/sandbox/bodyHash.ts). Nothing else: no variables, no canonical
 * request, no signature.
 */
(function () {
  var hold = setTimeout(function () {}, 60000);
  crypto.subtle.digest('SHA-256', new TextEncoder().encode(pm.request.body.raw)).then(function (digest) {
    pm.request.headers.upsert({ key: 'X-Body-Digest-Byte', value: String(new Uint8Array(digest)[0]) });
    clearTimeout(hold);
  });
})();
