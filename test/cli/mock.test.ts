import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS } from '../../src/mock';
import { CLI, cleanEnv, ensureBuilt, ROOT, runCli } from './helpers';

/**
 * One mock launcher: `hwc-auth mock` and `npm run mock` (scripts/mock.ts) run the same code with the same default
 * port, 9080. The tests never take that port: they pass --port 0 (a free one), so parallel runs do not clash.
 */
beforeAll(() => ensureBuilt());

/** Starts a launcher, waits for its URL, checks the mock answers, stops it with SIGTERM; resolves what it saw. */
function startStop(command: string, args: string[], port = ''): Promise<{ firstLine: string; banner: string; stats: number; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: cleanEnv({ PORT: port }), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let firstLine = '';
    let stats = 0;
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
      if (url && !firstLine) {
        firstLine = out.split('\n')[0] ?? '';
        fetch(`${url}/__mock/stats`).then(
          (r) => {
            stats = r.status;
            child.kill('SIGTERM');
          },
          (e: unknown) => {
            child.kill('SIGKILL');
            reject(e as Error);
          },
        );
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (!firstLine) reject(new Error(`no URL printed; stdout: ${out} stderr: ${err}`));
      else resolve({ firstLine, banner: out, stats, code });
    });
  });
}

describe('the mock launcher', () => {
  it('hwc-auth mock --help gives the one default port, 9080, and 0 for a free one', async () => {
    const r = await runCli(['mock', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--port <port>\s+port to listen on \(0 picks a free one\) \(default: 9080\)/);
  });

  it('hwc-auth mock --port 0 serves the mock on a free port until SIGTERM, then exits 0', async () => {
    const r = await startStop(process.execPath, [CLI, 'mock', '--port', '0', '--quiet']);
    expect(r.firstLine).toMatch(/^hwc-auth: mock Huawei Cloud listening on http:\/\/127\.0\.0\.1:\d+ \(Ctrl\+C to stop\)$/);
    expect(r.firstLine).not.toMatch(/:9080\b/);
    expect(r.stats).toBe(200);
    expect(r.code).toBe(0);
  });

  it('npm run mock (scripts/mock.ts) is the same launcher: same banner; PORT=0 (no --port) picks a free port', async () => {
    const r = await startStop(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'mock.ts'), '-q'], '0');
    expect(r.firstLine).toMatch(/^hwc-auth: mock Huawei Cloud listening on http:\/\/127\.0\.0\.1:\d+ \(Ctrl\+C to stop\)$/);
    expect(r.firstLine).not.toMatch(/:9080\b/);
    expect(r.stats).toBe(200);
    expect(r.code).toBe(0);
  });

  it('prints the test credentials it accepts (the installed package has no src/mock/fixtures.ts)', async () => {
    const r = await startStop(process.execPath, [CLI, 'mock', '--port', '0', '--quiet']);
    expect(r.banner).not.toContain('fixtures.ts');
    for (const value of [MOCK_AKSK.ak, MOCK_AKSK.sk, MOCK_ACCOUNT.user.name, MOCK_ACCOUNT.user.password, MOCK_ACCOUNT.domainName, MOCK_PROJECTS[0].id, MOCK_PROJECTS[0].name]) {
      expect(r.banner).toContain(value);
    }
    expect(r.banner).toContain(`HUAWEICLOUD_SDK_AK=${MOCK_AKSK.ak} HUAWEICLOUD_SDK_SK=${MOCK_AKSK.sk}\n`);
  });

  it.each(['99999', '-1', 'http'])('--port %s is a usage error: exit 2 with our message, nothing started', async (value) => {
    const r = await runCli(['mock', '--port', value]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--port must be a port number from 0 to 65535 (0: a free one)');
    expect(r.stdout).toBe('');
  });

  it('a port in use: exit 2, saying so', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const { port } = taken.address() as AddressInfo;
    try {
      const r = await runCli(['mock', '--port', String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`hwc-auth: port ${port} is in use: stop what listens there, or pick another with --port (0: a free one)\n`);
    } finally {
      taken.close();
    }
  });
});
