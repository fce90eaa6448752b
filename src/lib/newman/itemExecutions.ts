/**
 * What Newman's reports list as the run's requests (summary.run.executions, read by the JSON, JUnit and HTML
 * reporters) made to be the collection's own requests, one per item run:
 *
 * - A script's pm.sendRequest (the signer's IAM token request) is not the item's request. Newman records it as the
 *   item's execution, keyed by the item's cursor: when the item is then sent it is overwritten, but when the signer
 *   stopped the item (IAM failed) the reports show the IAM call, its body (the password) included, in place of the
 *   API request. It is hidden from the summary: the cursor the summary reads loses its item reference (a script's
 *   request has `cursor.scriptId`). Newman's request count and the CLI reporter's line for it stay.
 * - Newman records an execution only when a request is sent, so a request the signer stopped (fail closed: failing
 *   test + skipRequest) vanished from the reports with its failing test: a JUnit file saying "0 tests" for a run that
 *   exited 1. Each such item is added, with its request (as defined in the collection) and its assertions, as the
 *   item ends, before the reporters read the summary (on 'beforeDone').
 *
 * Must be registered before Newman's own summary listeners (right after newman.run returns, as runNewman does).
 */

import type { NewmanEmitter } from './api';

interface Cursor {
  ref?: string;
  scriptId?: string;
}

interface RecordedAssertion {
  assertion: unknown;
  skipped: unknown;
  error: unknown;
}

export function recordItemExecutions(emitter: NewmanEmitter): void {
  const sent = new Set<string>();
  const assertions = new Map<string, RecordedAssertion[]>();
  emitter.on('request', (_err, args: { cursor?: Cursor } | undefined) => {
    const cursor = args?.cursor;
    if (!args || !cursor?.ref) return;
    if (cursor.scriptId !== undefined) {
      args.cursor = { ...cursor, ref: undefined };
      return;
    }
    sent.add(cursor.ref);
  });
  emitter.on('assertion', (err, args: { cursor?: Cursor; assertion?: unknown; skipped?: unknown } | undefined) => {
    const ref = args?.cursor?.ref;
    if (!ref) return;
    const list = assertions.get(ref) ?? [];
    list.push({ assertion: args.assertion, skipped: args.skipped, error: err || undefined });
    assertions.set(ref, list);
  });
  emitter.on('item', (_err, args: { cursor?: Cursor; item?: { request?: unknown } } | undefined) => {
    const ref = args?.cursor?.ref;
    if (!ref || sent.has(ref)) return;
    const recorded = assertions.get(ref);
    if (recorded?.length) {
      emitter.summary?.run.executions.push({ cursor: args.cursor, item: args.item, request: args.item?.request, assertions: recorded });
    }
  });
}
