import type { CollectionRunResult } from './runAgainstMock';

/** Formats the end-of-run table: collection, requests, assertions, failures, IAM calls. */
export function summaryTable(results: CollectionRunResult[]): string {
  const header = ['collection', 'requests', 'assertions', 'failures', 'IAM calls'];
  const rows = results.map((r) => [r.name, String(r.requests), String(r.assertions), String(r.failures.length), String(r.iamCalls)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** One line per failure, for the console: where it happened and the (secret-free) message. */
export function failureLines(result: CollectionRunResult): string[] {
  return result.failures.map((f) => `  ${result.name} > ${f.source}: ${f.name}: ${f.message}`);
}
