/** Globals both Postman sandboxes provide (postman-runtime.md) that lib ES2020 does not declare. */
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare const console: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
/** Only in sandbox 6.x (the Postman app and CLI), so always behind a typeof check: WebCrypto and TextEncoder. */
declare const crypto: { subtle?: { digest(algorithm: string, data: Uint8Array): Promise<ArrayBuffer> } } | undefined;
declare class TextEncoder {
  encode(text: string): Uint8Array;
}
