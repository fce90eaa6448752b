import type { SigningCrypto } from '../core';
import type { VariableReader } from './config';
import type { HostPolicy } from './hostPolicy';
import type { Pm } from './pm';
import type { ResolvedRequest } from './resolveRequest';

/**
 * What every mode gets from the entry point: the clock (epoch ms), the sandbox's hash functions (SHA-256, SM3),
 * whether this attempt is the response side's retry of the request (retryFlag.ts), and the host policy.
 */
export interface AuthContext {
  now: number;
  crypto: SigningCrypto;
  retried: boolean;
  /** Which hosts get credentials and whether tokens may cross plain http (the request's host is already checked). */
  hosts: HostPolicy;
}

/**
 * One auth mode, the way postman-runtime's authorizers are shaped: main.ts runs the same sequence for each (check for
 * Postman auth, readSettings, resolve the request, check its host, apply). Adding a mode is one file like akskMode.ts plus its entry
 * in authModes.ts (and its pure logic in src/core).
 */
export interface AuthHandler<S> {
  /** Header names (lower case) the mode sets: copies left on the request (copied from elsewhere) are removed. */
  readonly ownedHeaders: readonly string[];
  /** What a Postman auth type on the request would replace, for the message that asks to remove it. */
  readonly replaces: string;
  /** The mode's variables, checked; throws an HwcAuthError naming what to set. Runs before the request is resolved. */
  readSettings(readVar: VariableReader): S;
  /** The header carrying a token (a bearer credential) this mode would add, if any: tokens never cross plain http. */
  tokenHeader(settings: S, request: ResolvedRequest): string | undefined;
  /** Authenticates the resolved request and writes it back into pm.request; a promise when it has to wait. */
  apply(pm: Pm, request: ResolvedRequest, settings: S, context: AuthContext): void | Promise<void>;
}
