import { HEADER } from '../core';
import type { Pm } from './pm';
import { resolveBody, type ResolvedBody } from './resolveBody';
import { resolveHeaders } from './resolveHeaders';
import { resolveUrl, type WireUrl } from './resolveUrl';
import type { UnresolvedReferences } from './unresolved';

/**
 * The request as it will leave Postman: wire URL, headers (signed and unsigned) and body. Built from the templates in
 * pm.request; writeBack() puts exactly this into pm.request, so nothing is resolved twice (dynamic variables keep
 * the value signed) and nothing the runtime encodes or rewrites later is signed.
 */
export interface ResolvedRequest {
  method: string;
  url: string;
  /** The URL's host (lowercased, with an explicit port): the gateway this request goes to. */
  host: string;
  /** Where the request goes (scheme, host name, explicit port): what the host allowlist checks. */
  target: WireUrl['target'];
  /** Headers to sign and send: Host, Content-Type when the body has one, the user's signable headers. */
  signedHeaders: Array<[string, string]>;
  /** Headers sent but not signed (see resolveHeaders). */
  unsignedHeaders: Array<[string, string]>;
  body: ResolvedBody;
  /** Credential headers the request itself carried (see ResolvedHeaders.credentials). */
  credentialHeaders: Record<string, string>;
}

export interface ResolveOptions {
  /** The auth mode's headers (lower case), removed from the request before it sets its own. */
  ownedHeaders: readonly string[];
  bodyPruningDisabled: boolean;
  /** Where unresolved {{references}} go; shared with the variable reader, so one error names them all. */
  unresolved: UnresolvedReferences;
}

/**
 * Resolves URL, headers and body, each completely, then throws one error naming every unresolved {{reference}} the
 * request (or a variable read before) uses.
 */
export function resolveRequest(pm: Pm, options: ResolveOptions): ResolvedRequest {
  const { unresolved } = options;
  const method = String(pm.request.method || 'GET').toUpperCase();
  // A URL that cannot be parsed is reported after the undefined variables, which may be why.
  let url: WireUrl | undefined;
  let urlError: unknown;
  try {
    url = resolveUrl(pm, unresolved);
  } catch (err) {
    urlError = err;
  }
  const headers = resolveHeaders(pm, options.ownedHeaders, unresolved);
  const body = resolveBody(pm, { method, contentTypes: headers.contentTypes, bodyPruningDisabled: options.bodyPruningDisabled, unresolved });
  if (unresolved.any()) throw unresolved.error();
  if (url === undefined) throw urlError;

  const signed: Array<[string, string]> = [[HEADER.host, headers.host ?? url.host]];
  const unsigned = headers.unsigned.slice();
  const lastContentType = headers.contentTypes[headers.contentTypes.length - 1];
  if (body.kind === 'text') signed.push([HEADER.contentType, body.contentType]);
  else if (body.kind === 'unsigned') {
    // Multipart and file: the runtime completes Content-Type (boundary); leave the user's as it is, unsigned.
    for (const ct of headers.contentTypes) unsigned.push([HEADER.contentType, ct]);
  } else if (lastContentType !== undefined) {
    // No body goes out: a Content-Type the user set is an ordinary header (the official example signs it on a GET).
    if (headers.contentTypes.length === 1) signed.push([HEADER.contentType, lastContentType]);
    else for (const ct of headers.contentTypes) unsigned.push([HEADER.contentType, ct]);
  }
  signed.push(...headers.signed);
  return { method, url: url.url, host: url.host, target: url.target, signedHeaders: signed, unsignedHeaders: unsigned, body, credentialHeaders: headers.credentials };
}

/**
 * Writes the resolved request into pm.request: URL, every header (disabled ones dropped, stale auth headers gone),
 * the body text when it changed (or the body disabled when it would be pruned), then the `extra` headers (signature,
 * credentials).
 */
export function writeBack(pm: Pm, request: ResolvedRequest, extra: ReadonlyArray<readonly [string, string]>): void {
  pm.request.url.update(request.url);

  const headers = pm.request.headers;
  headers.clear();
  for (const [key, value] of [...request.unsignedHeaders, ...request.signedHeaders, ...extra]) headers.add({ key, value });

  const body = pm.request.body;
  if (!body) return;
  if (request.body.kind === 'text') {
    const { raw, language } = request.body.writeBack;
    // Nothing resolved or stripped: the body stays as it is, not rewritten (for a 12 MB body that is measurable work
    // in sandbox 6.x; docs/benchmarks.md).
    if (body.mode === 'raw' && body.raw === raw && body.options?.raw?.language === language) return;
    const options = body.options ?? {};
    const rawOptions: Record<string, unknown> = { ...(options.raw ?? {}) };
    if (language === undefined) delete rawOptions.language;
    else rawOptions.language = language;
    body.update({ mode: 'raw', raw, options: { ...options, raw: rawOptions } });
  } else if (request.body.kind === 'none' && request.body.prune) {
    body.disabled = true;
  }
}
