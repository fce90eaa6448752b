import { isSdkDate } from '../core/sdkDate';
import { VARIABLES as V } from '../core/variables';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';
import { readSigningScheme, type SigningScheme } from './signingSettings';

export interface AkSkSettings {
  ak: string;
  sk: string;
  securityToken?: string;
  projectId?: string;
  domainId?: string;
  /** hwc_signing_date (tests only); unset: sign with the current time. */
  sdkDate?: string;
  /** hwc_debug=true: log the canonical request. */
  debug: boolean;
  /** hwc_clock_correction (default on): sign with the clock offset the response side learnt for the host. */
  clockCorrection: boolean;
  /** hwc_lockout_after: stop an AK after this many signature failures in a row (0: never). */
  lockoutAfter: number;
  /** hwc_signing_algorithm (and V11's region and service). */
  scheme: SigningScheme;
  /** AK/SK mode with an IAM endpoint: the id to look up when neither its variable nor its header is set. */
  lookup?: AkSkLookup;
}

/** What to look up at IAM (signed with the AK/SK): a region's project id, or the account id. */
export type AkSkLookup = ({ kind: 'project'; region: string } | { kind: 'domain' }) & { iamEndpoint: string; timeoutMs: number };

/** AK/SK mode's variables: the credentials, the fixed signing date if any, hwc_debug. */
export function readAkSkSettings(readVar: VariableReader): AkSkSettings {
  const ak = readVar(V.ak.name);
  const sk = readVar(V.sk.name);
  const missing = [ak === undefined ? V.ak.name : '', sk === undefined ? V.sk.name : ''].filter(Boolean);
  if (ak === undefined || sk === undefined) {
    throw hwcAuthError(
      `set ${missing.join(' and ')}`,
      `AK/SK signing needs ${missing.join(' and ')}; set ${missing.length > 1 ? 'them' : 'it'} in the environment ` +
        `(or set ${V.authMode.name} to token or none)`,
    );
  }
  const settings: AkSkSettings = { ak, sk, ...readSigningOptions(readVar) };
  const securityToken = readVar(V.securityToken.name);
  if (securityToken !== undefined) settings.securityToken = securityToken;
  const lookup = readLookup(readVar, settings);
  if (lookup !== undefined) settings.lookup = lookup;
  return settings;
}

/**
 * The id AK/SK mode finds at HUAWEICLOUD_SDK_IAM_ENDPOINT, as Huawei's SDKs do: with hwc_token_scope=domain and no
 * HUAWEICLOUD_SDK_DOMAIN_ID the account id; else with HUAWEICLOUD_REGION and no HUAWEICLOUD_SDK_PROJECT_ID the
 * region's project id. Without an IAM endpoint nothing is looked up.
 */
function readLookup(readVar: VariableReader, settings: AkSkSettings): AkSkLookup | undefined {
  const iamEndpoint = readVar(V.iamEndpoint.name);
  if (iamEndpoint === undefined) return undefined;
  if (!/^https?:\/\/[^/]/i.test(iamEndpoint)) {
    throw hwcAuthError(`fix ${V.iamEndpoint.name}`, `${V.iamEndpoint.name} must be IAM's http(s) URL, e.g. https://iam.myhuaweicloud.com`);
  }
  const timeoutText = readVar(V.iamTimeout.name) ?? V.iamTimeout.default;
  if (!/^\d+$/.test(timeoutText)) throw hwcAuthError(`fix ${V.iamTimeout.name}`, `${V.iamTimeout.name} must be a whole number`);
  const timeoutMs = Number(timeoutText);
  if ((readVar(V.tokenScope.name) ?? '').toLowerCase() === 'domain') {
    return settings.domainId === undefined ? { kind: 'domain', iamEndpoint, timeoutMs } : undefined;
  }
  const region = readVar(V.region.name);
  return region !== undefined && settings.projectId === undefined ? { kind: 'project', region, iamEndpoint, timeoutMs } : undefined;
}

/** How a request is signed, whatever keys sign it (AK/SK and temporary mode): credential headers, date, algorithm, debug. */
export function readSigningOptions(readVar: VariableReader): Omit<AkSkSettings, 'ak' | 'sk' | 'securityToken'> {
  const date = readVar(V.signingDate.name);
  if (date !== undefined && !isSdkDate(date)) {
    throw hwcAuthError(
      `fix ${V.signingDate.name}`,
      `${V.signingDate.name} must be YYYYMMDDTHHMMSSZ (UTC), got "${date}"; unset it to sign with the current time`,
    );
  }
  const options: Omit<AkSkSettings, 'ak' | 'sk' | 'securityToken'> = {
    debug: readVar(V.debug.name) === 'true',
    clockCorrection: clockCorrectionOn(readVar),
    lockoutAfter: lockoutAfterSetting(readVar),
    scheme: readSigningScheme(readVar),
  };
  const projectId = readVar(V.projectId.name);
  const domainId = readVar(V.domainId.name);
  if (date !== undefined) options.sdkDate = date;
  if (projectId !== undefined) options.projectId = projectId;
  if (domainId !== undefined) options.domainId = domainId;
  return options;
}

/** hwc_clock_correction: on unless false, 0, no or off. */
export function clockCorrectionOn(readVar: VariableReader): boolean {
  return !/^(false|0|no|off)$/i.test(readVar(V.clockCorrection.name) ?? V.clockCorrection.default);
}

/** hwc_lockout_after, a whole number (0: the guard is off). */
export function lockoutAfterSetting(readVar: VariableReader): number {
  const text = readVar(V.lockoutAfter.name) ?? V.lockoutAfter.default;
  if (!/^\d+$/.test(text)) {
    throw hwcAuthError(
      `fix ${V.lockoutAfter.name}`,
      `${V.lockoutAfter.name} must be a whole number (signature failures in a row before an AK is stopped; 0: never), got "${text}"`,
    );
  }
  return Number(text);
}
