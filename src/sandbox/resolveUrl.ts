import { isWireUrlError, toWireUrl as coreToWireUrl, type WireUrl } from '../core';
import { hwcAuthError } from './errors';
import type { Pm } from './pm';
import { resolveTemplate } from './resolveTemplate';
import type { UnresolvedReferences } from './unresolved';

export type { WireUrl };

/**
 * The URL as Postman will send it, fully RFC 3986 encoded so that Postman's own encoder (postman-url-encoder) leaves
 * it alone: the string written back is the string signed.
 *
 * Resolution copies the runtime (postman-runtime resolveVariables): stringify the URL (path variables substituted,
 * disabled query params left out), resolve {{variables}} in the whole string once (so {{$guid}} gets one value),
 * then parse it again the way postman-url-encoder's parser does. A variable holding '&' therefore adds query
 * parameters, exactly as it would without this script.
 *
 * The resolved URL, or undefined when the part that is sent still holds an unresolved {{reference}} (recorded in
 * `unresolved`; one in the fragment, which is never sent, is fine).
 */
export function resolveUrl(pm: Pm, unresolved: UnresolvedReferences): WireUrl | undefined {
  const template = pm.request.url.toString();
  // Postman's parser trims leading whitespace only: trailing whitespace is sent (as %20, %09, ...), so it is signed.
  const resolved = resolveTemplate(pm, template).replace(/^\s+/, '');
  const sent = withoutFragment(resolved);
  if (unresolved.check(sent, 'the URL')) return undefined;
  return toWireUrl(sent);
}

/** The text before the fragment: up to the first '#' outside a {{reference}} (as Postman's parser splits it). */
function withoutFragment(url: string): string {
  const masked = url.replace(/\{\{[^{}]*\}\}/g, (ref) => '_'.repeat(ref.length));
  const hash = masked.indexOf('#');
  return hash < 0 ? url : url.slice(0, hash);
}

/** Encodes a resolved URL for the wire (core's toWireUrl), its failures as the script's errors. Exported for tests. */
export function toWireUrl(resolved: string): WireUrl {
  try {
    return coreToWireUrl(resolved);
  } catch (e) {
    if (isWireUrlError(e)) throw hwcAuthError(e.fix, e.message);
    throw e;
  }
}
