import { uriEncode } from '../percentEncoding';
import { iamError, iamErrorMessage } from './tokenResponse';

/**
 * Finding the ids a signed request carries, as Huawei's SDKs do when none is configured: the project id of a region
 * (GET /v3/projects?name={region}, for X-Project-Id) and the account id for global services (GET /v3/auth/domains,
 * for X-Domain-Id), both at the IAM endpoint and signed with the AK/SK.
 */
export type IdLookup = { kind: 'project'; region: string } | { kind: 'domain' };

export function idLookupUrl(iamEndpoint: string, lookup: IdLookup): string {
  const base = iamEndpoint.replace(/\/+$/, '');
  return lookup.kind === 'project' ? `${base}/v3/projects?name=${uriEncode(lookup.region)}` : `${base}/v3/auth/domains`;
}

/** The cache key of a looked-up id: endpoint, AK and what was looked up (a JSON array, nothing secret). */
export function idLookupKey(iamEndpoint: string, ak: string, lookup: IdLookup): string {
  const what = lookup.kind === 'project' ? ['project', lookup.region] : ['domain'];
  return JSON.stringify([iamEndpoint.replace(/\/+$/, '').toLowerCase(), ak, ...what]);
}

/**
 * The id in IAM's reply: the one project named like the region (`{"projects":[{"id","name"}]}`), or the account
 * (`{"domains":[{"id","name"}]}`). No such project, or an error status, throws an IamError with IAM's answer.
 */
export function parseIdLookupResponse(status: number, bodyText: string, lookup: IdLookup): string {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  if (status !== 200) throw iamError(`${status} ${iamErrorMessage(body) ?? 'no error message in the reply'}`, status);
  const list = (body as Record<string, unknown> | undefined)?.[lookup.kind === 'project' ? 'projects' : 'domains'];
  const entries = Array.isArray(list) ? (list as Array<{ id?: unknown; name?: unknown }>) : [];
  const found = lookup.kind === 'project' ? entries.filter((p) => p.name === lookup.region) : entries;
  const id = found.length === 1 && typeof found[0]!.id === 'string' && found[0]!.id !== '' ? found[0]!.id : undefined;
  if (id === undefined) {
    const what = lookup.kind === 'project' ? `no project named ${lookup.region}` : 'no account';
    throw iamError(`200 ${what} in the reply (${found.length === 0 ? 'none' : `${found.length} entries`})`, status);
  }
  return id;
}

/** Looked-up ids by key (JSON in one Postman variable). Ids are not secret. */
export type IdCache = Record<string, string>;

export function parseIdCache(stored: unknown): IdCache {
  if (typeof stored !== 'string' || stored === '') return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const cache: IdCache = {};
    for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) if (typeof v === 'string' && v) cache[k] = v;
    return cache;
  } catch {
    return {};
  }
}
