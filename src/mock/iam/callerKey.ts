import type { AuthSuccess } from '../gateway/authResult';

/** How IAM's stats name an authenticated caller: `aksk:<AK>` or `token:<user name>`. */
export function callerKey(auth: AuthSuccess): string {
  return auth.auth === 'aksk' ? `aksk:${auth.access}` : `token:${auth.token.user.name}`;
}
