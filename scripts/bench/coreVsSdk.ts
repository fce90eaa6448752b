import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';
import type { IHttpRequest } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequest';
import { signRequest } from '../../src/core';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { compare } from './measure';

/**
 * Core signing of small requests vs the official Node SDK's AKSKSigner.sign on the same requests, both on Node's
 * native crypto, so the ratio is the cost of the canonicalization code itself.
 */
const AK = 'QTWAOYTTINDUT2QVKYUC';
const SK = 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc';
const DATE = '20191115T033655Z';

interface SmallRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  body: string;
}

function requests(n: number): SmallRequest[] {
  return Array.from({ length: n }, (_, i) => ({
    method: i % 2 ? 'POST' : 'GET',
    path: `/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs/${i}`,
    query: { limit: String(i), marker: '13551d6b-755d-4757-b956-536f674975c0' },
    body: i % 2 ? JSON.stringify({ vpc: { name: `vpc-${i}`, cidr: '192.168.0.0/16' } }) : '',
  }));
}

export async function coreVsSdk(count: number, rounds: number) {
  const reqs = requests(count);
  const credential = new BasicCredentials().withAk(AK).withSk(SK);
  const sdkRequests = reqs.map((r) => ({
    endpoint: `https://vpc.cn-north-4.myhuaweicloud.com${r.path}`,
    method: r.method,
    headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': DATE },
    queryParams: r.query,
    // The SDK hashes JSON.stringify(data): give it the parsed object so it hashes the same bytes as ours.
    data: r.body ? JSON.parse(r.body) : undefined,
  }));
  const coreInputs = reqs.map((r) => ({
    method: r.method,
    url: `https://vpc.cn-north-4.myhuaweicloud.com${r.path}?${new URLSearchParams(r.query).toString()}`,
    headers: [['Content-Type', 'application/json']] as Array<[string, string]>,
    body: r.body,
  }));
  return compare(
    rounds,
    () => { for (const r of sdkRequests) AKSKSigner.sign({ ...r, headers: { ...r.headers } } as unknown as IHttpRequest, credential); },
    () => { for (const r of coreInputs) signRequest(r, { ak: AK, sk: SK }, { sdkDate: DATE, crypto: nodeCrypto }); },
  );
}
