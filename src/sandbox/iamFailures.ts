import { isIamError, type TokenIdentity, tokenUrl } from '../core/iam';
import { VARIABLES as V } from '../core/variables';
import { type HwcAuthError, hwcAuthError, messageOf } from './errors';
import { errorCode, networkErrorText, networkFailure } from './networkErrors';
import { isSendRequestError } from './sendRequest';

/**
 * Token mode's IAM failures as errors the user can act on: the test title names the fix. Messages carry IAM's own
 * words, the status and the URL, never the password or a token (parseTokenResponse never puts either in its message).
 */

/**
 * pm.sendRequest got no answer from IAM: it timed out, IAM could not be reached, the exchange broke off, or TLS
 * failed. The title names the step that failed; the message has the error, its code in words, and the URL.
 */
export function iamUnanswered(identity: TokenIdentity, timeoutMs: number, err: unknown): HwcAuthError {
  const where = `(POST ${tokenUrl(identity.iamEndpoint)})`;
  if (isSendRequestError(err) && err.timedOut) {
    return hwcAuthError(
      `IAM did not answer within ${timeoutMs} ms: check ${V.iamEndpoint.name} or raise ${V.iamTimeout.name}`,
      `IAM token request: no answer within ${timeoutMs} ms ${where}; check that ${V.iamEndpoint.name} is IAM's ` +
        `address and reachable from here, or raise ${V.iamTimeout.name}`,
    );
  }
  const failure = networkFailure(isSendRequestError(err) ? err.code : errorCode(err));
  const host = hostOf(identity.iamEndpoint);
  const failed = `IAM token request failed: ${networkErrorText(err)} ${where}`;
  if (failure.code === 'HPE_HEADER_OVERFLOW') {
    return hwcAuthError(
      `IAM's reply is too large for this client: run with NODE_OPTIONS=--max-http-header-size=65536`,
      `${failed}; the token in IAM's X-Subject-Token header is larger than Node accepts (the script already asks ` +
        'for the smallest, ?nocatalog=true): run Newman or hwc-auth with NODE_OPTIONS=--max-http-header-size=65536',
    );
  }
  if (failure.stage === 'reply') {
    return hwcAuthError(
      `no usable reply from IAM at ${host}: check ${V.iamEndpoint.name} and proxies`,
      `${failed}; check that ${V.iamEndpoint.name} is IAM's address (e.g. \`https://iam.myhuaweicloud.com\`) and ` +
        'that no proxy or firewall on the way drops the connection',
    );
  }
  if (failure.stage === 'tls') {
    return hwcAuthError(
      `TLS with IAM at ${host} failed: check ${V.iamEndpoint.name} and its certificate`,
      `${failed}; check ${V.iamEndpoint.name} (https to an https port), and for a private CA give Newman ` +
        '--ssl-extra-ca-certs',
    );
  }
  return hwcAuthError(
    `cannot reach IAM at ${host}: check ${V.iamEndpoint.name}`,
    `${failed}; check ${V.iamEndpoint.name} (e.g. \`https://iam.myhuaweicloud.com\`), DNS and proxies`,
  );
}

/** IAM answered, but without a token (an IamError from parseTokenResponse). */
export function iamRefusal(identity: TokenIdentity, err: unknown): HwcAuthError {
  const where = `(POST ${tokenUrl(identity.iamEndpoint)})`;
  const status = isIamError(err) ? err.status : 0;
  const said = `IAM answered ${messageOf(err)} ${where}`;
  if (status === 401 || status === 403) {
    return hwcAuthError(
      `IAM refused the credentials for user ${identity.username} in domain ${identity.domainName}`,
      `${said}; check ${V.username.name}, ${V.password.name} and ${V.domainName.name} (the account name), and that ` +
        'the user may log in with a password',
    );
  }
  if (status === 429) {
    return hwcAuthError('IAM throttled the token request (HTTP 429): try again later', `${said}; IAM throttled the request, try again later`);
  }
  if (status >= 400 && status < 500) {
    return hwcAuthError(
      `IAM rejected the token request (HTTP ${status}): check the token variables`,
      `${said}; check ${V.iamEndpoint.name}, ${V.projectName.name} / ${V.projectId.name} and ${V.tokenScope.name}`,
    );
  }
  if (status >= 500 && status < 600) {
    return hwcAuthError(`IAM failed (HTTP ${status}): try again later`, `${said}; IAM failed, try again later`);
  }
  return hwcAuthError(
    `no token in IAM's reply: check ${V.iamEndpoint.name}`,
    `IAM token request: ${messageOf(err)} ${where}; check that ${V.iamEndpoint.name} is IAM's address`,
  );
}

/** The host (and port) of a URL, without any user:password@. */
function hostOf(url: string): string {
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url)?.[1] ?? url;
  return authority.slice(authority.lastIndexOf('@') + 1);
}
