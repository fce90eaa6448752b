/*
 * The floor of the 12 MB figure in Newman's sandbox (4.x), which has neither WebCrypto nor TextEncoder: the raw body
 * hashed by the signer's own bundled SHA-256 (src/sandbox/sandboxCrypto.ts, the quickest JavaScript hash measured
 * there, docs/sandbox.md), with the signer's "use sandbox2" marker and nothing else: no variables, no canonical
 * request, no signature. collections.ts bundles it into one function expression for `npm run bench`.
 */
import { sha256Utf8, toHex } from '../../src/sandbox/sandboxCrypto';

declare const pm: { request: { body: { raw: string }; headers: { upsert(header: { key: string; value: string }): void } } };

pm.request.headers.upsert({ key: 'X-Body-Digest', value: toHex(sha256Utf8(pm.request.body.raw).digest) });
