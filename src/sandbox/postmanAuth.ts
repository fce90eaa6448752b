import { hwcAuthError } from './errors';
import type { Pm } from './pm';

/**
 * A Postman auth type on the request (Bearer, Basic, API key, ...) is applied after every script and would replace
 * or join the headers this script sets, so the request would leave with a foreign Authorization. The script sees only
 * the request's own auth (inherited auth is invisible to it: `hwc-auth inject` and `run` warn about that).
 */
/** `replaces`: what the mode sets that Postman auth would replace, e.g. "AK/SK signature". */
export function assertNoPostmanAuth(pm: Pm, replaces: string): void {
  const type = pm.request.auth?.type;
  if (type === undefined || type === null || type === '' || type === 'noauth') return;
  throw hwcAuthError(
    'set the request\'s Authorization type to "No Auth"',
    `the request uses Postman auth "${type}", which Postman applies after this script and which would replace the ` +
      `${replaces}: set its Authorization tab to No Auth ` +
      '(or Inherit from a collection set to No Auth)',
  );
}
