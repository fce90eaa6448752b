import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { createHash } from 'node:crypto';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { cleanEnv, ensureBuilt, runCli, tempDir } from './helpers';

/**
 * `hwc-auth sign --curl`: the printed command, run by a real shell, is accepted by the mock gateway (which verifies
 * the signature from the raw bytes it received). It runs with a stand-in `curl` (Node, below) that sends exactly
 * the method, URL, headers and body it is given, so the test needs no curl; where a real curl is installed, the same
 * command runs with it too. Also: `sign` prints the URL as it goes on the wire, and warns about bodies over 12 MB.
 */
ensureBuilt();
jest.setTimeout(120_000);

const PROJECT = MOCK_PROJECTS[0].id;
const AKSK_ENV = { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };

/** The options `hwc-auth sign --curl` writes, plus -sS and -w for the test; prints the body, then "HTTP <status>". */
const FAKE_CURL = `#!/usr/bin/env node
const http = require('http');
const fs = require('fs');
const args = process.argv.slice(2);
let method, url, body;
const headers = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--globoff' || a === '--path-as-is' || a === '-sS') continue;
  if (a === '-w') { i++; continue; }
  if (a === '--head') method = 'HEAD';
  else if (a === '-X') method = args[++i];
  else if (a === '-H') {
    const h = args[++i];
    const colon = h.indexOf(':');
    const value = h.slice(colon + 1).trim();
    if (value !== '') headers.push([h.slice(0, colon), value]);
  } else if (a === '--data-binary' || a === '--data-raw') {
    const d = args[++i];
    body = a === '--data-binary' && d.startsWith('@') ? fs.readFileSync(d.slice(1)) : Buffer.from(d, 'utf8');
  } else if (a.startsWith('-')) { console.error('fake curl: unknown option ' + a); process.exit(2); }
  else url = a;
}
const m = /^http:\\/\\/([^/:]+):(\\d+)(\\/.*)?$/.exec(url);
const req = http.request({ host: m[1], port: Number(m[2]), path: m[3] || '/', method: method || (body ? 'POST' : 'GET'), setHost: false }, (res) => {
  const chunks = [];
  res.on('data', (c) => chunks.push(c));
  res.on('end', () => process.stdout.write(Buffer.concat(chunks).toString() + '\\nHTTP ' + res.statusCode + '\\n'));
});
for (const [n, v] of headers) req.setHeader(n, v);
req.end(body);
`;

const execFileAsync = promisify(execFile);
const REAL_CURL = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).stdout.trim();

