import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { formatSdkDate, signRequest } from '../../src/core';
import { MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { ensureBuilt, runCli, tempDir } from './helpers';

/**
 * `hwc-auth doctor` on real-looking gateway answers: the mock gateway's own APIGW.0301 replies to a request whose
 * header changed after signing, or that was signed with a wrong SK; the request given as the sign flags or a file.
 */
ensureBuilt();

const [CN] = MOCK_PROJECTS;
const dir = tempDir('doctor');
let mock: MockCloud;
beforeAll(async () => {
  mock = await startMockCloud({ quiet: true });
});
afterAll(() => mock.close());

/** Signs with the core, sends with some headers replaced after signing, returns the gateway's raw reply. */
async function refusedReply(opts: { sk?: string; tamper?: Record<string, string> }): Promise<{ body: string; date: string; host: string; path: string }> {
  const path = `/v1/${CN.id}/vpcs?limit=2&marker=a%20b`;
  const date = formatSdkDate(Date.now());
  const signed = signRequest(
    { method: 'GET', url: mock.url + path, headers: [['Content-Type', 'application/json'], ['X-Trace', 'a']] },
    { ak: MOCK_AKSK.ak, sk: opts.sk ?? MOCK_AKSK.sk, projectId: CN.id },
    { sdkDate: date, crypto: nodeCrypto },
  );
  const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Trace': 'a' };
  for (const [n, v] of signed.headers) headers[n] = v;
  Object.assign(headers, opts.tamper ?? {});
  const body = await new Promise<string>((resolve, reject) => {
    const r = httpRequest({ host: '127.0.0.1', port: mock.port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
    r.on('error', reject);
    r.end();
  });
  return { body, date, host: new URL(mock.url).host, path };
}

const flags = (host: string, path: string): string[] => [
  '--url', `http://${host}${path}`, '-H', 'Content-Type: application/json', '-H', 'X-Trace: a', '-H', `X-Project-Id: ${CN.id}`,
  // Postman adds these unsigned; the doctor signs only what the gateway lists as signed
  '-H', 'User-Agent: PostmanRuntime/7.39.1', '-H', 'Accept: */*',
];

describe('hwc-auth doctor', () => {
  it('names the header changed after signing and both values (APIGW.0301 from the mock, request as sign flags)', async () => {
    const reply = await refusedReply({ tamper: { 'X-Trace': 'b' } });
    expect(JSON.parse(reply.body).error_msg).toMatch(/verify aksk signature fail, canonicalRequest:GET\|/);
    const r = await runCli(['doctor', '--message', reply.body, ...flags(reply.host, reply.path)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'hwc-auth doctor: header x-trace differs: signed "a", the gateway received "b": a script or proxy changed it after signing',
    );
    expect(r.stdout).toMatch(/header x-trace +"a" \| "b" +<- first difference/);
    expect(r.stdout).toMatch(/query +"limit=2&marker=a%20b" \(same\)/);
  });

  it('a wrong SK: everything matches (the request given as HTTP text in a file, the message as the bare error_msg)', async () => {
    const reply = await refusedReply({ sk: 'NotTheMockSecretKey-0000000000000000000' });
    const messageFile = join(dir, 'message.txt');
    writeFileSync(messageFile, JSON.parse(reply.body).error_msg);
    const requestFile = join(dir, 'request.http');
    writeFileSync(
      requestFile,
      [`GET ${reply.path} HTTP/1.1`, `Host: ${reply.host}`, 'Content-Type: application/json', 'X-Trace: a', `X-Project-Id: ${CN.id}`, `X-Sdk-Date: ${reply.date}`, 'Accept: */*', '', ''].join('\r\n'),
    );
    const r = await runCli(['doctor', '--message-file', messageFile, '--request', requestFile]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('hwc-auth doctor: everything matches: the SK does not belong to this AK');
    expect(r.stdout).not.toContain('<- first difference');
  });

  it('a changed body: the payload hash differs', async () => {
    const reply = await refusedReply({});
    // the mock accepted this one; fake a refusal quoting its canonical request with another body hash
    const quoted = JSON.parse(reply.body).canonicalRequest.replace(/\n/g, '|').replace(/[0-9a-f]{64}$/, '2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    const r = await runCli(['doctor', '--message', `verify aksk signature fail, canonicalRequest:${quoted}`, ...flags(reply.host, reply.path)]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^hwc-auth doctor: payload hash differs: the body changed after signing/);
  });

  it('signature expired: says how far the clock is off', async () => {
    const r = await runCli([
      'doctor',
      '--message',
      '{"error_msg":"Incorrect IAM authentication information: signature expired, signature time:20240102T030405Z, server time:20240102T032418Z","error_code":"APIGW.0301"}',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe("hwc-auth doctor: signature expired: your clock is 20 min 13 s behind the gateway's: sync this machine's clock");
  });

  it('exit 1 when nothing can be compared or named; exit 2 without a message', async () => {
    const reply = await refusedReply({ tamper: { 'X-Trace': 'b' } });
    const noRequest = await runCli(['doctor', '--message', reply.body]);
    expect(noRequest.code).toBe(1);
    expect(noRequest.stdout).toMatch(/give the request \(--url/);
    const unknown = await runCli(['doctor', '--message', '{"error_msg":"The API does not exist.","error_code":"APIG.0101"}']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toMatch(/^hwc-auth doctor: nothing to diagnose/);
    const none = await runCli(['doctor', '--url', 'http://x/']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/--message/);
  });
});
