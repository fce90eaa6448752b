/**
 * The slice of the newman library this harness uses, typed by hand (newman ships no types), and a promise wrapper
 * around newman.run.
 */

import { recordSkippedItems } from '../newman/recordSkippedItems';

export interface NewmanFailure {
  error: { name: string; message: string; test?: string };
  at?: string;
  source?: { name?: string };
}

export interface NewmanStat {
  total: number;
  pending: number;
  failed: number;
}

export interface NewmanSummary {
  run: {
    stats: Record<'iterations' | 'items' | 'scripts' | 'prerequests' | 'requests' | 'tests' | 'assertions' | 'testScripts' | 'prerequestScripts', NewmanStat>;
    failures: NewmanFailure[];
    executions: unknown[];
    error?: unknown;
  };
  environment: { toJSON(): Record<string, unknown> };
  collection: { toJSON(): Record<string, unknown> };
}

export interface NewmanRunOptions {
  collection: Record<string, unknown>;
  environment?: Record<string, unknown>;
  globals?: Record<string, unknown>;
  iterationData?: Array<Record<string, string>>;
  iterationCount?: number;
  reporters?: string[];
  reporter?: Record<string, Record<string, unknown>>;
  timeoutRequest?: number;
  timeoutScript?: number;
  timeout?: number;
}

export interface NewmanEmitter {
  on(event: string, listener: (err: unknown, args: Record<string, unknown>) => void): NewmanEmitter;
}

interface NewmanModule {
  run(options: NewmanRunOptions, callback: (err: Error | null, summary: NewmanSummary) => void): NewmanEmitter;
}

// eslint-disable-next-line @typescript-eslint/no-var-requires
const newman = require('newman') as NewmanModule;

/** Runs newman; resolves with the summary (failures included), rejects only when newman itself could not run. */
export function runNewman(
  options: NewmanRunOptions,
  listen?: (emitter: NewmanEmitter) => void,
): Promise<NewmanSummary> {
  return new Promise((resolve, reject) => {
    const emitter = newman.run(options, (err, summary) => (err ? reject(err) : resolve(summary)));
    recordSkippedItems(emitter);
    listen?.(emitter);
  });
}
