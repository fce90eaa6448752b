import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A token as large as real IAM tokens (over 8 KB), so both sides of a comparison carry the same header. */
const TOKEN = 'MII' + 'A'.repeat(10237);

/**
 * A loopback HTTP server that drains each body and answers 200 {}: the cheapest possible far end, the same for the
 * measured script and its baseline. It also answers POST /v3/auth/tokens like IAM (201, X-Subject-Token), counted.
 */
export async function startLoopbackServer(): Promise<{ url: string; iamCalls(): number; close(): Promise<void> }> {
  let iamCalls = 0;
  const server: Server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    req.on('data', () => undefined);
    req.on('end', () => {
      if (req.method === 'POST' && req.url?.startsWith('/v3/auth/tokens')) {
        iamCalls++;
        const expiresAt = new Date(Date.now() + 24 * 3600_000).toISOString().replace('Z', '000Z');
        res.writeHead(201, { 'Content-Type': 'application/json', 'X-Subject-Token': TOKEN });
        res.end(JSON.stringify({ token: { expires_at: expiresAt } }));
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    iamCalls: () => iamCalls,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
