import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MARKER_BEGIN, MARKER_END, RESPONSE_MARKER_BEGIN, RESPONSE_MARKER_END } from '../../src/lib/inject';
import { NON_LEGACY_LINE } from '../../src/lib/signerBlock';
import { MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { ensureBuilt, ROOT, runCli, SIGNER, tempDir } from './helpers';

/**
 * A collection as a user brings it, not made by this project's generator: exported with tab indentation and CRLF
 * line endings (no final newline), oauth2 on a folder, an apikey sent in the query by one request and in a header
 * by another, every other place inheriting. `inject` changes only the signer block; `inject --fix-auth` only the
 * conflicting auth objects (to No Auth); the run then passes against the mock. Through the real binary.
 */
ensureBuilt();

const PROJECT = MOCK_PROJECTS[0].id;
const AKSK_ENV = { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, HUAWEICLOUD_SDK_PROJECT_ID: PROJECT };
const EOL = '\r\n';

const accepted = [
  "pm.test('accepted with AK/SK', () => {",
  '\tpm.response.to.have.status(200);',
  "\tpm.expect(pm.response.json().auth).to.eql('aksk');",
  '});',
];

function request(name: string, path: string, auth?: unknown): Record<string, unknown> {
  return {
    name,
    event: [{ listen: 'test', script: { exec: accepted, type: 'text/javascript' } }],
    request: {
      ...(auth !== undefined && { auth }),
      method: 'GET',
      header: [{ key: 'Accept', value: 'application/json' }],
      url: { raw: `{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/${path}`, host: ['{{baseUrl}}'], path: ['v1', '{{HUAWEICLOUD_SDK_PROJECT_ID}}', ...path.split('/')] },
    },
    response: [],
  };
}

const petstore = {
  info: { _postman_id: '5f1c2a3b-0000-4000-8000-00000000beef', name: 'My petstore', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [
    {
      name: 'pets',
      auth: { type: 'oauth2', oauth2: [{ key: 'accessToken', value: '{{petToken}}', type: 'string' }, { key: 'addTokenTo', value: 'header', type: 'string' }] },
      item: [request('list pets', 'vpcs'), request('find pets by tag', 'subnets', { type: 'apikey', apikey: [{ key: 'key', value: 'api_key', type: 'string' }, { key: 'value', value: 'k-1', type: 'string' }, { key: 'in', value: 'query', type: 'string' }] })],
    },
    { name: 'store', item: [request('inventory', 'security-groups', { type: 'apikey', apikey: [{ key: 'key', value: 'X-Api-Key', type: 'string' }, { key: 'value', value: 'k-2', type: 'string' }] })] },
    request('ping', 'ports'),
  ],
  variable: [{ key: 'petToken', value: 'pet-token-1' }],
};

/** As Postman exports: JSON.stringify with a tab, CRLF, no final newline. */
const exported = JSON.stringify(petstore, null, '\t').split('\n').join(EOL);

/** A line diff (longest common subsequence): the lines only in `a`, and the lines only in `b`, in order. */
function lineDiff(a: string[], b: string[]): { removed: string[]; added: string[] } {
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const removed: string[] = [];
  const added: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
    } else if (j < b.length && (i === a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) added.push(b[j++]!);
    else removed.push(a[i++]!);
  }
  return { removed, added };
}

describe('your own collection: tabs, CRLF, oauth2 on a folder, apikey in the query and in a header', () => {
  let mock: MockCloud;
  const dir = tempDir('own');
  const file = join(dir, 'petstore.postman_collection.json');
  const block = (): string =>
    [MARKER_BEGIN, ...readFileSync(SIGNER, 'utf8').replace(/^"use sandbox2";/, '').replace(/ \(commit [0-9a-f]+(\+dirty)?\)/, '').replace(/\n+$/, '').split('\n'), MARKER_END].join('\n');
  const responseBlock = (): string =>
    [
      RESPONSE_MARKER_BEGIN,
      ...readFileSync(join(ROOT, 'dist', 'postresponse.js'), 'utf8').replace(/^"use sandbox2";/, '').replace(/ \(commit [0-9a-f]+(\+dirty)?\)/, '').replace(/\n+$/, '').split('\n'),
      RESPONSE_MARKER_END,
    ].join('\n');

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    writeFileSync(file, exported);
  });
  afterAll(() => mock.close());

  it('inject: the diff is the two script blocks; tabs, CRLF and the missing final newline are kept', async () => {
    const r = await runCli(['inject', file]);
    expect(r.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).not.toMatch(/(^|[^\r])\n/);
    expect(after.endsWith('}')).toBe(true);
    // one insertion and nothing else: a comma after the last member, then the event member holding the two scripts
    let p = 0;
    while (exported[p] === after[p]) p++;
    const s = exported.length - p;
    expect(after.slice(after.length - s)).toBe(exported.slice(p));
    const inserted = after.slice(p, after.length - s);
    expect(inserted.startsWith(`,${EOL}\t"event": [${EOL}`)).toBe(true);
    for (const line of inserted.split(EOL).slice(1)) expect(line).toMatch(/^\t+\S/);
    expect(JSON.parse(`{${inserted.slice(1)}}`)).toEqual({
      event: [
        // each block alone in its script box: Postman's non-legacy line first (src/lib/signerBlock.ts)
        { listen: 'prerequest', script: { type: 'text/javascript', exec: [`${NON_LEGACY_LINE}\n${block()}`] } },
        { listen: 'test', script: { type: 'text/javascript', exec: [`${NON_LEGACY_LINE}\n${responseBlock()}`] } },
      ],
    });
    // as git shows it: one line gains a comma, the rest is added
    const { removed, added } = lineDiff(exported.split(EOL), after.split(EOL));
    expect(removed).toHaveLength(0);
    expect(added.length).toBe(inserted.split(EOL).length - 1);
    // it warned about each conflicting auth, saying what it does
    const warnings = r.stderr.split('\n').filter((l) => l.includes('warning'));
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toContain('folder "pets" has Postman auth "oauth2", which Postman applies after the signer: it replaces the Authorization header');
    expect(warnings[1]).toContain('request "pets / find pets by tag" has Postman auth "apikey", which Postman applies after the signer: it adds the query parameter "api_key"');
    expect(warnings[2]).toContain('request "store / inventory" has Postman auth "apikey", which Postman applies after the signer: it adds a header of its own, "X-Api-Key"');
  });

  it('as it is, the run fails: the auth types undo or block the signature', async () => {
    const r = await runCli(['run', file, '--env-var', `baseUrl=${mock.url}`], { env: AKSK_ENV });
    expect(r.code).toBe(1);
    // oauth2 (inherited from the folder, invisible to the script) replaced the signature: the gateway refused it, and
    // the post-response script says so
    expect(r.stdout).toMatch(/list pets\n.*\[401 Unauthorized/);
    expect(r.stdout).toMatch(/list pets\n.*\n  1\. hwc-auth: the gateway did not get the signature: a Postman auth type/);
    // the requests' own apikey: the signer stopped them (Postman would have changed them after signing)
    for (const name of ['find pets by tag', 'inventory']) expect(r.stdout).toContain(`${name}\n  ${name === 'inventory' ? 4 : 3}. hwc-auth: set the request's Authorization type to "No Auth"`);
    expect(r.stdout).toMatch(/ping\n.*\[200 OK/);
    expect(r.stdout).toMatch(/assertions\s*│\s*5\s*│\s*4/);
  });

  it('inject --fix-auth sets the three to No Auth, lists them, and changes nothing else', async () => {
    const before = readFileSync(file, 'utf8');
    const check = await runCli(['inject', file, '--fix-auth', '--check']);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('3 Postman auth setting(s) to set to No Auth');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const r = await runCli(['inject', file, '--fix-auth']);
    expect(r.code).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('hwc-auth: fixed: ')).map((l) => l.split(': Postman auth')[0])).toEqual([
      'hwc-auth: fixed: folder "pets"',
      'hwc-auth: fixed: request "pets / find pets by tag"',
      'hwc-auth: fixed: request "store / inventory"',
    ]);
    expect(r.stderr).not.toContain('warning');
    const after = readFileSync(file, 'utf8');
    expect(after).not.toMatch(/(^|[^\r])\n/);
    const { removed, added } = lineDiff(before.split(EOL), after.split(EOL));
    // exactly Postman's own export of the fixed collection, and a diff of the three auth objects only
    const fixedValue = JSON.parse(after) as unknown;
    expect(after).toBe(JSON.stringify(fixedValue, null, '\t').split('\n').join(EOL));
    expect(added.map((l) => l.trim())).toEqual(['"type": "noauth"', '"type": "noauth"', '"type": "noauth"']);
    for (const line of removed) expect(line.trim()).toMatch(/^("type": "(oauth2|apikey|string)",?|"(oauth2|apikey)": \[|\{|\},?|\],?|"(key|value)": ".*",?)$/);
    // inherit stays inherit: the requests that had no auth still have none
    const json = JSON.parse(after) as typeof petstore & { item: Array<{ item?: Array<{ request: { auth?: unknown } }>; request?: { auth?: unknown } }> };
    expect(json.item[0]!.item![0]!.request.auth).toBeUndefined();
    expect(json.item[2]!.request!.auth).toBeUndefined();
    expect((await runCli(['inject', file, '--fix-auth', '--check'])).code).toBe(0);
  });

  it('the fixed collection runs against the mock: every request signed and accepted', async () => {
    const r = await runCli(['run', file, '--env-var', `baseUrl=${mock.url}`], { env: AKSK_ENV });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/requests\s*│\s*4\s*│\s*0/);
    expect(r.stdout).toMatch(/assertions\s*│\s*4\s*│\s*0/);
  });
});
