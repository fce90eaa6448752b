import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MockCloud, MockCloudOptions } from './cloudOptions';
import { INTROSPECTION_PREFIX } from './introspection';
import { requestLogger } from './requestLog';
import { bodyBytesKept, route } from './router';
import { MockState } from './shared/state';
import { newRequestId, readRequest, writeResponse } from './wire';

/** Real IAM tokens exceed 8 KB (Node's old default header limit); allow well beyond. */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Starts the HTTP server on 127.0.0.1 and resolves once it listens. */
export async function startMockCloud(options: MockCloudOptions = {}): Promise<MockCloud> {
  const state = new MockState(options.now ?? Date.now, options.extraKeys);
  const log = requestLogger(options.quiet ?? false);

  const server: Server = createServer({ maxHeaderSize: MAX_HEADER_BYTES }, (req, res) => {
    const requestId = newRequestId();
    res.on('error', () => undefined);
    readRequest(req, bodyBytesKept)
      .then(async (request) => {
        const reply = await route(request, state, requestId);
        log(request.method, request.path, reply.status, reply.verdict);
        // Test harnesses call /__mock/ between runs, seconds apart: a kept-alive socket the server closes just as the
        // client reuses it fails the call (ECONNRESET on a loaded machine). These replies close their connection.
        if (request.path.startsWith(INTROSPECTION_PREFIX)) res.shouldKeepAlive = false;
        if (!res.destroyed) writeResponse(res, reply, requestId, state.now());
      })
      .catch((err: unknown) => {
        log(req.method ?? '?', (req.url ?? '').split('?')[0] ?? '', 500, 'mock error');
        if (!res.headersSent && !res.destroyed) {
          writeResponse(res, { status: 500, body: { error_msg: `mock cloud error: ${(err as Error).message}`, error_code: 'APIG.0201', request_id: requestId }, verdict: 'error' }, requestId, state.now());
        } else res.destroy();
      });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        state.cancelDelays();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
