import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { formatSdkDate, signRequest } from '../core';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, type MockMemory } from '../mock';
import { nodeCrypto } from '../node/nodeCrypto';

/**
 * A bounded load on a mock cloud over loopback, and its memory afterwards: the check behind the mock's documented
 * memory bound (README, "The mock Huawei Cloud"). `npm run test:load` runs the full load on `hwc-auth mock` in its
 * own process; test/mock/load.test.ts a smaller one. Requests go to 127.0.0.1 only; every loop has a fixed count.
 */
export interface MockLoad {
  /** POST /v3/auth/tokens requests, each issuing a ~10 KB token. */
  tokenRequests: number;
  /** Token requests in flight at once. */
  concurrency: number;
  /** Concurrent AK/SK-signed PUTs of bodyBytes each, sent after the token requests. */
  bigBodies: number;
  bodyBytes: number;
}

export const FULL_MOCK_LOAD: MockLoad = { tokenRequests: 40_000, concurrency: 16, bigBodies: 40, bodyBytes: 12 * 1024 * 1024 };

/**
 * The mock's documented memory bound: its peak RSS under FULL_MOCK_LOAD (measured 132-135 MB on Node 20: 46 MB at
 * start, about 100 MB after 40,000 tokens, where it levels off: 96 MB after 100,000). Before the bounds it was
 * 192 MB after 10,000 tokens and 688 MB with the 40 bodies.
 */
export const MOCK_RSS_BOUND_BYTES = 200 * 1024 * 1024;

export interface MockLoadResult {
  load: MockLoad;
  atStart: MockMemory;
  afterTokens: MockMemory;
  afterBodies: MockMemory;
  tokensMs: number;
  bodiesMs: number;
  /** How many token requests got 201 and big bodies got 200 (anything else means the load did not do its work). */
  tokensIssued: number;
  bodiesAccepted: number;
}

/** A mock cloud in a child process: `node <cli> mock --port 0 --quiet`, the way users run it in CI. */
export interface MockProcess {
  url: string;
  stop(): Promise<void>;
}

/** The built CLI of a source checkout (`npm run build`). */
export const BUILT_CLI = join(__dirname, '..', '..', 'dist', 'cli.js');

export function spawnMock(cli: string = BUILT_CLI): Promise<MockProcess> {
  const child = spawn(process.execPath, [cli, 'mock', '--port', '0', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let out = '';
    const fail = (why: string) => {
      child.kill();
      reject(new Error(`the mock did not start: ${why}`));
    };
    const timer = setTimeout(() => fail('no URL within 20 s'), 20_000);
    const early = (code: number | null) => fail(`exited with ${code}: ${out.slice(0, 500)}`);
    child.once('exit', early);
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url === undefined) return;
      clearTimeout(timer);
      child.off('exit', early);
      child.stdout.removeAllListeners('data');
      child.stdout.resume();
      resolve({
        url,
        stop: () => {
          child.kill('SIGTERM');
          return exited;
        },
      });
    });
  });
}

/** Runs the load on the mock at `url` (which must be on 127.0.0.1) and reads its memory before, between and after. */
export async function runMockLoad(url: string, load: MockLoad): Promise<MockLoadResult> {
  const { hostname, port } = new URL(url);
  if (hostname !== '127.0.0.1') throw new Error(`the load goes to loopback only, not to ${hostname}`);
  const target = { host: '127.0.0.1', port: Number(port) };
  const atStart = await readMockMemory(url);

  const agent = new Agent({ keepAlive: true, maxSockets: load.concurrency });
  const tokenBody = Buffer.from(passwordTokenBody());
  let started = 0;
  let tokensIssued = 0;
  const t0 = Date.now();
  const worker = async (): Promise<void> => {
    while (started < load.tokenRequests) {
      started++;
      const status = await exchange({ ...target, agent, method: 'POST', path: '/v3/auth/tokens?nocatalog=true', headers: { 'Content-Type': 'application/json' } }, tokenBody);
      if (status === 201) tokensIssued++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(load.concurrency, load.tokenRequests) }, worker));
  agent.destroy();
  const tokensMs = Date.now() - t0;
  const afterTokens = await readMockMemory(url);

  // One signed request, sent bigBodies times at once: the gateway reads, hashes and verifies every byte of each.
  const body = Buffer.alloc(load.bodyBytes, 0x61);
  const path = `/v1/${MOCK_PROJECTS[0].id}/objects/load`;
  const signed = signRequest(
    { method: 'PUT', url: `http://127.0.0.1:${port}${path}`, headers: [['Content-Type', 'application/octet-stream']], body },
    { ak: MOCK_AKSK.ak, sk: MOCK_AKSK.sk },
    { sdkDate: formatSdkDate(Date.now()), crypto: nodeCrypto },
  );
  const headers = Object.fromEntries([['Content-Type', 'application/octet-stream'], ...signed.headers]);
  const t1 = Date.now();
  const statuses = await Promise.all(
    Array.from({ length: load.bigBodies }, () => exchange({ ...target, agent: false, method: 'PUT', path, headers }, body)),
  );
  const bodiesMs = Date.now() - t1;
  const afterBodies = await readMockMemory(url);
  return { load, atStart, afterTokens, afterBodies, tokensMs, bodiesMs, tokensIssued, bodiesAccepted: statuses.filter((s) => s === 200).length };
}

/** GET /__mock/memory. */
export async function readMockMemory(url: string): Promise<MockMemory> {
  const res = await fetch(`${url}/__mock/memory`);
  if (!res.ok) throw new Error(`GET /__mock/memory: ${res.status}`);
  return (await res.json()) as MockMemory;
}

function passwordTokenBody(): string {
  const user = { name: MOCK_ACCOUNT.user.name, password: MOCK_ACCOUNT.user.password, domain: { name: MOCK_ACCOUNT.domainName } };
  return JSON.stringify({ auth: { identity: { methods: ['password'], password: { user } }, scope: { project: { name: MOCK_PROJECTS[0].name } } } });
}

/** One request; resolves with the status once the whole reply is read (and dropped). */
function exchange(
  options: { host: string; port: number; agent: Agent | false; method: string; path: string; headers: Record<string, string> },
  body: Buffer,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ ...options, headers: { ...options.headers, 'Content-Length': String(body.length) } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
