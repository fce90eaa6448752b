import { formatSdkDate, signRequest } from '../core';
import { idLookupKey, idLookupUrl, isIamError, parseIdCache, parseIdLookupResponse } from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import type { AkSkLookup } from './akskSettings';
import type { AuthContext } from './authHandler';
import { type HwcAuthError, hwcAuthError, messageOf } from './errors';
import type { Pm } from './pm';
import { sandboxConsole } from './sandboxConsole';
import { networkErrorText } from './networkErrors';
import { isSendRequestError, sendRequest } from './sendRequest';
import { tokenCacheScope } from './tokenStore';

const CACHE_VARIABLE = V.idCache.name;

/**
 * The project id (or account id) AK/SK mode needs: from hwc_id_cache (same scope as the token cache: one lookup per
 * AK and region per run, none on a rerun with the exported environment), else looked up at IAM with a request signed
 * by the AK/SK, named in the console and cached. Throws an HwcAuthError with IAM's answer when IAM gives none.
 */
export async function lookedUpId(pm: Pm, lookup: AkSkLookup, keys: { ak: string; sk: string }, { now, crypto }: AuthContext): Promise<string> {
  const key = idLookupKey(lookup.iamEndpoint, keys.ak, lookup);
  const scope = tokenCacheScope(pm);
  const known = parseIdCache(scope.get(CACHE_VARIABLE))[key];
  if (known !== undefined) return known;

  const url = idLookupUrl(lookup.iamEndpoint, lookup);
  const signed = signRequest({ method: 'GET', url }, keys, { sdkDate: formatSdkDate(now), crypto });
  let response;
  try {
    response = await sendRequest(pm, { url, method: 'GET', header: signed.headers.map(([key, value]) => ({ key, value })) }, lookup.timeoutMs);
  } catch (err) {
    const why = isSendRequestError(err) && err.timedOut ? `no answer within ${lookup.timeoutMs} ms` : networkErrorText(err);
    throw hwcAuthError(`cannot reach IAM to look up the ${what(lookup)}: check ${V.iamEndpoint.name}`, `GET ${url}: ${why}; ${skip(lookup)}`);
  }
  let id: string;
  try {
    id = parseIdLookupResponse(response.code, response.text(), lookup);
  } catch (err) {
    throw refusal(lookup, url, err);
  }
  scope.set(CACHE_VARIABLE, JSON.stringify({ ...parseIdCache(scope.get(CACHE_VARIABLE)), [key]: id }));
  sandboxConsole.info(`hwc-auth: ${what(lookup)} for AK ${keys.ak} is ${id} (looked up at IAM; ${skip(lookup)})`);
  return id;
}

function what(lookup: AkSkLookup): string {
  return lookup.kind === 'project' ? `project id of ${lookup.region}` : 'account (domain) id';
}

function skip(lookup: AkSkLookup): string {
  return `set ${lookup.kind === 'project' ? V.projectId.name : V.domainId.name} to skip the lookup`;
}

function refusal(lookup: AkSkLookup, url: string, err: unknown): HwcAuthError {
  const status = isIamError(err) ? err.status : 0;
  const said = `IAM answered ${messageOf(err)} (GET ${url})`;
  if (status === 200 && lookup.kind === 'project') {
    return hwcAuthError(
      `IAM knows no project ${lookup.region}: check ${V.region.name}`,
      `${said}; ${V.region.name} must be a region id of your account, e.g. cn-north-4, or ${skip(lookup)}`,
    );
  }
  if (status === 401 || status === 403) {
    return hwcAuthError(
      `IAM refused to look up the ${what(lookup)} (HTTP ${status}): check the AK/SK or ${skip(lookup)}`,
      `${said}; check ${V.ak.name} and ${V.sk.name} (the user needs IAM read permission), or ${skip(lookup)}`,
    );
  }
  return hwcAuthError(`IAM did not give the ${what(lookup)}: ${skip(lookup)}`, `${said}; ${skip(lookup)}`);
}
