/** Talks to the mock cloud's introspection endpoints: /__mock/stats, /__mock/reset, /__mock/faults. */

export interface MockVerdict {
  method: string;
  path: string;
  auth: string;
  ok: boolean;
  status: number;
  code?: string;
}

export interface MockStats {
  iamTokenRequests: number;
  iamTokenRequestsByIdentity: Record<string, number>;
  tokensIssued: number;
  gatewayRequests: number;
  verdicts: MockVerdict[];
}

/** POST /__mock/faults merges these; null switches a fault off. */
export interface MockFaults {
  iamStatus?: number | null;
  iamFailCount?: number | null;
  iamDelayMs?: number | null;
  tokenTtlSeconds?: number | null;
  clockOffsetSeconds?: number | null;
}

async function call(url: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(url, init);
  if (!response.ok) throw new Error(`mock cloud: ${init?.method ?? 'GET'} ${url} answered ${response.status}`);
  const text = await response.text();
  return text === '' ? undefined : (JSON.parse(text) as unknown);
}

export async function getMockStats(mockUrl: string): Promise<MockStats> {
  return (await call(`${mockUrl}/__mock/stats`)) as MockStats;
}

export async function resetMock(mockUrl: string): Promise<void> {
  await call(`${mockUrl}/__mock/reset`, { method: 'POST' });
}

export async function setMockFaults(mockUrl: string, faults: MockFaults): Promise<void> {
  await call(`${mockUrl}/__mock/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}
