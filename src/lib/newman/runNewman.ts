/** A promise around newman.run for the harness and the benchmark; failures are in the summary, not a rejection. */
import { loadNewman, type NewmanEmitter, type NewmanRunOptions, type NewmanSummary } from '../newman/api';
import { recordSkippedItems } from '../newman/recordSkippedItems';

/** Runs newman; resolves with the summary (failures included), rejects only when newman itself could not run. */
export function runNewman(
  options: NewmanRunOptions,
  listen?: (emitter: NewmanEmitter) => void,
): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    const emitter = loadNewman().run(options, (err, summary) => (err ? reject(err) : resolve(summary)));
    recordSkippedItems(emitter);
    listen?.(emitter);
  });
}
