import { isIamError, securityTokensUrl, type TemporaryIdentity } from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import { type HwcAuthError, hwcAuthError, messageOf } from './errors';
import { networkErrorText } from './networkErrors';
import { isSendRequestError } from './sendRequest';

/**
 * Temporary mode's IAM failures as errors the user can act on (the test title names the fix). Messages carry IAM's
 * own words, the status and the URL, never a key, a token or a password.
 */

/** pm.sendRequest got no answer from IAM's securitytokens endpoint. */
export function securityTokensUnanswered(identity: TemporaryIdentity, timeoutMs: number, err: unknown): HwcAuthError {
  const where = `(POST ${securityTokensUrl(identity.iamEndpoint)})`;
  if (isSendRequestError(err) && err.timedOut) {
    return hwcAuthError(
      `IAM did not answer within ${timeoutMs} ms: check ${V.iamEndpoint.name} or raise ${V.iamTimeout.name}`,
      `temporary credential request: no answer within ${timeoutMs} ms ${where}; check ${V.iamEndpoint.name} or raise ${V.iamTimeout.name}`,
    );
  }
  return hwcAuthError(
    `cannot reach IAM: check ${V.iamEndpoint.name}`,
    `temporary credential request failed: ${networkErrorText(err)} ${where}; check ${V.iamEndpoint.name}, DNS and proxies`,
  );
}

/** IAM answered without temporary credentials (an IamError from parseSecurityTokenResponse). */
export function securityTokensRefusal(identity: TemporaryIdentity, err: unknown): HwcAuthError {
  const where = `(POST ${securityTokensUrl(identity.iamEndpoint)})`;
  const status = isIamError(err) ? err.status : 0;
  const said = `IAM answered ${messageOf(err)} ${where}`;
  const agency = identity.agency;
  if (agency && status === 404) {
    return hwcAuthError(
      `IAM found no agency ${agency.name} in account ${agency.domainName}: check ${V.agencyName.name} and ${V.agencyDomain.name}`,
      `${said}; check ${V.agencyName.name} (the agency's name) and ${V.agencyDomain.name} (the account that created it)`,
    );
  }
  if (status === 401 || status === 403) {
    const who = identity.caller.kind === 'aksk' ? `${V.ak.name} and ${V.sk.name}` : `${V.username.name} and ${V.password.name}`;
    return hwcAuthError(
      `IAM refused the temporary credential request (HTTP ${status})${agency ? `: may you assume agency ${agency.name}?` : ''}`,
      `${said}; check ${who}${agency ? `, and that the agency ${agency.name} of ${agency.domainName} trusts your account` : ''}`,
    );
  }
  if (status >= 400 && status < 500) {
    return hwcAuthError(
      `IAM rejected the temporary credential request (HTTP ${status}): check ${V.temporaryDuration.name}`,
      `${said}; check ${V.temporaryDuration.name} and the agency variables`,
    );
  }
  if (status >= 500 && status < 600) return hwcAuthError(`IAM failed (HTTP ${status}): try again later`, `${said}; IAM failed, try again later`);
  return hwcAuthError(`no temporary credentials in IAM's reply: check ${V.iamEndpoint.name}`, `${said}; check that ${V.iamEndpoint.name} is IAM's address`);
}
