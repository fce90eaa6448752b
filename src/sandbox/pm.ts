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

export interface PmHeader {
  key: string;
  value: string;
  disabled?: boolean;
}

export interface PmHeaderList {
  each(fn: (header: PmHeader) => void): void;
  /** Every header, disabled ones included. */
  all(): PmHeader[];
  /** Case-insensitive; removes every copy. */
  remove(key: string): void;
  add(header: { key: string; value: string }): void;
  /** Removes every header (present in both sandboxes). */
  clear(): void;
  toObject(excludeDisabled?: boolean, caseSensitive?: boolean, multiValue?: boolean): Record<string, unknown>;
}

/** postman-collection Url: a template until resolved (`{{vars}}`, `:pathVariables`). */
export interface PmUrl {
  /** The URL as the runtime stringifies it: path variables substituted (values still templates), disabled query params left out. */
  toString(): string;
  /** Replaces the whole URL by parsing the given string. */
  update(url: string): void;
}

/** One urlencoded / formdata parameter. */
export interface PmFormParam {
  key?: unknown;
  value?: unknown;
  disabled?: boolean;
  type?: string;
  src?: unknown;
}

export interface PmPropertyList<T> {
  all(): T[];
}

/** postman-collection RequestBody. */
export interface PmRequestBody {
  mode?: string;
  disabled?: boolean;
  raw?: string;
  urlencoded?: PmPropertyList<PmFormParam>;
  formdata?: PmPropertyList<PmFormParam>;
  file?: { src?: unknown; content?: unknown };
  graphql?: { query?: unknown; variables?: unknown; operationName?: unknown };
  options?: { raw?: { language?: string } };
  update(body: { mode: string; raw?: string; options?: unknown; disabled?: boolean }): void;
}

/** postman-collection Request, as the pre-request script sees it (templates, unresolved). */
export interface PmRequest {
  method: string;
  /** The request's own Postman auth (undefined when it inherits; inherited auth is not visible to scripts). */
  auth?: { type?: string | null };
  url: PmUrl;
  headers: PmHeaderList;
  body?: PmRequestBody;
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
  /** Local variables: the highest-precedence scope; in a collection run they last for the run and are never exported. */
  variables: PmVariableScope & { replaceIn(template: string): string };
  environment: PmVariableScope & { name?: string };
  collectionVariables: PmVariableScope;
  globals: PmVariableScope;
  request: PmRequest;
  /** Only in a post-response (test) script: the answer. */
  response?: PmResponse;
  /** requestId: the item's id (the same for every attempt of it in a run). */
  info: { requestName?: string; requestId?: string; eventName?: string; iteration?: number };
  test(name: string, fn: () => void): void;
  /**
   * skipRequest: pre-request only. setNextRequest(nameOrId): the item to run next in a collection run (Newman, the
   * Postman CLI, the app's runner; a single Send ignores it), the current one included.
   */
  execution: { skipRequest(): void; setNextRequest?(nameOrId: string | null): void };
  sendRequest(request: PmRequestDefinition, callback: (err: unknown, response: PmResponse) => void): void;
}
