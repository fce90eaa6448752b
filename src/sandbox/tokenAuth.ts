import type { Pm } from './pm';

/** Reads a Postman variable, resolved; undefined when unset or empty. Throws on an unresolved {{reference}}. */
export type VariableReader = (name: string) => string | undefined;

/**
 * Token mode: gets an IAM token for the configured identity (from the cache, or one POST /v3/auth/tokens) and
 * sets X-Auth-Token on the request. Throws (with a message free of secrets) when it cannot.
 * STUB: being implemented; the adapter dispatches here when hwc_auth_mode is token.
 */
export async function authenticateWithToken(_pm: Pm, _readVar: VariableReader): Promise<void> {
  throw new Error('token mode is not implemented yet');
}
