/**
 * The slice of Postman's `pm` object this script uses, typed by hand (the sandboxes ship no types).
 * Observed behaviour is in ../shared/reference/postman-runtime.md. Extend here, not ad hoc at call sites.
 */
export interface PmVariableScope {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  unset(name: string): void;
  has(name: string): boolean;
  toObject(): Record<string, unknown>;
}

export interface PmHeaderList {
  each(fn: (header: { key: string; value: string; disabled?: boolean }) => void): void;
  remove(key: string): void;
  add(header: { key: string; value: string }): void;
  toObject(excludeDisabled?: boolean, caseSensitive?: boolean, multiValue?: boolean): Record<string, unknown>;
}

export interface PmResponse {
  code: number;
  status: string;
  headers: { get(name: string): string | undefined };
  text(): string;
  json(): unknown;
}

export interface PmRequestDefinition {
  url: string;
  method: string;
  header?: Array<{ key: string; value: string }> | Record<string, string>;
  body?: { mode: 'raw'; raw: string };
  timeout?: number;
}

export interface Pm {
  variables: PmVariableScope & { replaceIn(template: string): string };
  environment: PmVariableScope & { name?: string };
  collectionVariables: PmVariableScope;
  globals: PmVariableScope;
  request: any; // postman-collection Request: url, headers, body, method (see resolveRequest.ts)
  info: { requestName?: string; eventName?: string; iteration?: number };
  test(name: string, fn: () => void): void;
  execution: { skipRequest(): void };
  sendRequest(request: PmRequestDefinition, callback: (err: unknown, response: PmResponse) => void): void;
}
