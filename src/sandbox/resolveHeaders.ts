import { HEADER } from '../core';
import type { Pm } from './pm';
import { resolveTemplate } from './resolveTemplate';
import type { UnresolvedReferences } from './unresolved';
import { trimmed } from '../core/trimmed';

/**
 * The user's enabled headers, resolved, sorted into the ones to sign and the ones to send unsigned.
 *
 * Signing policy: a header is signed when this script can be sure it reaches the server byte for byte (after trim).
 * - dropped (the script owns and re-adds them): the mode's `ownedHeaders` (akskMode.ts: Authorization, X-Sdk-Date,
 *   X-Sdk-Content-Sha256, X-Security-Token, X-Project-Id, X-Domain-Id, X-Auth-Token; tokenMode.ts: Authorization,
 *   X-Sdk-Date, X-Auth-Token). Content-Type is set aside for the body step.
 * - sent unsigned: hop-by-hop headers and Content-Length (proxies and the HTTP client may rewrite them), Cookie (the
 *   cookie jar appends to it), and any name given more than once (the gateway cannot agree on a multi-valued header).
 * - signed: every other enabled header, value trimmed, including a user-set Host (a repeated Host is replaced).
 * - disabled headers are never sent and never signed; they are dropped on write-back.
 * An unresolved {{reference}} in an enabled header's name or value is recorded in `unresolved`.
 */
export interface ResolvedHeaders {
  signed: Array<[string, string]>;
  unsigned: Array<[string, string]>;
  /** The user's Content-Type values (enabled, resolved, trimmed), in order. */
  contentTypes: string[];
  /** The user's Host header, if exactly one is set. */
  host?: string;
  /**
   * Credential headers the user set on the request (X-Project-Id, X-Domain-Id, X-Security-Token, lowercased names),
   * removed like the other owned headers; AK/SK mode re-adds them, signed, when the variable is not set.
   */
  credentials: Record<string, string>;
}

const CREDENTIAL_HEADERS = [HEADER.projectId, HEADER.domainId, HEADER.securityToken].map((n) => n.toLowerCase());

const UNSIGNED = [
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'expect',
  'cookie',
];

export function resolveHeaders(pm: Pm, owned: readonly string[], unresolved: UnresolvedReferences): ResolvedHeaders {
  const enabled: Array<[string, string]> = [];
  for (const h of pm.request.headers.all()) {
    if (h.disabled || h.key === undefined || h.key === null) continue;
    const name = trimmed(resolveTemplate(pm, String(h.key)));
    if (name === '') continue;
    const value = trimmed(resolveTemplate(pm, h.value === undefined || h.value === null ? '' : String(h.value)));
    unresolved.check(name, 'a header name');
    unresolved.check(value, `header ${name}`);
    enabled.push([name, value]);
  }

  const count: Record<string, number> = {};
  for (const [name] of enabled) {
    const key = name.toLowerCase();
    count[key] = (count[key] ?? 0) + 1;
  }

  const out: ResolvedHeaders = { signed: [], unsigned: [], contentTypes: [], credentials: {} };
  for (const [name, value] of enabled) {
    const key = name.toLowerCase();
    if (owned.indexOf(key) >= 0) {
      if (CREDENTIAL_HEADERS.indexOf(key) >= 0 && value !== '') out.credentials[key] = value;
      continue;
    }
    if (key === 'content-type') {
      out.contentTypes.push(value);
      continue;
    }
    if (key === 'host') {
      // One user-set Host is kept and signed; several are dropped for the URL's host.
      if (count[key] === 1) out.host = value;
      continue;
    }
    if (UNSIGNED.indexOf(key) >= 0 || count[key] !== 1) out.unsigned.push([name, value]);
    else out.signed.push([name, value]);
  }
  return out;
}
