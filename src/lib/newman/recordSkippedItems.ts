/**
 * Newman records an execution (what its JUnit and JSON reporters list) only when a request is sent. A request the
 * signer stopped (fail closed: failing test + skipRequest) therefore vanished from the reports with its failing
 * test: a JUnit file saying "0 tests" for a run that exited 1. This adds each such item to summary.run.executions,
 * with its assertions, as the item ends, before the reporters read the summary (on 'beforeDone').
 */

import type { NewmanEmitter } from './api';

interface Cursor {
  ref?: string;
}

interface RecordedAssertion {
  assertion: unknown;
  skipped: unknown;
  error: unknown;
}

export function recordSkippedItems(emitter: NewmanEmitter): void {
  const sent = new Set<string>();
  const assertions = new Map<string, RecordedAssertion[]>();
  emitter.on('request', (_err, args: { cursor?: Cursor } | undefined) => {
    if (args?.cursor?.ref) sent.add(args.cursor.ref);
  });
  emitter.on('assertion', (err, args: { cursor?: Cursor; assertion?: unknown; skipped?: unknown } | undefined) => {
    const ref = args?.cursor?.ref;
    if (!ref) return;
    const list = assertions.get(ref) ?? [];
    list.push({ assertion: args.assertion, skipped: args.skipped, error: err || undefined });
    assertions.set(ref, list);
  });
  emitter.on('item', (_err, args: { cursor?: Cursor; item?: unknown } | undefined) => {
    const ref = args?.cursor?.ref;
    if (!ref || sent.has(ref)) return;
    const recorded = assertions.get(ref);
    if (recorded?.length) emitter.summary?.run.executions.push({ cursor: args.cursor, item: args.item, assertions: recorded });
  });
}
