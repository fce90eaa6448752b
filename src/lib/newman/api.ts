/** The slice of newman's library API this project uses (newman ships no types), typed once for the CLI and harness. */

export interface NewmanRunOptions {
  collection: unknown;
  environment?: unknown;
  globals?: unknown;
  iterationCount?: number;
  /** A file path, or the rows themselves. */
  iterationData?: string | Array<Record<string, unknown>>;
  reporters?: string[];
  reporter?: Record<string, Record<string, unknown>>;
  exportEnvironment?: string;
  exportGlobals?: string;
  workingDir?: string;
  timeout?: number;
  timeoutRequest?: number;
  timeoutScript?: number;
  insecure?: boolean;
  bail?: boolean;
  folder?: string | string[];
}

export interface NewmanStat {
  total: number;
  pending: number;
  failed: number;
}

export interface NewmanFailure {
  error: { name: string; message: string; test?: string };
  at?: string;
  source?: { name?: string };
}

type StatName = 'iterations' | 'items' | 'scripts' | 'prerequests' | 'requests' | 'tests' | 'assertions' | 'testScripts' | 'prerequestScripts';

export interface NewmanSummary {
  run: {
    stats: Record<StatName, NewmanStat>;
    failures: NewmanFailure[];
    /** One entry per item run: the request sent, or the one the signer stopped (see itemExecutions). */
    executions: unknown[];
    error?: unknown;
  };
  environment: { toJSON(): Record<string, unknown> };
  globals: { toJSON(): Record<string, unknown> };
  collection: { toJSON(): Record<string, unknown>; variables?: { toJSON?(): unknown } };
}

/** A file newman is about to write (reports, exported environment), queued on emitter.exports. */
export interface NewmanExport {
  name?: string;
  default?: string;
  path?: string;
  content?: unknown;
}

export interface NewmanEmitter {
  on(event: string, listener: (err: unknown, args: any) => void): NewmanEmitter; // eslint-disable-line @typescript-eslint/no-explicit-any
  exports?: NewmanExport[];
  /** Set once the run has started. */
  summary?: NewmanSummary;
}

export interface Newman {
  run(options: NewmanRunOptions, callback: (err: Error | null, summary: NewmanSummary) => void): NewmanEmitter;
}

export function loadNewman(): Newman {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('newman') as Newman;
}
