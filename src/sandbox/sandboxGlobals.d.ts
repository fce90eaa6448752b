/** Globals both Postman sandboxes provide (postman-runtime.md) that lib ES2020 does not declare. */
declare function setTimeout(handler: () => void, ms: number): unknown;
declare function clearTimeout(handle: unknown): void;
declare const console: { log(...args: unknown[]): void; warn(...args: unknown[]): void; error(...args: unknown[]): void };
