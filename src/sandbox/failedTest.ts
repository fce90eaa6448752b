import type { Pm } from './pm';
import { sandboxConsole } from './sandboxConsole';

/**
 * Records a failing test titled `hwc-auth: <fix>` whose error is the message, and logs the message: how both scripts
 * report a problem (the pre-request script then also skips the request: failClosed.ts).
 */
export function recordFailedTest(pm: Pm, fix: string, message: string): void {
  const text = 'hwc-auth: ' + message;
  try {
    pm.test('hwc-auth: ' + fix, () => {
      throw new Error(text);
    });
  } finally {
    sandboxConsole.error(text);
  }
}
