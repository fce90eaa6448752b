import { recordFailedTest } from '../failedTest';
import type { Pm } from '../pm';
import { sandboxConsole } from '../sandboxConsole';

/**
 * How the post-response script reports a refused request: a failing test `hwc-auth: <fix>` with the evidence as its
 * message (the request was sent; nothing to skip), or, on a request meant to be refused (hwc_expect_rejection), a
 * console line only.
 */
export function reportRefusal(pm: Pm, fix: string, detail: string, expected: boolean): void {
  if (expected) sandboxConsole.info(`hwc-auth: expected rejection: ${fix}`);
  else recordFailedTest(pm, fix, detail);
}

/** Something worth saying once, not a failure (a learnt clock offset, a token sent again). */
export function note(message: string): void {
  sandboxConsole.info('hwc-auth: ' + message);
}
