import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, ensureBuilt, hasRealSigner, PLACEHOLDER_SIGNER, runCli, SIGNER, tempDir, writeJson } from './helpers';

/** hwc-auth's surface: help, version, print, and the documented exit codes (0 ok, 1 failures, 2 usage). */
ensureBuilt();

describe('hwc-auth binary', () => {
  const dir = tempDir('cli');
  const placeholder = join(dir, 'prerequest.js');
  writeFileSync(placeholder, PLACEHOLDER_SIGNER);
  const scriptEnv = hasRealSigner() ? {} : { HWC_AUTH_SCRIPT: placeholder };
  const expectedScript = hasRealSigner() ? readFileSync(SIGNER, 'utf8') : PLACEHOLDER_SIGNER;

  it('--help lists every command and the exit codes, exit 0', async () => {
    const r = await runCli(['--help']);
    expect(r.code).toBe(0);
    for (const cmd of ['print', 'inject', 'run', 'mock', 'sign', 'doctor']) expect(r.stdout).toMatch(new RegExp(`^  ${cmd}\\b`, 'm'));
    expect(r.stdout).toContain('Exit codes:');
    expect(r.stdout).toMatch(/2 +usage or configuration error/);
  });

  it.each(['print', 'inject', 'run', 'mock', 'sign', 'doctor'])('%s --help describes the command, exit 0', async (cmd) => {
    const r = await runCli([cmd, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: hwc-auth ${cmd}`);
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('print writes the built script to stdout byte for byte', async () => {
    const r = await runCli(['print'], { env: scriptEnv });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expectedScript);
    expect(r.stderr).toBe('');
  });

  it('print prints the paste form (four lines); print --readable the readable build byte for byte', async () => {
    const readablePath = join(__dirname, '..', '..', 'dist', 'prerequest.readable.js');
    if (!hasRealSigner()) throw new Error('dist/prerequest.js is missing: run npm run build');
    const paste = await runCli(['print']);
    expect(paste.stdout.trimEnd().split('\n')).toHaveLength(4);
    const readable = await runCli(['print', '--readable']);
    expect(readable.code).toBe(0);
    expect(readable.stdout).toBe(readFileSync(readablePath, 'utf8'));
    expect(readable.stdout.split('\n').length).toBeGreaterThan(500);
  });

  it('print --post-response prints the post-response script: the paste form (four lines), or --readable byte for byte', async () => {
    const dist = join(__dirname, '..', '..', 'dist');
    if (!hasRealSigner()) throw new Error('dist/prerequest.js is missing: run npm run build');
    const paste = await runCli(['print', '--post-response']);
    expect(paste.code).toBe(0);
    expect(paste.stdout).toBe(readFileSync(join(dist, 'postresponse.js'), 'utf8'));
    expect(paste.stdout.trimEnd().split('\n')).toHaveLength(4);
    expect(paste.stdout).toMatch(/^"use sandbox2";\/\*! huaweicloud-postman-auth [^\n]*: the post-response script/);
    const readable = await runCli(['print', '--post-response', '--readable']);
    expect(readable.stdout).toBe(readFileSync(join(dist, 'postresponse.readable.js'), 'utf8'));
    const missing = await runCli(['print', '--post-response'], { env: { HWC_AUTH_POST_RESPONSE_SCRIPT: join(dir, 'missing.js') } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/post-response script is missing/);
  });

  it('print into a pipe its reader closes early (`hwc-auth print | head -2`) ends quietly, exit 0', async () => {
    const child = spawn(process.execPath, [CLI, 'print', '--readable'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    // Close our end of the pipe before reading, as head does once it has its lines.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('print without a built script is a configuration error (2)', async () => {
    const r = await runCli(['print'], { env: { HWC_AUTH_SCRIPT: join(dir, 'missing.js') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/pre-request script is missing/);
  });

  it.each([
    [['bogus'], /unknown command/],
    [['run'], /missing required argument/],
    [['run', 'x.json', '--no-such-flag'], /unknown option/],
    [['run', 'x.json', '-n', 'zero'], /--iteration-count must be an integer/],
    [['sign'], /required option '--url <url>'/],
  ])('usage error %j exits 2', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('run with a missing collection file exits 2 and names the file', async () => {
    const r = await runCli(['run', join(dir, 'nope.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read collection');
  });

  it('run refuses a non-v2 collection (2) before running anything', async () => {
    const v1 = writeJson(join(dir, 'v1.json'), { id: 'x', name: 'old', requests: [] });
    const r = await runCli(['run', v1], { env: scriptEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a Postman Collection v2\.x/);
  });

  it.each(['print', 'inject', 'run', 'mock', 'sign', 'doctor'])('%s --help says what each exit code means, as docs/cli.md\'s table does', async (cmd) => {
    const help = (await runCli([cmd, '--help'])).stdout;
    const block = help.slice(help.indexOf('\nExit codes:\n'));
    const meaning = (code: number): string => new RegExp(`^  ${code}  (.+)$`, 'm').exec(block)?.[1] ?? '';
    const [ok, failed, usage] = [meaning(0), meaning(1), meaning(2)];
    expect(ok).not.toBe('');
    expect(failed).toMatch(/an unexpected error$/);
    expect(usage).not.toBe('');
    const docs = readFileSync(join(__dirname, '..', '..', 'docs', 'cli.md'), 'utf8');
    expect(docs).toContain(`| \`${cmd}\` | ${ok} | ${failed} | ${usage} |\n`);
  });

  it('run says that missing credentials are failures (1), as they are: the requests fail closed', async () => {
    const help = (await runCli(['run', '--help'])).stdout;
    expect(help).toMatch(/^  1  .*the signer refused to send \(missing credentials/m);
    expect(help).not.toMatch(/^  2  .*credentials/m);
  });
});
