import { appAuthHeaderName } from '../core';
import { VARIABLES as V } from '../core/variables';
import { clockCorrectionOn, lockoutAfterSetting } from './akskSettings';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';

export interface AppSettings {
  appKey: string;
  appSecret: string;
  /** The header the signature goes in: Authorization, or hwc_apig_auth_header. */
  authHeader: string;
  /** hwc_apig_stage: sent and signed as x-stage. */
  stage?: string;
  /** As in AK/SK mode: the clock offset learnt for the host, and the lockout guard (APIG locks app keys too). */
  clockCorrection: boolean;
  lockoutAfter: number;
}

/** App mode's variables: the app's Key and Secret, the signature's header, the stage. */
export function readAppSettings(readVar: VariableReader): AppSettings {
  const appKey = readVar(V.appKey.name);
  const appSecret = readVar(V.appSecret.name);
  if (appKey === undefined || appSecret === undefined) {
    const missing = [appKey === undefined ? V.appKey.name : '', appSecret === undefined ? V.appSecret.name : ''].filter(Boolean);
    throw hwcAuthError(
      `set ${missing.join(' and ')}`,
      `App authentication signs with the API Gateway app's Key and Secret: set ${missing.join(' and ')} (APIG console, ` +
        'API Management > Credentials)',
    );
  }
  const configured = readVar(V.apigAuthHeader.name);
  const authHeader = appAuthHeaderName(configured);
  if (authHeader === null) {
    throw hwcAuthError(
      `fix ${V.apigAuthHeader.name}`,
      `${V.apigAuthHeader.name} is "${configured}": give the header name your gateway's app_auth_header names ` +
        '(letters, digits and -; not Host, X-Sdk-Date, Content-Type or x-stage), or unset it for Authorization',
    );
  }
  const settings: AppSettings = {
    appKey,
    appSecret,
    authHeader,
    clockCorrection: clockCorrectionOn(readVar),
    lockoutAfter: lockoutAfterSetting(readVar),
  };
  const stage = readVar(V.apigStage.name);
  if (stage !== undefined) settings.stage = stage;
  return settings;
}
