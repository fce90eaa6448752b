import { isNamedError, namedError, type NamedError } from '../core/namedError';
import { messageOf } from './errors';
import { errorCode } from './networkErrors';
import type { Pm, PmRequestDefinition, PmResponse } from './pm';

/**
 * pm.sendRequest got no response: the server did not answer in time, or could not be reached (the code says why:
 * Node's error code, ECONNREFUSED, HPE_HEADER_OVERFLOW, ..., when the error gave one).
 */
export type SendRequestError = NamedError<'SendRequestError', { timedOut: boolean; code?: string }>;

export function sendRequestError(message: string, timedOut: boolean, code?: string): SendRequestError {
  return namedError('SendRequestError', message, { timedOut, code });
}

export function isSendRequestError(err: unknown): err is SendRequestError {
  return isNamedError(err, 'SendRequestError');
}

/**
 * pm.sendRequest as a Promise. Only the callback form works in both sandboxes (Newman's returns no promise), so the
 * promise is ours; it also rejects after `timeoutMs` so a hanging server cannot hold the request forever. Rejects
 * with a SendRequestError.
 */
export function sendRequest(pm: Pm, request: PmRequestDefinition, timeoutMs: number): Promise<PmResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(sendRequestError(`no answer within ${timeoutMs} ms`, true));
    }, timeoutMs);
    pm.sendRequest(request, (err, response) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(sendRequestError(messageOf(err), false, errorCode(err)));
      else resolve(response);
    });
  });
}
