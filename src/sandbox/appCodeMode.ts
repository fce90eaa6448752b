import { APIG_HEADER, appCodeTransportAllowed, parseUrl } from '../core';
import { VARIABLES as V } from '../core/variables';
import type { AuthHandler } from './authHandler';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';
import { writeBack } from './resolveRequest';

export interface AppCodeSettings {
  appCode: string;
  stage?: string;
}

/**
 * AppCode mode (API Gateway simple authentication): sends HUAWEICLOUD_APIG_APP_CODE as X-Apig-AppCode, and
 * hwc_apig_stage as x-stage. The AppCode is a bearer secret, so it goes only over HTTPS (or HTTP to loopback).
 */
export const appCodeMode: AuthHandler<AppCodeSettings> = {
  ownedHeaders: [APIG_HEADER.appCode.toLowerCase()],
  replaces: 'X-Apig-AppCode',
  readSettings: readAppCodeSettings,
  // The AppCode is a bearer secret, but apply() refuses plain http itself, more strictly than the host policy:
  // API Gateway takes simple authentication over HTTPS only, so hwc_allow_http cannot help.
  tokenHeader: () => undefined,

  apply(pm, request, settings) {
    const url = parseUrl(request.url);
    if (!appCodeTransportAllowed(url)) {
      throw hwcAuthError(
        'use https: an AppCode is not sent over plain http',
        `the request goes to ${url.protocol}://${url.hostname}: an AppCode travels only over HTTPS (or HTTP to ` +
          'localhost / 127.0.0.1), as API Gateway requires for simple authentication; use the https:// address',
      );
    }
    const extra: Array<[string, string]> = [[APIG_HEADER.appCode, settings.appCode]];
    if (settings.stage !== undefined) extra.push([APIG_HEADER.stage, settings.stage]);
    const drop = settings.stage !== undefined ? APIG_HEADER.stage : undefined;
    const keep = ([name]: [string, string]): boolean => name.toLowerCase() !== drop;
    writeBack(pm, { ...request, signedHeaders: request.signedHeaders.filter(keep), unsignedHeaders: request.unsignedHeaders.filter(keep) }, extra);
  },
};

function readAppCodeSettings(readVar: VariableReader): AppCodeSettings {
  const appCode = readVar(V.appCode.name);
  if (appCode === undefined) {
    throw hwcAuthError(
      `set ${V.appCode.name}`,
      `simple authentication sends an AppCode: set ${V.appCode.name} (APIG console, API Management > Credentials > AppCodes)`,
    );
  }
  const stage = readVar(V.apigStage.name);
  return stage === undefined ? { appCode } : { appCode, stage };
}
