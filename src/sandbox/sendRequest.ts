import type { Pm, PmRequestDefinition, PmResponse } from './pm';

/**
 * pm.sendRequest as a Promise. Only the callback form works in both sandboxes (Newman's returns no promise), so the
 * promise is ours; it also rejects after `timeoutMs` so a hanging server cannot hold the request forever.
 */
export function sendRequest(pm: Pm, request: PmRequestDefinition, timeoutMs: number): Promise<PmResponse> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      reject(new Error(`no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    pm.sendRequest(request, (err, response) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (err) reject(new Error(errorText(err)));
      else resolve(response);
    });
  });
}

function errorText(err: unknown): string {
  if (err && typeof err === 'object' && 'message' in err) return String((err as { message: unknown }).message);
  return String(err);
}
