/**
 * Entry point of dist/prerequest.js, the collection-level pre-request script: picks the auth mode from the
 * variables, resolves the request as Postman will send it, signs it (AK/SK) or hands it to token auth, writes it
 * back; any failure becomes a failing test plus skipRequest, never an unsigned request.
 */
import { applyAkSk } from './applyAkSk';
import { VARIABLES } from '../core/variables';
import { authMode, bodyPruningDisabled, readAkSkSettings, variableReader } from './config';
import { failClosed } from './failClosed';
import type { Pm } from './pm';
import { resolveRequest, writeBack } from './resolveRequest';
import { sandboxCrypto } from './sandboxCrypto';
import { sandboxConsole } from './sandboxConsole';
import { authenticateWithToken } from './tokenAuth';
import { assertNoPostmanAuth } from './postmanAuth';

declare const pm: Pm;

/** Runs once per request. AK/SK and none finish synchronously; token mode returns when X-Auth-Token is set. */
export function run(pmApi: Pm): Promise<void> | undefined {
  try {
    const readVar = variableReader(pmApi);
    const mode = authMode(readVar);
    if (mode === 'none') return undefined;
    assertNoPostmanAuth(pmApi, mode);
    // Credentials first: a missing SK is the first thing to fix.
    const settings = mode === 'aksk' ? readAkSkSettings(readVar, Date.now()) : undefined;
    const request = resolveRequest(pmApi, { mode, bodyPruningDisabled: bodyPruningDisabled(readVar) });
    if (settings) {
      const result = applyAkSk(pmApi, request, settings, sandboxCrypto);
      if (readVar(VARIABLES.debug.name) === 'true') {
        sandboxConsole.info(
          "hwc-auth: canonical request (compare with the gateway's APIGW.0301 message):\n" + result.debugCanonicalRequest,
        );
      }
      return undefined;
    }
    writeBack(pmApi, request, []);
    return authenticateWithToken(pmApi, readVar).then(undefined, (err: unknown) => failClosed(pmApi, err));
  } catch (err) {
    failClosed(pmApi, err);
    return undefined;
  }
}

run(pm);
