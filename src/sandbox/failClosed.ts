import { HwcAuthError, messageOf } from './errors';
import type { Pm } from './pm';
import { sandboxConsole } from './sandboxConsole';

/**
 * Fails closed, the way that works in both sandboxes (see the runtime reference): a failing pm.test carries the
 * message (a bare throw would still send the request, unsigned), console.error shows it, and skipRequest keeps the
 * request from leaving. No throw after skipRequest: that would lose the error.
 */
export function failClosed(pm: Pm, err: unknown): void {
  const fix = err instanceof HwcAuthError ? err.fix : 'internal error';
  const message = 'hwc-auth: ' + messageOf(err);
  try {
    pm.test('hwc-auth: ' + fix, () => {
      throw new Error(message);
    });
  } finally {
    sandboxConsole.error(message);
    if (pm.execution && typeof pm.execution.skipRequest === 'function') pm.execution.skipRequest();
  }
}
