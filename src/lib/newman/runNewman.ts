/**
 * The one Newman driver: a promise around newman.run for `hwc-auth run` (lib/run.ts), npm start's harness and the
 * benchmark. Failures are in the summary, not a rejection. In every run the reports list the collection's own
 * requests (itemExecutions): the ones the signer stopped included, a script's pm.sendRequest (the IAM call) not.
 */
import { loadNewman, type NewmanEmitter, type NewmanRunOptions, type NewmanSummary } from './api';
import { recordItemExecutions } from './itemExecutions';

/** Runs newman; resolves with the summary (failures included), rejects only when newman itself could not run. */
export function runNewman(
  options: NewmanRunOptions,
  listen?: (emitter: NewmanEmitter) => void,
): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    const emitter = loadNewman().run(options, (err, summary) => (err ? reject(err) : resolve(summary)));
    recordItemExecutions(emitter);
    listen?.(emitter);
  });
}
