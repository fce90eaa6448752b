/**
 * Entry point of dist/prerequest.js, the collection-level pre-request script: picks the auth mode from the
 * variables, then runs the same sequence for every mode (see authHandler.ts): refuse a Postman auth type, read the
 * mode's settings, resolve the request as Postman will send it, check that its host may get credentials
 * (hostPolicy.ts), apply the mode (sign it, or add an IAM token), which writes it back and leaves what it did for the
 * post-response script (authHandoff.ts). Any failure becomes a failing test plus skipRequest, never an
 * unauthenticated request.
 */
import type { AuthHandler } from './authHandler';
import { forgetRequestAuth } from './authHandoff';
import { authHandler, authMode } from './authModes';
import { bodyPruningDisabled, variableReader, type VariableReader } from './config';
import { failClosed } from './failClosed';
import { assertCredentialsMayGo, readHostPolicy, type HostPolicy } from './hostPolicy';
import type { Pm } from './pm';
import { assertNoPostmanAuth } from './postmanAuth';
import { resolveRequest } from './resolveRequest';
import { takeRetry } from './retryFlag';
import { sandboxSigningCrypto } from './sandboxSigningCrypto';
import { unresolvedReferences, type UnresolvedReferences } from './unresolved';

declare const pm: Pm;

/** Runs once per request. AK/SK and none finish synchronously; token mode returns when X-Auth-Token is set. */
export function run(pmApi: Pm): Promise<void> | undefined {
  try {
    const retried = takeRetry(pmApi);
    const unresolved = unresolvedReferences();
    const readVar = variableReader(pmApi, unresolved);
    const done = authenticate(pmApi, readVar, unresolved, retried);
    return done ? done.then(undefined, (err: unknown) => failClosed(pmApi, err)) : undefined;
  } catch (err) {
    failClosed(pmApi, err);
    return undefined;
  }
}

function authenticate(pmApi: Pm, readVar: VariableReader, unresolved: UnresolvedReferences, retried: boolean): void | Promise<void> {
  // The mode and its settings first: a missing SK is the first thing to fix. But when a variable they read holds an
  // undefined {{reference}} (read as unset), that is the cause: the request is resolved too, and one error names
  // every undefined variable the request and its settings use.
  let handler: AuthHandler<unknown> | undefined;
  let settings: unknown;
  let hosts: HostPolicy | undefined;
  try {
    const mode = authMode(readVar);
    if (mode === 'none') {
      forgetRequestAuth(pmApi);
      return undefined;
    }
    handler = authHandler(mode);
    assertNoPostmanAuth(pmApi, handler.replaces);
    settings = handler.readSettings(readVar);
    hosts = readHostPolicy(readVar);
  } catch (err) {
    if (!unresolved.any()) throw err;
  }
  const request = resolveRequest(pmApi, {
    ownedHeaders: handler?.ownedHeaders ?? [],
    bodyPruningDisabled: bodyPruningDisabled(readVar),
    unresolved,
  });
  // resolveRequest throws when anything was unresolved, so the mode, its settings and the hosts were read without error.
  // Before any credential is added: only the allowed hosts get one, and tokens never cross plain http.
  assertCredentialsMayGo(hosts!, request.target, handler!.tokenHeader(settings, request));
  return handler!.apply(pmApi, request, settings, { now: Date.now(), crypto: sandboxSigningCrypto, retried, hosts: hosts! });
}

run(pm);
