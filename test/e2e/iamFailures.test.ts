import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNewman } from '../../src/lib/newman/runNewman';
import { signerExecEntry } from '../../src/lib/signerBlock';
import { prerequestSource } from './helpers';

/**
 * IAM failures the way Newman hands them to the script, against real loopback servers: a refused connection, a
 * socket hang-up, a reply that is not HTTP, an IAM error reply, and a 16 KB X-Subject-Token that overflows Node's header limit. Each fails
 * the request closed with a title that names the failed step and a message with the error code in words and the
 * token URL: never "[object Object]", never the password. The advice for the large token is shown to work.
 */
const PASSWORD = 'pw-NEVER-PRINT-e2e-7788';
const BIG_TOKEN = 'MII' + 'b'.repeat(16 * 1024);

const servers: Server[] = [];
async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}
afterAll(async () => {
  for (const s of servers) s.closeAllConnections();
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

/** An IAM that issues BIG_TOKEN, and an API on the same port that echoes the length of the X-Auth-Token it got. */
const bigTokenIam = (req: IncomingMessage, res: ServerResponse): void => {
  req.resume();
  req.on('end', () => {
    if ((req.url ?? '').startsWith('/v3/auth/tokens')) {
      res.writeHead(201, { 'X-Subject-Token': BIG_TOKEN, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ token: { expires_at: '2099-01-01T00:00:00.000000Z' } }));
    } else {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ tokenLength: String(req.headers['x-auth-token'] ?? '').length }));
    }
  });
};

function collection(apiUrl: string): Record<string, unknown> {
  return {
    info: { name: 'iam failures', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [signerExecEntry(prerequestSource())] } }],
    item: [
      {
        name: 'call',
        request: { method: 'GET', url: `${apiUrl}/v1/servers` },
        event: [{ listen: 'test', script: { type: 'text/javascript', exec: ["pm.test('the API got the whole token', () => pm.expect(pm.response.json().tokenLength).to.equal(16387));"] } }],
      },
    ],
  };
}

function environment(iamUrl: string): Record<string, unknown> {
  const values = {
    HUAWEICLOUD_SDK_IAM_ENDPOINT: iamUrl,
    HUAWEICLOUD_USERNAME: 'alice',
    HUAWEICLOUD_PASSWORD: PASSWORD,
    HUAWEICLOUD_DOMAIN_NAME: 'acme',
    HUAWEICLOUD_PROJECT_NAME: 'cn-north-4',
    hwc_iam_timeout_ms: '5000',
  };
  return { name: 'iam', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) };
}

/** The script's one failure of a run, checked for what every such failure must (and must not) say. */
async function scriptFailure(iamUrl: string): Promise<{ test: string; message: string }> {
  const summary = await runNewman({ collection: collection('http://127.0.0.1:9'), environment: environment(iamUrl), reporters: [] });
  const ours = summary.run.failures.filter((f) => (f.error.test ?? '').startsWith('hwc-auth: '));
  expect(ours).toHaveLength(1);
  const failure = { test: ours[0]!.error.test!, message: ours[0]!.error.message };
  expect(failure.message).toContain(`(POST ${iamUrl}/v3/auth/tokens?nocatalog=true)`);
  for (const text of [failure.test, failure.message]) {
    expect(text).not.toContain('[object Object]');
    expect(text).not.toContain(PASSWORD);
  }
  return failure;
}

describe('IAM failures through Newman, against loopback servers', () => {
  it('connection refused: says so, with the code', async () => {
    const closed = await serve(() => undefined);
    await new Promise((resolve) => servers.pop()!.close(resolve)); // the port is free again: nothing listens
    const failure = await scriptFailure(closed);
    expect(failure.test).toBe(`hwc-auth: cannot reach IAM at ${closed.slice('http://'.length)}: check HUAWEICLOUD_SDK_IAM_ENDPOINT`);
    expect(failure.message).toMatch(/IAM token request failed: ECONNREFUSED: connection refused: nothing accepts connections/);
  });

  it('socket hang-up: IAM closed the connection without a reply', async () => {
    const iam = await serve((req) => req.socket.destroy());
    const failure = await scriptFailure(iam);
    expect(failure.test).toBe(`hwc-auth: no usable reply from IAM at ${iam.slice('http://'.length)}: check HUAWEICLOUD_SDK_IAM_ENDPOINT and proxies`);
    expect(failure.message).toMatch(/ECONNRESET: the server closed the connection without a reply \(socket hang up\)/);
  });

  it('a reply that is not HTTP', async () => {
    const iam = await serve((req) => {
      req.resume();
      req.on('end', () => req.socket.end('HTTP/1.1 2xx nonsense\r\n\r\n'));
    });
    const failure = await scriptFailure(iam);
    expect(failure.test).toMatch(/^hwc-auth: no usable reply from IAM at /);
    expect(failure.message).toMatch(/HPE_INVALID_STATUS: the reply is not valid HTTP/);
  });

  it('an IAM error reply: its status and its own message', async () => {
    const iam = await serve((req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: { code: 503, message: 'IAM is under maintenance until 02:00.', title: 'Service Unavailable' } }));
      });
    });
    const failure = await scriptFailure(iam);
    expect(failure.test).toBe('hwc-auth: IAM failed (HTTP 503): try again later');
    expect(failure.message).toMatch(/IAM answered 503 IAM is under maintenance until 02:00\./);
  });

  it('a 16 KB token overflows the header limit: the title says how to raise it, and that works', async () => {
    const iam = await serve(bigTokenIam);
    const failure = await scriptFailure(iam);
    expect(failure.test).toBe("hwc-auth: IAM's reply is too large for this client: run with NODE_OPTIONS=--max-http-header-size=65536");
    expect(failure.message).toMatch(/HPE_HEADER_OVERFLOW: the reply's headers are larger than this client accepts/);

    // plain Newman, as users run it, with and without the advice
    const dir = mkdtempSync(join(tmpdir(), 'hwc-iam-failures-'));
    try {
      writeFileSync(join(dir, 'c.json'), JSON.stringify(collection(iam)));
      writeFileSync(join(dir, 'e.json'), JSON.stringify(environment(iam)));
      const newman = (nodeOptions: string) =>
        new Promise<{ code: number; stdout: string }>((resolve) => {
          execFile(
            process.execPath,
            [require.resolve('newman/bin/newman.js'), 'run', join(dir, 'c.json'), '-e', join(dir, 'e.json'), '--reporters', 'cli', '--color', 'off'],
            { env: { ...process.env, NODE_OPTIONS: nodeOptions }, timeout: 60_000 },
            (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: unknown }).code ?? 1) : 0, stdout: stdout + stderr }),
          );
        });
      const without = await newman('');
      expect(without.code).toBe(1);
      expect(without.stdout).toContain("hwc-auth: IAM's reply is too large for this client");
      const raised = await newman('--max-http-header-size=65536');
      expect(raised.stdout).toContain('the API got the whole token');
      expect(raised.code).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
