import {
  identityKey,
  MAX_TEMPORARY_DURATION_SECONDS,
  MIN_TEMPORARY_DURATION_SECONDS,
  type TemporaryIdentity,
} from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import { readSigningOptions, type AkSkSettings } from './akskSettings';
import type { VariableReader } from './config';
import { hwcAuthError } from './errors';
import { readTokenSettings, type TokenSettings } from './tokenSettings';

export interface TemporarySettings {
  identity: TemporaryIdentity;
  /** How the securitytokens call is authenticated: the permanent AK/SK, or the user's token (token mode's settings). */
  caller: { kind: 'aksk'; ak: string; sk: string } | { kind: 'token'; token: TokenSettings };
  iamTimeoutMs: number;
  /** How the request itself is signed once the temporary keys are there. */
  signing: Omit<AkSkSettings, 'ak' | 'sk' | 'securityToken'>;
}

/**
 * Temporary mode's variables: the IAM endpoint; the caller (AK/SK when both are set, else the password identity of
 * token mode); an agency (name and delegating account, both or neither); hwc_temporary_duration; the signing options.
 */
export function readTemporarySettings(readVar: VariableReader): TemporarySettings {
  const iamEndpoint = readVar(V.iamEndpoint.name);
  if (iamEndpoint === undefined || !/^https?:\/\/[^/]/i.test(iamEndpoint)) {
    throw hwcAuthError(
      `${iamEndpoint === undefined ? 'set' : 'fix'} ${V.iamEndpoint.name}`,
      `temporary mode asks IAM for the credentials: set ${V.iamEndpoint.name} to IAM's http(s) URL, e.g. https://iam.myhuaweicloud.com`,
    );
  }
  const agencyName = readVar(V.agencyName.name);
  const agencyDomain = readVar(V.agencyDomain.name);
  if ((agencyName === undefined) !== (agencyDomain === undefined)) {
    const missing = agencyName === undefined ? V.agencyName.name : V.agencyDomain.name;
    throw hwcAuthError(
      `set ${missing}`,
      `assuming an agency needs both ${V.agencyName.name} (the agency) and ${V.agencyDomain.name} (the account that ` +
        `created it): set ${missing}, or unset both for your own temporary credentials`,
    );
  }
  const durationText = readVar(V.temporaryDuration.name) ?? V.temporaryDuration.default;
  const durationSeconds = Number(durationText);
  if (!/^\d+$/.test(durationText) || durationSeconds < MIN_TEMPORARY_DURATION_SECONDS || durationSeconds > MAX_TEMPORARY_DURATION_SECONDS) {
    throw hwcAuthError(
      `fix ${V.temporaryDuration.name}`,
      `${V.temporaryDuration.name} is "${durationText}": IAM issues temporary credentials for ${MIN_TEMPORARY_DURATION_SECONDS} ` +
        `to ${MAX_TEMPORARY_DURATION_SECONDS} seconds`,
    );
  }
  const iamTimeoutText = readVar(V.iamTimeout.name) ?? V.iamTimeout.default;
  if (!/^\d+$/.test(iamTimeoutText)) throw hwcAuthError(`fix ${V.iamTimeout.name}`, `${V.iamTimeout.name} must be a whole number`);

  const ak = readVar(V.ak.name);
  const sk = readVar(V.sk.name);
  let caller: TemporarySettings['caller'];
  if (ak !== undefined && sk !== undefined) caller = { kind: 'aksk', ak, sk };
  else if (readVar(V.username.name) !== undefined) caller = { kind: 'token', token: readTokenSettings(readVar) };
  else {
    throw hwcAuthError(
      `set ${V.ak.name} and ${V.sk.name}, or ${V.username.name}`,
      `temporary mode authenticates to IAM as you: set ${V.ak.name} and ${V.sk.name}, or ${V.username.name} with ` +
        `${V.password.name} and ${V.domainName.name} (as for token mode)`,
    );
  }
  const identity: TemporaryIdentity = {
    iamEndpoint,
    caller: caller.kind === 'aksk' ? { kind: 'aksk', ak: caller.ak } : { kind: 'token', tokenIdentity: identityKey(caller.token.identity) },
    durationSeconds,
  };
  if (agencyName !== undefined && agencyDomain !== undefined) identity.agency = { name: agencyName, domainName: agencyDomain };
  return { identity, caller, iamTimeoutMs: Number(iamTimeoutText), signing: readSigningOptions(readVar) };
}
