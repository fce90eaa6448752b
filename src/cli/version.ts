/** Set by scripts/build-lib.ts from package.json; absent when running from source. */
declare const __HWC_AUTH_VERSION__: string | undefined;

export const VERSION: string = typeof __HWC_AUTH_VERSION__ === 'string' ? __HWC_AUTH_VERSION__ : '0.0.0-dev';
