/**
 * Typed definitions of the generated Postman collections: what a request sends and what its tests expect.
 * The builder (../builder.ts) turns these into Collection v2.1 JSON with the postman-collection SDK.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface KeyValue {
  key: string;
  /** null: a query parameter sent without '=' (`?flag`). */
  value: string | null;
  disabled?: boolean;
}

export type BodyDefinition =
  | { mode: 'raw'; language: 'json' | 'text'; raw: string }
  | { mode: 'urlencoded'; params: KeyValue[] }
  | { mode: 'formdata'; params: Array<{ key: string; value: string }> }
  | { mode: 'graphql'; query: string; variables: string };

/** What the mock gateway must answer; turned into pm.test assertions by ../testScripts.ts. */
export type Expectation =
  | {
      kind: 'accepted';
      /** What the gateway says authenticated the call (temporary keys sign as aksk). */
      auth: 'aksk' | 'token' | 'app' | 'appcode';
      method: HttpMethod;
      /** The raw path the gateway received (as sent on the wire, before '?'). */
      path?: string;
      /** The raw query string the gateway received, without '?'. */
      query?: string;
      /** Exact second line of the server's canonical request (spec rule 4). */
      canonicalUri?: string;
      /** Exact third line of the server's canonical request (spec rule 5), or a RegExp source when it is dynamic. */
      canonicalQuery?: string;
      canonicalQueryPattern?: string;
      /** Lower-case header names that must be among the signed headers. */
      signedHeadersInclude?: string[];
      /** Lower-case header names that must not be signed (body boundaries and the like). */
      signedHeadersExclude?: string[];
      /** Hex SHA-256 of the exact body bytes the gateway received. */
      bodySha256?: string;
      /** The gateway saw a non-empty body. */
      bodyNonEmpty?: boolean;
      /** The project id the gateway attributes the call to: a literal, or a {{variable}} template. */
      projectId?: string;
      /** The signing algorithm the gateway verified (SDK-HMAC-SHA256, V11-HMAC-SHA256, SDK-HMAC-SM3). */
      algorithm?: string;
    }
  | { kind: 'rejected'; status: 401 | 404; errorCode: 'APIGW.0301' | 'APIG.0307' | 'APIG.0303' | 'APIG.0101'; messageIncludes?: string }
  /** No generated assertions: the request's own `tests` lines say everything (IAM calls, mock introspection). */
  | { kind: 'custom' };

export interface RequestDefinition {
  name: string;
  description: string;
  method: HttpMethod;
  /** Raw URL template, e.g. `{{baseUrl}}/v1/items/:id?a=1`. */
  url: string;
  pathVariables?: Array<{ key: string; value: string }>;
  headers?: KeyValue[];
  body?: BodyDefinition;
  /** Send the body even for GET (Postman prunes GET bodies by default). */
  sendBodyWithGet?: boolean;
  expect: Expectation;
  /** Extra item-level pre-request script lines (they run after the collection-level signer). */
  prerequest?: string[];
  /** Extra test script lines, appended after the generated assertions. */
  tests?: string[];
}

export interface FolderDefinition {
  name: string;
  description: string;
  items: RequestDefinition[];
}

export interface VariableDefinition {
  key: string;
  value: string;
  description: string;
  secret?: boolean;
}

export interface CollectionDefinition {
  /** File stem: collections/<slug>.postman_collection.json and <slug>.postman_environment.json. */
  slug: string;
  name: string;
  description: string;
  /** Collection variables (non-secret defaults such as hwc_auth_mode). */
  variables: VariableDefinition[];
  /** Variables of the environment template: secrets left empty and typed `secret`. */
  environment: VariableDefinition[];
  folders: FolderDefinition[];
  /** Optional iteration data written beside the collection as <slug>.iteration_data.json. */
  iterationData?: Array<Record<string, string>>;
}
