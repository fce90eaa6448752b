/** Talks to the mock cloud's introspection endpoints: /__mock/stats, /__mock/reset, /__mock/faults. */

import type { MockFaultsPatch, MockStats } from '../mock';

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

export async function setMockFaults(mockUrl: string, faults: MockFaultsPatch): Promise<void> {
  await call(`${mockUrl}/__mock/faults`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
}
