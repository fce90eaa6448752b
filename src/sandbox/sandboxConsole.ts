/**
 * The sandboxes' console, typed here because the adapter compiles without Node or DOM types. In Postman and Newman
 * it reaches the app console / the run's `console` event.
 */
declare const console: {
  log(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
};

export const sandboxConsole = {
  info: (message: string): void => console.log(message),
  warn: (message: string): void => console.warn(message),
  error: (message: string): void => console.error(message),
};
