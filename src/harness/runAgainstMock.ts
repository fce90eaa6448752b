import { join } from 'path';
import { mockEnvironment } from '../collections/mockEnvironment';
import type { CollectionDefinition } from '../collections/definitions';
import type { MockStats } from '../mock';
import { getMockStats, resetMock } from './mockClient';
import type { NewmanEmitter, NewmanSummary } from '../lib/newman/api';
import { runNewman } from '../lib/newman/runNewman';

/** Runs one collection with Newman against a started mock cloud and sums up what happened. */

export const REPORTS_DIR = join(__dirname, '..', '..', 'reports');

export interface CollectionRunOptions {
  definition: CollectionDefinition;
  /** Collection v2.1 JSON to run (the generated file, or one built in memory). */
  collection: Record<string, unknown>;
  mockUrl: string;
  /** Environment to run with; default: the mock environment for the definition, with envOverrides applied. */
  environment?: Record<string, unknown>;
  envOverrides?: Record<string, string>;
  /** Default: the definition's iteration data, if any. */
  iterationData?: Array<Record<string, string>>;
  iterationCount?: number;
  /** Print Newman's cli reporter (progress) to stdout. */
  cli?: boolean;
  /** JUnit XML report path; default reports/<slug>.xml. null: no JUnit report. */
  junitPath?: string | null;
  /** POST /__mock/reset before running (default true), so IAM and gateway counts are this run's. */
  resetMock?: boolean;
  timeoutRequest?: number;
  listen?: (emitter: NewmanEmitter) => void;
}

export interface RunFailure {
  source: string;
  /** The failing pm.test name, when the failure is an assertion (e.g. 'hwc-auth: ...'). */
  test?: string;
  name: string;
  message: string;
}

export interface CollectionRunResult {
  name: string;
  /** HTTP requests Newman sent, including pm.sendRequest calls (IAM token requests). */
  requests: number;
  assertions: number;
  failedAssertions: number;
  failures: RunFailure[];
  /** POST /v3/auth/tokens calls the mock cloud received during the run. */
  iamCalls: number;
  stats: MockStats;
  /** The environment after the run (Newman's exportEnvironment equivalent): carries hwc_token_cache. */
  environment: Record<string, unknown>;
  ok: boolean;
  summary: NewmanSummary;
}

export async function runAgainstMock(options: CollectionRunOptions): Promise<CollectionRunResult> {
  const { definition, mockUrl } = options;
  if (options.resetMock !== false) await resetMock(mockUrl);
  const reporters: string[] = [];
  const reporter: Record<string, Record<string, unknown>> = {};
  if (options.cli === true) {
    reporters.push('cli');
    reporter.cli = { noSummary: false };
  }
  const junitPath = options.junitPath === undefined ? join(REPORTS_DIR, `${definition.slug}.xml`) : options.junitPath;
  if (junitPath !== null) {
    reporters.push('junit');
    reporter.junit = { export: junitPath };
  }
  const iterationData = options.iterationData ?? definition.iterationData;
  const summary = await runNewman(
    {
      collection: options.collection,
      environment: options.environment ?? mockEnvironment(definition, mockUrl, options.envOverrides),
      ...(iterationData !== undefined ? { iterationData } : {}),
      ...(options.iterationCount !== undefined ? { iterationCount: options.iterationCount } : {}),
      reporters,
      reporter,
      timeoutRequest: options.timeoutRequest ?? 30000,
    },
    options.listen,
  );
  const stats = await getMockStats(mockUrl);
  const failures = summary.run.failures.map((f): RunFailure => ({
    source: f.source?.name ?? f.at ?? '',
    ...(f.error.test !== undefined ? { test: f.error.test } : {}),
    name: f.error.name,
    message: f.error.message,
  }));
  return {
    name: definition.name,
    requests: summary.run.stats.requests.total,
    assertions: summary.run.stats.assertions.total,
    failedAssertions: summary.run.stats.assertions.failed,
    failures,
    iamCalls: stats.iamTokenRequests,
    stats,
    environment: summary.environment.toJSON(),
    ok: failures.length === 0 && (summary.run.error === undefined || summary.run.error === null),
    summary,
  };
}
