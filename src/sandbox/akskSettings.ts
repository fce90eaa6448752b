import { isSdkDate } from '../core/sdkDate';
import { VARIABLES as V } from '../core/variables';
import type { VariableReader } from './config';
import { HwcAuthError } from './errors';
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
}

/** AK/SK mode's variables: the credentials, the fixed signing date if any, hwc_debug. */
export function readAkSkSettings(readVar: VariableReader): AkSkSettings {
  const ak = readVar(V.ak.name);
  const sk = readVar(V.sk.name);
  const missing = [ak === undefined ? V.ak.name : '', sk === undefined ? V.sk.name : ''].filter(Boolean);
  if (ak === undefined || sk === undefined) {
    throw new HwcAuthError(
      `set ${missing.join(' and ')}`,
      `AK/SK signing needs ${missing.join(' and ')}; set ${missing.length > 1 ? 'them' : 'it'} in the environment ` +
        `(or set ${V.authMode.name} to token or none)`,
    );
  }
  const settings: AkSkSettings = { ak, sk, ...readSigningOptions(readVar) };
  const securityToken = readVar(V.securityToken.name);
  if (securityToken !== undefined) settings.securityToken = securityToken;
  return settings;
}

/** How a request is signed, whatever keys sign it (AK/SK and temporary mode): credential headers, date, algorithm, debug. */
export function readSigningOptions(readVar: VariableReader): Omit<AkSkSettings, 'ak' | 'sk' | 'securityToken'> {
  const date = readVar(V.signingDate.name);
  if (date !== undefined && !isSdkDate(date)) {
    throw new HwcAuthError(
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
    throw new HwcAuthError(
      `fix ${V.lockoutAfter.name}`,
      `${V.lockoutAfter.name} must be a whole number (signature failures in a row before an AK is stopped; 0: never), got "${text}"`,
    );
  }
  return Number(text);
}
