import { request } from 'node:http';
import { formatSdkDate, signRequest, type HeaderEncoding, type SignOptions, type SigningCredentials } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { MOCK_ACCOUNT, MOCK_AKSK, startMockCloud, type MockCloud } from '../../src/mock';

/** Test-side HTTP: raw targets and exact headers and bytes, through node:http (no fetch normalisation). */
export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: any;
}

export interface RawRequest {
  method?: string;
  /** Request target as it goes on the wire, e.g. `/v1/x?a=1`. */
  target: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function send(cloud: MockCloud, req: RawRequest): Promise<RawResponse> {
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers };
  if (body !== undefined && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['Content-Length'] = String(body.length);
  }
  return new Promise((resolve, reject) => {
    const r = request(
      { host: '127.0.0.1', port: cloud.port, method: req.method ?? 'GET', path: req.target, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(body);
  });
}

export interface SignedRequest extends RawRequest {
  credentials?: SigningCredentials;
  /** Epoch ms for X-Sdk-Date; default now. */
  at?: number;
  unsignedPayload?: boolean;
  /** How the signer hashes header values (default UTF-8); node:http sends header strings as Latin-1. */
  headerEncoding?: HeaderEncoding;
  /** hwc_signing_algorithm and V11's derivation target; default SDK-HMAC-SHA256. */
  scheme?: Pick<SignOptions, 'algorithm' | 'derivation'>;
}

/** Signs with the core's signRequest (fixture AK/SK by default) and sends exactly what was signed. */
export function sendSigned(cloud: MockCloud, req: SignedRequest) {
  const headers = Object.entries(req.headers ?? {});
  const signed = signRequest(
    {
      method: req.method ?? 'GET',
      url: cloud.url + req.target,
      headers,
      ...(req.body !== undefined ? { body: new Uint8Array(Buffer.from(req.body)) } : {}),
      ...(req.unsignedPayload ? { unsignedPayload: true } : {}),
    },
    req.credentials ?? { ak: MOCK_AKSK.ak, sk: MOCK_AKSK.sk },
    {
      sdkDate: formatSdkDate(req.at ?? Date.now()),
      crypto: nodeCrypto,
      ...(req.headerEncoding ? { headerEncoding: req.headerEncoding } : {}),
      ...req.scheme,
    },
  );
  const all: Record<string, string> = Object.fromEntries([...headers, ...signed.headers]);
  return { signed, response: send(cloud, { ...req, headers: all }) };
}

export function passwordBody(
  scope: object = { project: { name: 'cn-north-4' } },
  user: { name: string; password: string } = MOCK_ACCOUNT.user,
  domain: object = { name: MOCK_ACCOUNT.domainName },
): string {
  return JSON.stringify({ auth: { identity: { methods: ['password'], password: { user: { ...user, domain } } }, scope } });
}

export async function issueToken(cloud: MockCloud, scope?: object, user?: { name: string; password: string }): Promise<string> {
  const res = await send(cloud, {
    method: 'POST',
    target: '/v3/auth/tokens?nocatalog=true',
    headers: { 'Content-Type': 'application/json' },
    body: passwordBody(scope, user),
  });
  if (res.status !== 201) throw new Error(`token request failed: ${res.status} ${res.text}`);
  return res.headers['x-subject-token'] as string;
}

export async function setFaults(cloud: MockCloud, faults: object): Promise<RawResponse> {
  return send(cloud, { method: 'POST', target: '/__mock/faults', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(faults) });
}

export async function stats(cloud: MockCloud) {
  return (await send(cloud, { target: '/__mock/stats' })).json;
}

/** A settable clock for startMockCloud({ now }). */
export function manualClock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms), set: (ms: number) => void (t = ms) };
}

/**
 * One mock cloud for a test file, on a manual clock: started before the file's tests and closed after; before each
 * test the clock is set back to `start` and the mock's state (stats, issued credentials, faults) reset.
 */
export function mockCloudForFile(start: number): { readonly cloud: MockCloud; clock: ReturnType<typeof manualClock> } {
  const clock = manualClock(start);
  let running: MockCloud | undefined;
  beforeAll(async () => {
    running = await startMockCloud({ quiet: true, now: clock.now });
  });
  afterAll(() => running?.close());
  beforeEach(async () => {
    clock.set(start);
    await send(running!, { method: 'POST', target: '/__mock/reset' });
  });
  return {
    get cloud(): MockCloud {
      if (!running) throw new Error('the mock cloud is not started yet');
      return running;
    },
    clock,
  };
}