describe('hwc-auth sign --curl, run against the mock', () => {
  let mock: MockCloud;
  const dir = tempDir('curl');
  const fakeBin = join(dir, 'bin');

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    execFileSync('mkdir', ['-p', fakeBin]);
    writeFileSync(join(fakeBin, 'curl'), FAKE_CURL);
    chmodSync(join(fakeBin, 'curl'), 0o755);
  });
  afterAll(() => mock.close());

  /**
   * Runs the printed command with sh (asynchronously: the mock answers from this process), with the stand-in curl
   * and with the real one when installed.
   */
  async function runPrinted(command: string, env: Record<string, string> = {}): Promise<Array<{ curl: string; status: number; reply: Record<string, unknown> }>> {
    const withOutput = `${command.trimEnd()} -sS -w '\\nHTTP %{http_code}\\n'`;
    const curls: Array<[string, string]> = [['stand-in', `${fakeBin}:${process.env.PATH ?? ''}`]];
    if (REAL_CURL) curls.push(['real curl', process.env.PATH ?? '']);
    const results = [];
    for (const [curl, path] of curls) {
      const { stdout: out } = await execFileAsync('sh', ['-c', withOutput], { encoding: 'utf8', env: cleanEnv({ ...env, PATH: path }), cwd: dir, timeout: 30_000 });
      const m = /([\s\S]*)\nHTTP (\d+)\n$/.exec(out);
      if (!m) throw new Error(`${curl}: unexpected output ${out}`);
      results.push({ curl, status: Number(m[2]), reply: JSON.parse(m[1]!) as Record<string, unknown> });
    }
    return results;
  }

  async function signCurl(args: string[], env: Record<string, string> = AKSK_ENV): Promise<string> {
    const r = await runCli(['sign', '--curl', ...args], { env });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout;
  }

  it('GET with characters to encode in the path and query: accepted', async () => {
    const command = await signCurl(['--url', `${mock.url}/v1/${PROJECT}/vpcs/my vpc?limit=2&name=a b&tag=ü`]);
    expect(command).toContain(`'${mock.url}/v1/${PROJECT}/vpcs/my%20vpc?limit=2&name=a%20b&tag=%C3%BC'`);
    expect(command).toMatch(/^# Signed for X-Sdk-Date \d{8}T\d{6}Z: the gateway accepts it until .*Z \(15 minutes\)/);
    expect(command).not.toContain(MOCK_AKSK.sk);
    for (const r of await runPrinted(command)) {
      expect([r.curl, r.status, r.reply.auth, r.reply.path]).toEqual([r.curl, 200, 'aksk', `/v1/${PROJECT}/vpcs/my%20vpc`]);
    }
  });

  it('POST with a JSON body holding a quote (--data): accepted, body hashed as sent', async () => {
    const body = `{"vpc": {"name": "it's mine", "cidr": "192.168.0.0/16"}}`;
    const command = await signCurl(['-X', 'POST', '--url', `${mock.url}/v1/${PROJECT}/vpcs`, '-H', 'Content-Type: application/json', '--data', body]);
    expect(command).toContain('--data-binary ');
    for (const r of await runPrinted(command)) {
      expect([r.curl, r.status, r.reply.auth]).toEqual([r.curl, 200, 'aksk']);
      expect(r.reply.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));
    }
  });

  it('PUT of a binary file (--data-file), no Content-Type: accepted, bytes as they are', async () => {
    const file = join(dir, 'blob.bin');
    const bytes = Buffer.from([0, 1, 2, 0xff, 0xfe, 0x0d, 0x0a, 0x27, 0x40]);
    writeFileSync(file, bytes);
    const command = await signCurl(['-X', 'PUT', '--url', `${mock.url}/v1/${PROJECT}/objects/blob`, '--data-file', file]);
    expect(command).toContain(`--data-binary @${file}`);
    expect(command).toContain('-H Content-Type: \\\n');
    for (const r of await runPrinted(command)) {
      expect([r.curl, r.status, r.reply.auth, r.reply.bodyLength]).toEqual([r.curl, 200, 'aksk', bytes.length]);
    }
  });

  it('temporary credentials: the security token comes from the shell, never printed', async () => {
    const tokenReply = await fetch(`${mock.url}/v3/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: { methods: ['password'], password: { user: { name: MOCK_ACCOUNT.user.name, password: MOCK_ACCOUNT.user.password, domain: { name: MOCK_ACCOUNT.domainName } } } },
          scope: { project: { id: PROJECT } },
        },
      }),
    });
    const temp = await fetch(`${mock.url}/v3.0/OS-CREDENTIAL/securitytokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Auth-Token': tokenReply.headers.get('x-subject-token') ?? '' },
      body: JSON.stringify({ auth: { identity: { methods: ['token'], token: { duration_seconds: 900 } } } }),
    });
    const { credential } = (await temp.json()) as { credential: { access: string; secret: string; securitytoken: string } };
    const env = { HUAWEICLOUD_SDK_AK: credential.access, HUAWEICLOUD_SDK_SK: credential.secret, HUAWEICLOUD_SDK_SECURITY_TOKEN: credential.securitytoken, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };
    const command = await signCurl(['--url', `${mock.url}/v1/${PROJECT}/vpcs`], env);
    expect(command).toContain('-H "X-Security-Token: $HUAWEICLOUD_SDK_SECURITY_TOKEN"');
    for (const secret of [credential.secret, credential.securitytoken]) expect(command).not.toContain(secret);
    for (const r of await runPrinted(command, { HUAWEICLOUD_SDK_SECURITY_TOKEN: credential.securitytoken })) {
      expect([r.curl, r.status, r.reply.auth, r.reply.temporary]).toEqual([r.curl, 200, 'aksk', true]);
    }
  });
});

describe('hwc-auth sign: the URL as sent, the 12 MB limit', () => {
  it('--explain prints the URL to send, encoded as the script encodes it', async () => {
    const r = await runCli(['sign', '--explain', '--date', '20200101T000000Z', '--url', 'https://h.example.com/a b/ü?q=x y&flag'], { env: AKSK_ENV });
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('## URL to send (encoded; the URL signed)\nhttps://h.example.com/a%20b/%C3%BC?q=x%20y&flag\n')).toBe(true);
    expect(r.stdout).toContain('\n/a%20b/%C3%BC/\nflag=&q=x%20y\n');
  });

  it('without --explain, says on stderr which URL was signed when it differs from the one given', async () => {
    const r = await runCli(['sign', '--url', 'https://h.example.com/a b'], { env: AKSK_ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('hwc-auth: warning: signed for the URL as it goes on the wire, https://h.example.com/a%20b: send exactly that URL\n');
  });

  it('a body over 12 MB gets the script\'s words as a warning (the gateway would answer 413)', async () => {
    const file = join(tempDir('big'), 'big.bin');
    writeFileSync(file, Buffer.alloc(12 * 1024 * 1024 + 1, 0x61));
    const r = await runCli(['sign', '-X', 'PUT', '--url', 'https://h.example.com/o', '--data-file', file], { env: AKSK_ENV });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(
      'hwc-auth: warning: body too large for AK/SK signing, use token auth: the body is 12582913 bytes; AK/SK-signed requests are ' +
        'limited to 12582912 bytes (12 MB) by the API gateway: use token auth for large bodies (set hwc_auth_mode=token)\n',
    );
    const small = await runCli(['sign', '-X', 'PUT', '--url', 'https://h.example.com/o', '--data', 'x'.repeat(1000)], { env: AKSK_ENV });
    expect(small.stderr).toBe('');
  });
});
