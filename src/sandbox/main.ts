/**
 * Entry point of dist/prerequest.js, the collection-level pre-request script: picks the auth mode from the
 * variables, then runs the same sequence for every mode (see authHandler.ts): refuse a Postman auth type, read the
 * mode's settings, resolve the request as Postman will send it, apply the mode (sign it, or add an IAM token), which
 * writes it back. Any failure becomes a failing test plus skipRequest, never an unauthenticated request.
 */
import type { AuthHandler } from './authHandler';
import { authHandler, authMode } from './authModes';
import { bodyPruningDisabled, variableReader, type VariableReader } from './config';
import { failClosed } from './failClosed';
import type { Pm } from './pm';
import { assertNoPostmanAuth } from './postmanAuth';
import { resolveRequest } from './resolveRequest';
import { sandboxCrypto } from './sandboxCrypto';

declare const pm: Pm;

/** Runs once per request. AK/SK and none finish synchronously; token mode returns when X-Auth-Token is set. */
export function run(pmApi: Pm): Promise<void> | undefined {
  try {
    const readVar = variableReader(pmApi);
    const mode = authMode(readVar);
    if (mode === 'none') return undefined;
    const done = authenticate(pmApi, readVar, authHandler(mode));
    return done ? done.then(undefined, (err: unknown) => failClosed(pmApi, err)) : undefined;
  } catch (err) {
    failClosed(pmApi, err);
    return undefined;
  }
}

function authenticate<S>(pmApi: Pm, readVar: VariableReader, handler: AuthHandler<S>): void | Promise<void> {
  assertNoPostmanAuth(pmApi, handler.replaces);
  // Settings first: a missing SK is the first thing to fix.
  const settings = handler.readSettings(readVar);
  const request = resolveRequest(pmApi, { ownedHeaders: handler.ownedHeaders, bodyPruningDisabled: bodyPruningDisabled(readVar) });
  return handler.apply(pmApi, request, settings, { now: Date.now(), crypto: sandboxCrypto });
}

run(pm);
