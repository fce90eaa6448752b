/**
 * Entry point of dist/postresponse.js, the collection-level post-response (Tests) script, the pre-request script's
 * companion. On a success it returns at once (after clearing an AK's signature failures, when there are any). On any
 * other answer to a request the pre-request script authenticated (authHandoff.ts): a refused signature is diagnosed
 * (signedResponse.ts: the doctor, the clock, the lockout guard's count), a revoked token is dropped and the request
 * sent again (tokenRecovery.ts). Everything of the pre-request script works without it.
 */
import { classifyRefusal, readGatewayAnswer } from '../../core/doctor/gatewayAnswer';
import { requestAuthFor } from '../authHandoff';
import { variableReader } from '../config';
import { messageOf } from '../errors';
import { recordFailedTest } from '../failedTest';
import { hasSignatureFailures, noteSignatureAccepted } from '../lockoutGuard';
import type { Pm, PmResponse } from '../pm';
import { readResponseSettings, type ResponseSettings } from './responseSettings';
import { respondToSignedRequest } from './signedResponse';
import { recoverToken } from './tokenRecovery';

declare const pm: Pm;

export function run(pmApi: Pm): void {
  const response = pmApi.response;
  if (!response) return;
  try {
    if (response.code >= 200 && response.code < 300) {
      if (hasSignatureFailures(pmApi)) afterSuccess(pmApi);
      return;
    }
    respond(pmApi, response);
  } catch (err) {
    recordFailedTest(pmApi, 'internal error in the post-response script', messageOf(err));
  }
}

/** A success: the AK's signature failures (if any) are no longer in a row. */
function afterSuccess(pmApi: Pm): void {
  const auth = requestAuthFor(pmApi);
  if (auth?.mode === 'aksk' && auth.ak !== undefined) noteSignatureAccepted(pmApi, auth.ak);
}

function respond(pmApi: Pm, response: PmResponse): void {
  const auth = requestAuthFor(pmApi);
  if (!auth) return;
  const answer = readGatewayAnswer(response.code, response.text());
  const refusal = classifyRefusal(answer);
  if (auth.mode === 'aksk') respondToSignedRequest(pmApi, auth, answer, refusal, settingsOf(pmApi));
  else if (refusal?.kind === 'token-invalid') recoverToken(pmApi, auth, answer, settingsOf(pmApi));
}

/** The response side's settings; a setting holding an undefined {{reference}} reads as unset (its default). */
function settingsOf(pmApi: Pm): ResponseSettings {
  return readResponseSettings(variableReader(pmApi));
}

run(pm);
