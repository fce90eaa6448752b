import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadPublishedVectors } from '../vectors/published';
import { ensureBuilt, runCli, tempDir } from './helpers';

/** `hwc-auth sign`, checked against Huawei's published guide example (the repo copy of shared/vectors/published.json). */
ensureBuilt();

const vectors = loadPublishedVectors();
const guide = vectors.find((v) => v.name === 'guide example');
if (!guide?.request) throw new Error('guide example vector not found');
const request = guide.request;

function signArgs(extra: string[] = []): string[] {
  return [
    'sign',
    '--explain',
    '--method',
    request.method,
    '--url',
    request.url,
    ...Object.entries(request.headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]),
    '--date',
    guide!.sdkDate,
    ...extra,
  ];
}

function section(output: string, title: string): string {
  const start = output.indexOf(`## ${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const rest = output.slice(start + title.length + 4);
  const end = rest.indexOf('\n## ');
  return end < 0 ? rest : rest.slice(0, end);
}

describe('hwc-auth sign --explain', () => {
  it('gives the guide example\'s Authorization, with every intermediate, SK nowhere', async () => {
    const r = await runCli(signArgs(), { env: { HUAWEICLOUD_SDK_AK: guide.ak, HUAWEICLOUD_SDK_SK: guide.sk } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Authorization: ${guide.authorization as string}\n`);
    const cr = section(r.stdout, 'Canonical request').replace(/\n$/, '');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(cr).digest('hex')).toBe(guide.canonicalRequestSha256);
    expect(section(r.stdout, 'String to sign')).toBe(`SDK-HMAC-SHA256\n${guide.sdkDate}\n${guide.canonicalRequestSha256}\n`);
    expect(section(r.stdout, 'Signed headers').trim()).toBe('content-type;host;x-sdk-date');
    expect(r.stdout).toContain(`X-Sdk-Date: ${guide.sdkDate}\n`);
    expect(r.stdout).toContain('Host: service.region.example.com\n');
    expect(r.stdout).not.toContain(guide.sk);
  });

  it('without --explain prints only the headers to send', async () => {
    const args = signArgs().filter((a) => a !== '--explain');
    const r = await runCli(args, { env: { HUAWEICLOUD_SDK_AK: guide.ak, HUAWEICLOUD_SDK_SK: guide.sk } });
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([
      'Content-Type: application/json',
      'Host: service.region.example.com',
      `X-Sdk-Date: ${guide.sdkDate}`,
      `Authorization: ${guide.authorization as string}`,
    ]);
  });

  it('masks the security token and an X-Auth-Token everywhere, while signing them', async () => {
    const token = 'TempSecurityToken-0123456789abcdef';
    const authToken = 'MIIAuthTokenValue-zyxwvu9876543210';
    const r = await runCli(signArgs(['-H', `X-Auth-Token: ${authToken}`]), {
      env: { HUAWEICLOUD_SDK_AK: guide.ak, HUAWEICLOUD_SDK_SK: guide.sk, HUAWEICLOUD_SDK_SECURITY_TOKEN: token, HUAWEICLOUD_SDK_PROJECT_ID: 'p1' },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('x-security-token:***\n');
    expect(r.stdout).toContain('X-Security-Token: ***\n');
    expect(r.stdout).toContain('X-Auth-Token: ***\n');
    expect(r.stdout).toContain('X-Project-Id: p1\n');
    expect(r.stdout).toMatch(/SignedHeaders=content-type;host;x-auth-token;x-project-id;x-sdk-date;x-security-token,/);
    for (const secret of [token, authToken, guide.sk]) expect(r.stdout + r.stderr).not.toContain(secret);
  });

  it('hashes --data and --data-file bodies the same way', async () => {
    const dir = tempDir('sign');
    const file = join(dir, 'body.json');
    writeFileSync(file, '{"a":1}');
    const env = { HUAWEICLOUD_SDK_AK: guide.ak, HUAWEICLOUD_SDK_SK: guide.sk };
    const base = ['sign', '--explain', '-X', 'POST', '--url', 'https://x.example.com/v1/a', '--date', '20200101T000000Z'];
    const a = await runCli([...base, '--data', '{"a":1}'], { env });
    const b = await runCli([...base, '--data-file', file], { env });
    expect(a.code).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const { createHash } = await import('node:crypto');
    expect(section(a.stdout, 'Payload hash').trim()).toBe(createHash('sha256').update('{"a":1}').digest('hex'));
  });

  it.each([
    [{}, ['--url', 'https://x.example.com/'], /set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK/],
    [{ HUAWEICLOUD_SDK_AK: 'a', HUAWEICLOUD_SDK_SK: 'secretsecret' }, ['--url', 'https://x.example.com/', '--date', '2019-11-15'], /--date must be YYYYMMDDTHHMMSSZ/],
    [{ HUAWEICLOUD_SDK_AK: 'a', HUAWEICLOUD_SDK_SK: 'secretsecret' }, ['--url', '/relative'], /absolute http\(s\) URL/],
    [{ HUAWEICLOUD_SDK_AK: 'a', HUAWEICLOUD_SDK_SK: 'secretsecret' }, ['--url', 'https://x.example.com/', '-H', 'no colon'], /-H header #1 is not 'Name: value' \(no colon\)/],
    [{ HUAWEICLOUD_SDK_AK: 'a', HUAWEICLOUD_SDK_SK: 'secretsecret' }, ['--url', 'https://x.example.com/', '--data-file', '/nonexistent/x'], /cannot read --data-file/],
  ])('configuration error exits 2 (%j %j)', async (env, args, message) => {
    const r = await runCli(['sign', ...args], { env });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toContain('secretsecret');
  });
});
