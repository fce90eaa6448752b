import { PassThrough } from 'node:stream';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { maskStreams } from '../../src/lib/mask/maskStreams';
import { isSecretName, MASK, Redactor, secretLeaves } from '../../src/lib/mask/redact';
import { ensureBuilt, runCli } from '../cli/helpers';

/** The masking primitives behind `hwc-auth run`, and the CI examples' use of the CLI. */
describe('Redactor', () => {
  it('masks a secret in its raw, JSON, XML and URL-encoded forms, longest first', () => {
    const r = new Redactor();
    r.add('pa"ss&w/rd<1>');
    r.add('pa"ss');
    const text = ['pa"ss&w/rd<1>', JSON.stringify('pa"ss&w/rd<1>'), 'pa&quot;ss&amp;w/rd&lt;1&gt;', encodeURIComponent('pa"ss&w/rd<1>')].join(' ');
    expect(r.mask(text)).toBe(`${MASK} "${MASK}" ${MASK} ${MASK}`);
  });

  it('ignores values too short to mask, and non-strings', () => {
    const r = new Redactor();
    expect(r.add('abc')).toBe(false);
    expect(r.add(undefined)).toBe(false);
    expect(r.add(42)).toBe(false);
    expect(r.mask('abc')).toBe('abc');
  });

  it('knows which variable names hold secrets', () => {
    for (const n of ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_PASSWORD', 'hwc_token_cache', 'db_password', 'client_secret']) {
      expect(isSecretName(n)).toBe(true);
    }
    for (const n of ['HUAWEICLOUD_SDK_AK', 'HUAWEICLOUD_SDK_PROJECT_ID', 'hwc_token_scope', 'hwc_token_refresh_margin', 'baseUrl', 'HUAWEICLOUD_USERNAME']) {
      expect(isSecretName(n)).toBe(false);
    }
  });

  it('a token cache yields the tokens inside it; a temporary credential reply its secret and security token', () => {
    const r = new Redactor();
    r.addVariable('hwc_token_cache', JSON.stringify({ v: 1, entries: { 'id-1': { token: 'MIItoken-value-1', expiresAt: '2030-01-01T00:00:00Z' } } }));
    expect(r.mask('X-Auth-Token: MIItoken-value-1')).toBe(`X-Auth-Token: ${MASK}`);
    expect(r.mask('2030-01-01T00:00:00Z')).toBe('2030-01-01T00:00:00Z');
    expect(secretLeaves(JSON.stringify({ credential: { access: 'AK', secret: 'temp-sk-1', securitytoken: 'st-1', expires_at: 'x' } }))).toEqual(['temp-sk-1', 'st-1']);
    expect(secretLeaves('not json')).toEqual([]);
  });

  it('maskDeep masks strings inside event payloads in place', () => {
    const r = new Redactor();
    r.add('s3cret-value');
    const payload = { messages: ['a s3cret-value', { nested: ['s3cret-value'] }], n: 1 };
    r.maskDeep(payload);
    expect(payload).toEqual({ messages: [`a ${MASK}`, { nested: [MASK] }], n: 1 });
  });

  it('maskStreams masks a secret split across two writes, and flushes the last partial line on restore', () => {
    const r = new Redactor();
    r.add('split-secret-value');
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    const chunks: string[] = [];
    (stream as unknown as PassThrough).on('data', (b: Buffer) => chunks.push(b.toString()));
    const restore = maskStreams(r, [stream]);
    stream.write('one split-sec');
    stream.write('ret-value two\nthree split-secret-');
    stream.write(Buffer.from('value'));
    restore();
    expect(chunks.join('')).toBe(`one ${MASK} two\nthree ${MASK}`);
  });

  it('maskStreams passes a line redrawn with \\r at once, and stays linear for a long line written in small pieces', () => {
    const r = new Redactor();
    r.add('split-secret-value');
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    const chunks: string[] = [];
    (stream as unknown as PassThrough).on('data', (b: Buffer) => chunks.push(b.toString()));
    const restore = maskStreams(r, [stream]);
    stream.write('progress 1/2 split-secret-value\r');
    expect(chunks.join('')).toBe(`progress 1/2 ${MASK}\r`);
    const start = Date.now();
    for (let i = 0; i < 200_000; i++) stream.write('xxxxxxxx');
    stream.write('split-secret-');
    stream.write('value\n');
    expect(Date.now() - start).toBeLessThan(5000);
    restore();
    expect(chunks.join('')).toBe(`progress 1/2 ${MASK}\r${'xxxxxxxx'.repeat(200_000)}${MASK}\n`);
  });
});

describe('CI examples', () => {
  beforeAll(() => ensureBuilt());

  it.each(['github-actions.yml', 'gitlab-ci.yml'])('%s runs `npx hwc-auth run` with options hwc-auth has, secrets from the environment', async (file) => {
    const text = readFileSync(join(__dirname, '..', '..', 'examples', file), 'utf8');
    const command = /npx hwc-auth run([\s\S]*?)(?:\n\s*(?:-|artifacts:|[a-z_]+:)\s|$)/.exec(text)?.[1] ?? '';
    expect(command).toContain('.postman_collection.json');
    const help = (await runCli(['run', '--help'])).stdout;
    const options = command.match(/(?<=\s)--?[a-zA-Z][\w-]*/g) ?? [];
    expect(options.length).toBeGreaterThan(2);
    for (const option of options) expect(help).toMatch(new RegExp(`(^|[ ,])${option}[ ,]`, 'm'));
    expect(command).not.toMatch(/HUAWEICLOUD_SDK_SK|PASSWORD|--env-var HUAWEICLOUD/);
  });
});

describe('the temporary credential cache and AppCodes', () => {
  it('masks hwc_temporary_cache whole and the secret and security token inside it, not the temporary AK', () => {
    const cache = JSON.stringify({ '["k"]': { access: 'TMPACCESSKEY0001', secret: 'temporary-secret-0001', securityToken: 'security-token-0001', expiresAt: 1 } });
    const r = new Redactor();
    r.addVariable('hwc_temporary_cache', cache);
    expect(r.mask(`x ${cache} y`)).toBe(`x ${MASK} y`);
    expect(r.mask('sk=temporary-secret-0001 token=security-token-0001 ak=TMPACCESSKEY0001')).toBe(`sk=${MASK} token=${MASK} ak=TMPACCESSKEY0001`);
  });

  it('treats the app secret, the AppCode and the X-Apig-AppCode header as secrets', () => {
    expect(isSecretName('HUAWEICLOUD_APIG_APP_SECRET')).toBe(true);
    expect(isSecretName('HUAWEICLOUD_APIG_APP_CODE')).toBe(true);
    const r = new Redactor();
    r.addHeader('X-Apig-AppCode', 'app-code-value-0001');
    expect(r.mask('X-Apig-AppCode: app-code-value-0001')).toBe(`X-Apig-AppCode: ${MASK}`);
  });
});
