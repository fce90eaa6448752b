import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import { BasicCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/BasicCredentials';
import { GlobalCredentials } from '@huaweicloud/huaweicloud-sdk-core/auth/GlobalCredentials';
import type { HcClient } from '@huaweicloud/huaweicloud-sdk-core/HcClient';
import type { IHttpRequest } from '@huaweicloud/huaweicloud-sdk-core/http/IHttpRequest';

/**
 * The official Node SDK's SDK-HMAC-SHA256 signer (`@huaweicloud/huaweicloud-sdk-core`, auth/AKSKSigner.js) as a test
 * oracle. Its request shape: `endpoint` is the full URL up to the path (the path decoded: the SDK encodes it itself),
 * `queryParams` the decoded query as an object (repeated keys as arrays), `headers` an object (an `X-Sdk-Date` there
 * is used instead of the clock, a lowercase `host` instead of the URL's), `data` the body value (hashed as
 * JSON.stringify(data)). The canonical request it builds is captured by spying on its buildCanonicalRequest step.
 */
export interface SdkRequest {
  endpoint: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}

export interface SdkSigned {
  headers: Record<string, string>;
  canonicalRequest: string;
}

interface SignerInternals {
  buildCanonicalRequest(...parts: string[]): string;
}

const internals = AKSKSigner as unknown as SignerInternals;

/** Captures what the SDK's buildCanonicalRequest returns during `run`. */
async function capturingCanonicalRequest<T>(run: () => T | Promise<T>): Promise<{ result: T; canonicalRequest: string }> {
  const spy = jest.spyOn(internals, 'buildCanonicalRequest');
  try {
    const result = await run();
    const calls = spy.mock.results;
    if (calls.length !== 1) throw new Error(`expected one canonical request from the SDK, got ${calls.length}`);
    return { result, canonicalRequest: calls[0]!.value as string };
  } finally {
    spy.mockRestore();
  }
}

function credential(ak: string, sk: string): BasicCredentials {
  return new BasicCredentials().withAk(ak).withSk(sk);
}

/** AKSKSigner.sign itself, with the credential headers already in `headers` (as BaseCredentials puts them). */
export async function sdkSign(request: SdkRequest, ak: string, sk: string): Promise<SdkSigned> {
  const { result, canonicalRequest } = await capturingCanonicalRequest(
    () => AKSKSigner.sign(request as IHttpRequest, credential(ak, sk)) as Record<string, string>,
  );
  return { headers: result, canonicalRequest };
}

export interface SdkPipelineRequest {
  /** Scheme, host and port only. */
  endpoint: string;
  /** Decoded path. */
  url: string;
  method: string;
  headers: Record<string, string>;
  queryParams: Record<string, string | string[]>;
  data?: unknown;
}

/**
 * The SDK's own credential step (BaseCredentials.processAuthRequest): adds X-Project-Id (BasicCredentials) or
 * X-Domain-Id (GlobalCredentials) and X-Security-Token, switches to UNSIGNED-PAYLOAD for a non-JSON content type,
 * then calls AKSKSigner.sign. No network: the IAM look-up only runs when no project/domain id is given.
 */
export async function sdkProcessAuthRequest(
  request: SdkPipelineRequest,
  creds: { ak: string; sk: string; securityToken?: string; projectId?: string; domainId?: string },
): Promise<SdkSigned> {
  const base = creds.domainId !== undefined
    ? new GlobalCredentials().withDomainId(creds.domainId)
    : new BasicCredentials().withProjectId(creds.projectId ?? '');
  base.withAk(creds.ak).withSk(creds.sk);
  if (creds.securityToken !== undefined) base.withSecurityToken(creds.securityToken);
  const { result, canonicalRequest } = await capturingCanonicalRequest(() =>
    base.processAuthRequest(undefined as unknown as HcClient, { ...request } as IHttpRequest),
  );
  return { headers: result.headers as Record<string, string>, canonicalRequest };
}
