import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARKER_BEGIN, MARKER_END, RESPONSE_MARKER_BEGIN, RESPONSE_MARKER_END } from '../../src/lib/inject';
import { NON_LEGACY_LINE } from '../../src/lib/signerBlock';
import { collection, ensureBuilt, getItem, hasRealSigner, PLACEHOLDER_SIGNER, readJson, ROOT, runCli, SIGNER, tempDir, writeJson } from './helpers';

/** `hwc-auth inject`: idempotent, keeps the collection's own code (first), ids and order; refuses non-v2. */
ensureBuilt();

interface Event {
  listen: string;
  script: { id?: string; type?: string; exec: string[] };
}
interface Collection {
  info: Record<string, unknown>;
  item: Array<{ id: string; name: string }>;
  event: Event[];
  variable?: unknown[];
}

const dir = tempDir('inject');
const placeholder = join(dir, 'prerequest.js');
writeFileSync(placeholder, PLACEHOLDER_SIGNER);
const placeholderResponse = join(dir, 'postresponse.js');
writeFileSync(placeholderResponse, PLACEHOLDER_SIGNER.replace('pre-request', 'post-response'));
const scriptEnv = hasRealSigner() ? {} : { HWC_AUTH_SCRIPT: placeholder, HWC_AUTH_POST_RESPONSE_SCRIPT: placeholderResponse };
const scriptText = hasRealSigner() ? readFileSync(SIGNER, 'utf8') : PLACEHOLDER_SIGNER;
/**
 * The script as injected: the banner's build commit dropped, like the collection generator does, and the non-legacy
 * marker the built script starts with (inject puts it first in the script box instead, when the block is alone there).
 */
const unmarked = (text: string): string => text.replace(/^"use sandbox2";/, '');
const scriptLines = unmarked(scriptText).replace(/ \(commit [0-9a-f]+(\+dirty)?\)/, '').replace(/\n+$/, '').split('\n');
/** The signer as inject writes it: the marked block as one exec element (the runtime pays per element). */
const block = (): string => [MARKER_BEGIN, ...scriptLines, MARKER_END].join('\n');
/** The post-response script as inject writes it into the collection's test script, likewise. */
const responseText = hasRealSigner() ? readFileSync(join(ROOT, 'dist', 'postresponse.js'), 'utf8') : readFileSync(placeholderResponse, 'utf8');
const responseBlock = (): string =>
  [RESPONSE_MARKER_BEGIN, ...unmarked(responseText).replace(/ \(commit [0-9a-f]+(\+dirty)?\)/, '').replace(/\n+$/, '').split('\n'), RESPONSE_MARKER_END].join('\n');

const OWN = ["// the team's own collection pre-request code", "pm.request.headers.add({ key: 'X-Team-Tag', value: 'team-a' });"];

function teamCollection(): Record<string, unknown> {
  return collection(
    'team',
    [
      getItem('first', '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs?limit=2', ['pm.test("200", () => pm.response.to.have.status(200));']),
      getItem('second', '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/subnets', []),
    ],
    OWN,
    { variable: [{ key: 'team', value: 'a' }] },
  );
}

