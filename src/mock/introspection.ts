import { readFileSync } from 'node:fs';
import { isObject, jsonBody, type MockRequest, type MockResponse } from './shared/exchange';
import { parseFaultsPatch } from './shared/faults';
import type { MockState } from './shared/state';

export const INTROSPECTION_PREFIX = '/__mock/';

/** GET /__mock/memory: the mock process's memory, and how many issued credentials it remembers. */
export interface MockMemory {
  rssBytes: number;
  /**
   * The highest RSS this process has had (its peak, e.g. under a load test): VmHWM on Linux; elsewhere getrusage's
   * maxRSS, which on Linux would also count the parent the process was forked from (hence not used there).
   */
  maxRssBytes: number;
  heapUsedBytes: number;
  tokensKept: number;
  temporaryKeysKept: number;
}

function memory(state: MockState): MockMemory {
  const { rss, heapUsed } = process.memoryUsage();
  const { tokens, temporaryKeys } = state.credentials.counts;
  return { rssBytes: rss, maxRssBytes: peakRss(), heapUsedBytes: heapUsed, tokensKept: tokens, temporaryKeysKept: temporaryKeys };
}

function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s*(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * For tests, no auth: GET /__mock/stats, POST /__mock/reset (stats, issued credentials, faults, locks),
 * GET /__mock/faults, POST /__mock/faults (merge; a null value switches that fault off), POST /__mock/revoke-tokens
 * (revokes every X-Subject-Token issued so far, or a user's with `{"user":"name"}`, as a password change does),
 * GET /__mock/memory.
 */
export function handleIntrospection(req: MockRequest, state: MockState): MockResponse {
  const route = `${req.method} ${req.path}`;
  switch (route) {
    case 'GET /__mock/stats':
      return { status: 200, body: state.stats.snapshot(), verdict: 'stats' };
    case 'POST /__mock/reset':
      state.reset();
      return { status: 200, body: { ok: true }, verdict: 'reset' };
    case 'GET /__mock/faults':
      return { status: 200, body: state.faults.current, verdict: 'faults' };
    case 'GET /__mock/memory':
      return { status: 200, body: memory(state), verdict: 'memory' };
    case 'POST /__mock/faults': {
      const parsed = parseFaultsPatch(req.body.length === 0 ? {} : jsonBody(req));
      if ('error' in parsed) return { status: 400, body: { error: parsed.error }, verdict: 'bad faults' };
      return { status: 200, body: state.faults.merge(parsed.patch), verdict: 'faults set' };
    }
    case 'POST /__mock/revoke-tokens': {
      const body = req.body.length === 0 ? {} : jsonBody(req);
      const user = isObject(body) ? body.user : undefined;
      if (!isObject(body) || (user !== undefined && typeof user !== 'string')) {
        return { status: 400, body: { error: 'expected {} or {"user":"<name>"}' }, verdict: 'bad revoke' };
      }
      const revoked = state.credentials.revokeTokens(user);
      state.stats.tokensRevoked(revoked);
      return { status: 200, body: { revoked }, verdict: 'tokens revoked' };
    }
    default:
      return {
        status: 404,
        body: {
          error: `no such mock endpoint: ${route}; try GET /__mock/stats, POST /__mock/reset, GET|POST /__mock/faults, POST /__mock/revoke-tokens, GET /__mock/memory`,
        },
        verdict: 'not found',
      };
  }
}
