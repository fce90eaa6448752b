import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The official vectors in ../shared/vectors/published.json (Huawei's signing guide, Huawei's Go SDK tests). */
export interface PublishedVector {
  name: string;
  source: string;
  ak: string;
  sk: string;
  sdkDate: string;
  request?: { method: string; url: string; headers: Record<string, string>; body: string };
  canonicalRequest?: string;
  canonicalRequestSha256?: string;
  authorization: string | string[];
  body?: string;
  regionId?: string;
  service?: string;
}

/** A verbatim copy kept in the repo so a clone is self-contained; vectorsCopy.test.ts checks it against shared/. */
export const PUBLISHED_VECTORS_PATH = join(__dirname, 'published.json');
export const SHARED_VECTORS_PATH = join(__dirname, '..', '..', '..', 'shared', 'vectors', 'published.json');

export function loadPublishedVectors(): PublishedVector[] {
  return (JSON.parse(readFileSync(PUBLISHED_VECTORS_PATH, 'utf8')) as { vectors: PublishedVector[] }).vectors;
}

/** Go SDK vectors give only the canonical request: read method, path, query back out of it. */
export function requestFromCanonical(v: PublishedVector): { method: string; url: string; body: string } {
  const [method, path, query] = v.canonicalRequest!.split('\n') as [string, string, string];
  return { method, url: `https://example.com${path}${query ? '?' + query : ''}`, body: v.body ?? '' };
}