describe('hwc-auth inject', () => {
  it('warns about every Postman auth type that would replace the signature: collection, folder, request', async () => {
    const c = teamCollection() as Record<string, unknown> & { item: Array<Record<string, unknown>> };
    c.auth = { type: 'bearer', bearer: [] };
    const second = c.item[1] as { request: Record<string, unknown> };
    second.request.auth = { type: 'basic', basic: [] };
    c.item.push({ name: 'folder A', auth: { type: 'apikey', apikey: [] }, item: [{ name: 'inner', request: { method: 'GET', url: 'https://x.example.com', auth: { type: 'noauth' } } }] });
    const file = writeJson(join(dir, 'with-auth.json'), c);
    const r = await runCli(['inject', file], { env: scriptEnv });
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    const fix = 'Set it to No Auth (hwc-auth inject --fix-auth does)';
    expect(warnings).toEqual([
      `hwc-auth: warning: the collection has Postman auth "bearer", which Postman applies after the signer: it replaces the Authorization header, the signer's signature. ${fix}`,
      `hwc-auth: warning: request "second" has Postman auth "basic", which Postman applies after the signer: it replaces the Authorization header, the signer's signature. ${fix}`,
      'hwc-auth: warning: folder "folder A" has Postman auth "apikey", which Postman applies after the signer: it adds a header of its own, (its name is not set yet), ' +
        `unsigned, sending that key to the API (if the API needs it, add it as a header of the request instead). ${fix}`,
    ]);
  });

  it('adds the signer after the collection\'s own pre-request code, keeping ids, order and the rest', async () => {
    const file = writeJson(join(dir, 'team.json'), teamCollection());
    const before = readJson<Collection>(file);
    const r = await runCli(['inject', file], { env: scriptEnv });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('signer injected into');
    const after = readJson<Collection>(file);
    const pre = after.event.find((e) => e.listen === 'prerequest');
    expect(pre?.script.exec).toEqual([...OWN, block()]);
    expect(pre?.script.id).toBe('own-prerequest-id');
    expect(after.event.map((e) => e.listen)).toEqual(['prerequest', 'test']);
    // the collection's own test script stays, after the post-response script (ids kept)
    expect(after.event[1]).toEqual({ ...before.event[1], script: { ...before.event[1]!.script, exec: [responseBlock(), ...before.event[1]!.script.exec] } });
    expect(after.item).toEqual(before.item);
    expect(after.info).toEqual(before.info);
    expect(after.variable).toEqual(before.variable);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(after, null, 2) + '\n');
  });

  it('a second run changes nothing, byte for byte', async () => {
    const file = writeJson(join(dir, 'twice.json'), teamCollection());
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    const r = await runCli(['inject', file], { env: scriptEnv });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('already up to date');
    expect(readFileSync(file, 'utf8')).toBe(once);
    expect(once.split(MARKER_BEGIN).length).toBe(2);
    const check = await runCli(['inject', file, '--check'], { env: scriptEnv });
    expect(check.code).toBe(0);
  });

  it('replaces an outdated block in place of appending a second one, and keeps code added after it', async () => {
    const old = teamCollection() as unknown as Collection;
    old.event[0]!.script.exec = [...OWN, MARKER_BEGIN, '/* old signer */', MARKER_END, 'console.log("added later");'];
    const file = writeJson(join(dir, 'old.json'), old);
    expect((await runCli(['inject', file, '--check'], { env: scriptEnv })).code).toBe(1);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const exec = readJson<Collection>(file).event[0]!.script.exec;
    expect(exec).toEqual([...OWN, 'console.log("added later");', block()]);
    expect(exec.join('\n')).not.toContain('old signer');
  });

  it('adds a pre-request event to a collection without scripts; --out leaves the input untouched; - is stdout', async () => {
    const file = writeJson(join(dir, 'bare.json'), collection('bare', [getItem('one', 'https://example.com/', [])]));
    const original = readFileSync(file, 'utf8');
    const out = join(dir, 'out', 'bare.signed.json');
    const r = await runCli(['inject', file, '--out', out], { env: scriptEnv });
    expect(r.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
    const signed = readJson<Collection>(out);
    expect(signed.event).toEqual([
      { listen: 'prerequest', script: { type: 'text/javascript', exec: [`${NON_LEGACY_LINE}\n${block()}`] } },
      { listen: 'test', script: { type: 'text/javascript', exec: [`${NON_LEGACY_LINE}\n${responseBlock()}`] } },
    ]);
    const toStdout = await runCli(['inject', file, '--out', '-'], { env: scriptEnv });
    expect(toStdout.code).toBe(0);
    expect(toStdout.stdout).toBe(readFileSync(out, 'utf8'));
  });

  it('drops the build commit from the banner, so a rebuild at another commit changes nothing', () => {
    expect(scriptText).toMatch(/ \(commit [0-9a-f]+/);
    expect(scriptLines.join('\n')).not.toMatch(/\(commit /);
  });

  it('replaces an unmarked pasted copy of the script (as generated collections embed it) instead of adding a second', async () => {
    const pasted = teamCollection() as unknown as Collection;
    pasted.event[0]!.script.exec = [...OWN, ...scriptText.replace(/\n$/, '').split('\n')];
    const file = writeJson(join(dir, 'pasted.json'), pasted);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const exec = readJson<Collection>(file).event[0]!.script.exec;
    expect(exec).toEqual([...OWN, block()]);
  });

  it('replaces an unmarked pasted copy of the readable build too', async () => {
    const readable = join(ROOT, 'dist', 'prerequest.readable.js');
    if (!existsSync(readable)) throw new Error('dist/prerequest.readable.js is missing: run npm run build');
    const pasted = teamCollection() as unknown as Collection;
    pasted.event[0]!.script.exec = [...OWN, ...readFileSync(readable, 'utf8').replace(/\n$/, '').split('\n')];
    const file = writeJson(join(dir, 'pasted-readable.json'), pasted);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const exec = readJson<Collection>(file).event[0]!.script.exec;
    expect(exec).toEqual([...OWN, block()]);
  });

  it('replaces the post-response block, or a pasted copy of it, in the test script, keeping the code around it', async () => {
    const c = teamCollection() as unknown as Collection;
    c.event[1]!.script.exec = [
      '// before',
      ...responseText.replace(/\n$/, '').split('\n'),
      '// after',
      RESPONSE_MARKER_BEGIN,
      '/* an old post-response script */',
      RESPONSE_MARKER_END,
    ];
    const file = writeJson(join(dir, 'pasted-response.json'), c);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const exec = readJson<Collection>(file).event[1]!.script.exec;
    expect(exec).toEqual([responseBlock(), '// before', '// after']);
    expect((await runCli(['inject', file, '--check'], { env: scriptEnv })).code).toBe(0);
  });

  it('puts the non-legacy line first only where the block is alone in its script box; injecting again changes nothing', async () => {
    // Postman stores an empty script as [""]: the block is then the whole script and may start it with the marker.
    const c = teamCollection() as unknown as Collection;
    c.event[0]!.script.exec = [''];
    c.event[1]!.script.exec = ["tests['legacy check'] = responseCode.code === 200;"];
    const file = writeJson(join(dir, 'empty-pre.json'), c);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    const once = readFileSync(file, 'utf8');
    const [pre, test] = readJson<Collection>(file).event;
    expect(pre!.script.exec).toEqual([`${NON_LEGACY_LINE}\n${block()}`]);
    // beside code that uses the legacy globals, no marker: it would take them away from that code too
    expect(test!.script.exec).toEqual([responseBlock(), "tests['legacy check'] = responseCode.code === 200;"]);
    expect(test!.script.exec.join('\n').startsWith('"use sandbox2";')).toBe(false);
    expect((await runCli(['inject', file, '--check'], { env: scriptEnv })).code).toBe(0);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(once);
  });

  it('accepts exec as one string (older exports)', async () => {
    const c = teamCollection() as unknown as { event: Array<{ script: { exec: unknown } }> };
    c.event[0]!.script.exec = OWN.join('\n');
    const file = writeJson(join(dir, 'string-exec.json'), c);
    expect((await runCli(['inject', file], { env: scriptEnv })).code).toBe(0);
    expect(readJson<Collection>(file).event[0]!.script.exec).toEqual([...OWN, block()]);
  });

  it.each([
    ['v1 collection', { id: 'x', name: 'old', order: [], requests: [] }, /no info\.schema: it is not a Postman Collection v2\.x/],
    ['v3-ish schema', { info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/' }, item: [] }, /supports Postman Collection v2\.0\/v2\.1 only/],
    ['an array', [], /not a Postman collection/],
  ])('refuses %s clearly with exit 2 and leaves the file alone', async (_name, value, message) => {
    const file = writeJson(join(dir, `bad-${String(_name).replace(/\W/g, '')}.json`), value);
    const original = readFileSync(file, 'utf8');
    const r = await runCli(['inject', file], { env: scriptEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('refuses a file that is not JSON (2)', async () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ not json');
    const r = await runCli(['inject', file], { env: scriptEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is not valid JSON/);
  });
});
