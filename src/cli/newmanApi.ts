import type { EventEmitter } from 'node:events';

/** The slice of newman's library API hwc-auth uses (newman ships no types). */
export interface NewmanRunOptions {
  collection: unknown;
  environment?: unknown;
  globals?: unknown;
  iterationCount?: number;
  iterationData?: string;
  reporters?: string[];
  reporter?: Record<string, Record<string, unknown>>;
  exportEnvironment?: string;
  exportGlobals?: string;
  workingDir?: string;
  timeoutRequest?: number;
  insecure?: boolean;
  bail?: boolean;
  folder?: string | string[];
}

export interface NewmanSummary {
  run: {
    stats: Record<string, { total?: number; failed?: number; pending?: number }>;
    failures: Array<{ error?: { name?: string; message?: string }; source?: { name?: string } }>;
    error?: unknown;
  };
  environment?: { toJSON(): unknown };
  globals?: { toJSON(): unknown };
  collection?: { variables?: { toJSON?(): unknown } };
}

export interface NewmanExport {
  name?: string;
  default?: string;
  path?: string;
  content?: unknown;
}

export interface NewmanEmitter extends EventEmitter {
  exports?: NewmanExport[];
}

export interface Newman {
  run(options: NewmanRunOptions, callback: (err: Error | null, summary: NewmanSummary) => void): NewmanEmitter;
}

export function loadNewman(): Newman {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('newman') as Newman;
}
