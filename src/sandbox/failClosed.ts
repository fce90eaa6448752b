import { isHwcAuthError, messageOf } from './errors';
import { recordFailedTest } from './failedTest';
import type { Pm } from './pm';

/**
 * Fails closed, the way that works in both sandboxes (see the runtime reference): a failing pm.test carries the
 * message (a bare throw would still send the request, unsigned), console.error shows it, and skipRequest keeps the
 * request from leaving. No throw after skipRequest: that would lose the error.
 */
export function failClosed(pm: Pm, err: unknown): void {
  const fix = isHwcAuthError(err) ? err.fix : 'internal error';
  try {
    recordFailedTest(pm, fix, messageOf(err));
  } finally {
    if (pm.execution && typeof pm.execution.skipRequest === 'function') pm.execution.skipRequest();
    else sendNowhere(pm);
  }
}

/** Where requests go that cannot be stopped: a name under .invalid never resolves (RFC 6761). */
export const NOWHERE_URL = 'http://hwc-auth-failed-closed.invalid/';

/**
 * A runtime without skipRequest (Newman before 6.1) sends the request whatever the script does, so it is sent where
 * it cannot arrive, with no headers and no body: the API never sees it, nor anything it carried.
 */
function sendNowhere(pm: Pm): void {
  try {
    pm.request.url.update(NOWHERE_URL);
    pm.request.headers.clear();
    pm.request.body?.update({ mode: 'raw', raw: '' });
  } catch {
    // Nothing more a script can do; the failing test above still fails the run.
  }
}
