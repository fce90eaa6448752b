import { HEADER } from '../core/constants';
import { identityKey } from '../core/iam';
import type { AuthHandler } from './authHandler';
import { leaveRequestAuth } from './authHandoff';
import { writeBack } from './resolveRequest';
import { cachedToken } from './tokenSupply';
import { readTokenSettings, type TokenSettings } from './tokenSettings';

/**
 * Token mode: writes the resolved request back (no body hash, no size limit), takes the identity's token from the
 * cache, or asks IAM for one (POST /v3/auth/tokens) when there is none or it is inside the refresh margin
 * (tokenSupply.ts), then sets X-Auth-Token. Throws, with IAM's message and never the password or a token, when it
 * cannot; nothing is cached then. IAM is not asked again for a user it refused in this run, and is given time after
 * 429/5xx (iamGuard.ts). Leaves the identity for the post-response script, which drops a token the gateway no longer
 * accepts.
 */
export const tokenMode: AuthHandler<TokenSettings> = {
  ownedHeaders: [HEADER.authorization, HEADER.sdkDate, HEADER.authToken].map((n) => n.toLowerCase()),
  replaces: 'X-Auth-Token authentication',
  readSettings: readTokenSettings,
  tokenHeader: () => HEADER.authToken,

  async apply(pm, request, settings, { now, retried, hosts }) {
    writeBack(pm, request, []);
    const token = await cachedToken(pm, settings, now, hosts);
    pm.request.headers.remove(HEADER.authToken);
    pm.request.headers.add({ key: HEADER.authToken, value: token });
    leaveRequestAuth(pm, { mode: 'token', host: request.host, identityKey: identityKey(settings.identity), ...(retried && { retried }) });
  },
};
