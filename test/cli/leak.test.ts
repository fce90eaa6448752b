import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_ACCOUNT, MOCK_PROJECTS, MOCK_TEMP_AK_PREFIX, startMockCloud, type MockCloud, type MockStats } from '../../src/mock';
import { collection, ensureBuilt, filesUnder, hasRealSigner, readJson, ROOT, runCli, runNode, SIGNER, tempDir, writeJson, type CliResult } from './helpers';

/**
 * The leak test. A distinct canary secret in every place a run holds one: the environment file (a secret-named and
 * a secret-typed variable), the globals file, the collection's variables, the iteration data file (JSON, then CSV),
 * --env-var, and the process environment (SK, password, security token, API Gateway app secret and AppCode); plus
 * what the script obtains at run time (the IAM token, temporary secret keys and security tokens). A collection whose scripts log every variable of every scope, put the secrets in test names,
 * assertion messages and thrown errors, in a request's URL (path and query), a header and a body. `hwc-auth run`
 * (the real binary) with every built-in reporter, htmlextra (its environment, globals and console logs shown),
 * --export-environment and --export-globals. Then every byte written (stdout, stderr, every file) is searched for
 * every canary in every form a reporter writes, decoded here independently of the masker: raw, JSON- and
 * backslash-escaped, URL-encoded (%XX either case, + for a space), HTML entities (named, decimal, hex), base64 at
 * each alignment, and the JSON report's byte arrays; nested up to two encodings deep. Zero hits.
 *
 * The canaries hold `=`, `'`, a backtick, `&`, `+`, `/` and a space, so that every encoding differs from the raw
 * text. Five runs: AK/SK (every request signed); token mode with IAM refusing the password (every request failed
 * closed after an IAM failure); token mode with one IAM 503, then tokens; temporary mode (keys obtained from the mock's
 * securitytokens with the canary SK); AppCode mode (the AppCode sent in X-Apig-AppCode on every request). Each has a
 * request failed closed for an undefined variable. The same IAM failure under plain Newman shows what the README says plain Newman leaks.
 */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;
const PROJECT = MOCK_PROJECTS[0];

const canary = (tag: string): string => `cn${tag}=1'q\`w&e+r/t y${tag}9`;
const C = {
  environment: canary('Envf'),
  environmentTyped: canary('Typd'),
  globals: canary('Glob'),
  collection: canary('Coll'),
  data: canary('Data'),
  envVar: canary('Argv'),
  sk: canary('Skey'),
  password: canary('Pass'),
  securityToken: canary('Stok'),
  appSecret: canary('Apps'),
  appCode: canary('Appc'),
};
const CANARY_AK = 'HWCLEAKCANARYAK00001';

// ---- the search: decoders written here, independent of the masker ----

const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", equals: '=', grave: '`', plus: '+', sol: '/', num: '#', excl: '!',
  percnt: '%', colon: ':', semi: ';', comma: ',', period: '.', lpar: '(', rpar: ')', ast: '*', quest: '?', commat: '@',
  bsol: '\\', lsqb: '[', rsqb: ']', lcub: '{', rcub: '}', verbar: '|', Hat: '^', lowbar: '_', dollar: '$', nbsp: ' ',
};
const DECODERS: Record<string, (t: string) => string> = {
  url: (t) => t.replace(/(?:%[0-9a-fA-F]{2})+/g, (m) => {
    try {
      return decodeURIComponent(m);
    } catch {
      return m;
    }
  }),
  form: (t) => DECODERS.url!(t.replace(/\+/g, ' ')),
  html: (t) =>
    t.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, body: string) => {
      if (body[0] !== '#') return NAMED[body] ?? m;
      const cp = /^#[xX]/.test(body) ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }),
  backslash: (t) =>
    t.replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|[\s\S])/g, (_m, e: string) => {
      if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[e] ?? e;
    }),
};

/** The text and every decoding of it up to two deep, with the JSON report's byte arrays decoded alongside. */
function decodings(text: string): string[] {
  const bytes = [...text.matchAll(/"data":\s*\[([\d,\s]+)\]/g)].map((m) => Buffer.from(m[1]!.split(',').map(Number)).toString('utf8'));
  const base = [text, ...bytes].join('\n');
  const out = [base];
  for (const a of Object.values(DECODERS)) {
    const once = a(base);
    out.push(once);
    for (const b of Object.values(DECODERS)) out.push(b(once));
  }
  return out;
}

/** Base64 of the secret alone and inside a longer encoded text (each of 3 alignments), standard and URL-safe. */
function base64Forms(secret: string): string[] {
  const forms: string[] = [];
  for (const pad of ['', 'x', 'xy']) {
    const encoded = Buffer.from(pad + secret).toString('base64');
    const stable = encoded.slice(pad.length === 0 ? 0 : pad.length + 1, -4); // away from the padding's and the next bytes' bits
    forms.push(stable, stable.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return forms;
}

interface Output {
  where: string;
  text: string;
}

/** Every hit of every secret in every output: "what in where". */
function leaks(outputs: Output[], secrets: Record<string, string>): string[] {
  const found: string[] = [];
  for (const { where, text } of outputs) {
    const decoded = decodings(text);
    for (const [what, secret] of Object.entries(secrets)) {
      if (decoded.some((d) => d.includes(secret)) || base64Forms(secret).some((f) => text.includes(f))) found.push(`${what} in ${where}`);
    }
  }
  return found;
}

// ---- the collection ----

const LOG_EVERYTHING = [
  'const scopes = { variables: pm.variables.toObject(), environment: pm.environment.toObject(), globals: pm.globals.toObject(),',
  '  collection: pm.collectionVariables.toObject(), data: pm.iterationData.toObject() };',
  "console.log('every scope', scopes);",
  'console.info(JSON.stringify(scopes));',
  'console.warn(JSON.stringify(JSON.stringify(scopes)));',
  "console.error('variables', pm.variables.toObject());",
];
/** The variables that hold a canary (or, in token mode, the fixture password). */
const CANARY_VARIABLES = [
  'env_api_key', 'envTyped', 'globals_client_secret', 'collection_password', 'data_db_password', 'cli_api_key',
  'HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_PASSWORD', 'HUAWEICLOUD_SDK_SECURITY_TOKEN', 'HUAWEICLOUD_APIG_APP_SECRET', 'HUAWEICLOUD_APIG_APP_CODE',
];
const TEST_SCRIPT = [
  ...LOG_EVERYTHING,
  `const secrets = ${JSON.stringify(CANARY_VARIABLES)}.map((n) => pm.variables.get(n)).filter((v) => typeof v === 'string' && v.length > 0);`,
  "pm.test('the variables reached the script: ' + secrets.length, () => pm.expect(secrets.length).to.be.above(5));",
  "secrets.forEach((s) => pm.test('leak in name ' + s, () => pm.expect(s).to.eql('not the secret')));",
  "pm.test('thrown', () => { throw new Error('leak in message ' + secrets.join(' | ')); });",
  "pm.environment.set('leak_copy', secrets.join('|'));",
  "pm.globals.set('leak_copy_json', JSON.stringify(secrets));",
  // the IAM token reversed (no form anything masks) lets the test recover the token to search for it
  "pm.environment.set('leak_token_reversed', (pm.request.headers.get('X-Auth-Token') || '').split('').reverse().join(''));",
  // likewise the temporary keys the script obtained (temporary mode), from its cache
  "pm.environment.set('leak_temporary_reversed', (pm.environment.get('hwc_temporary_cache') || '').split('').reverse().join(''));",
];

function callItem(name: string): Record<string, unknown> {
  return {
    name,
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: TEST_SCRIPT } }],
    request: {
      method: 'POST',
      header: [
        { key: 'Content-Type', value: 'application/json' },
        { key: 'X-Leak', value: '{{globals_client_secret}}' },
      ],
      url: `{{baseUrl}}/v1/${PROJECT.id}/vpcs/{{collection_password}}?key={{env_api_key}}&data={{data_db_password}}`,
      body: { mode: 'raw', raw: '{"typed": "{{envTyped}}", "argv": "{{cli_api_key}}"}' },
    },
  };
}

const FAIL_CLOSED_ITEM = {
  name: 'fail closed',
  event: [{ listen: 'test', script: { type: 'text/javascript', exec: LOG_EVERYTHING } }],
  request: { method: 'GET', url: '{{baseUrl}}/v1/x?k={{env_api_key}}&u={{defined_nowhere}}' },
};

function leakyCollection(): Record<string, unknown> {
  return collection('leaky', [callItem('call A'), FAIL_CLOSED_ITEM, callItem('call B')], [...LOG_EVERYTHING], {
    variable: [{ key: 'collection_password', value: C.collection }],
  });
}

// ---- running ----

interface Run {
  dir: string;
  result: CliResult;
  outputs: Output[];
}

const OUT_FILES = ['report.json', 'junit.xml', 'report.html', 'environment.json', 'globals.json'];

function outputsOf(dir: string, result: CliResult, inputs: Set<string>): Output[] {
  const files = filesUnder(dir).filter((f) => !inputs.has(f));
  return [
    { where: 'stdout', text: result.stdout },
    { where: 'stderr', text: result.stderr },
    ...files.map((f) => ({ where: f.slice(dir.length + 1), text: readFileSync(f, 'latin1') + '\n' + readFileSync(f, 'utf8') })),
  ];
}

async function runLeaky(mock: MockCloud, name: string, data: 'json' | 'csv', extraReporter: string, env: Record<string, string>): Promise<Run> {
  const dir = tempDir(`leak-${name}`);
  const c = writeJson(join(dir, 'leaky.postman_collection.json'), leakyCollection());
  const e = writeJson(join(dir, 'leaky.postman_environment.json'), {
    name: 'leaky',
    values: [
      { key: 'baseUrl', value: mock.url, enabled: true },
      { key: 'env_api_key', value: C.environment, enabled: true },
      { key: 'envTyped', value: C.environmentTyped, type: 'secret', enabled: true },
    ],
  });
  const g = writeJson(join(dir, 'leaky.postman_globals.json'), { name: 'globals', values: [{ key: 'globals_client_secret', value: C.globals, enabled: true }] });
  const d = join(dir, `data.${data}`);
  if (data === 'json') writeJson(d, [{ data_db_password: C.data, row: 1 }, { data_db_password: C.data, row: 2 }]);
  else writeFileSync(d, `row,data_db_password\n1,"${C.data}"\n`);
  const out = (f: string): string => join(dir, 'out', f);
  const result = await runCli(
    [
      'run', c, '-e', e, '-g', g, '-d', d, '--env-var', `cli_api_key=${C.envVar}`,
      '-r', `cli,json,junit,htmlextra,${extraReporter}`,
      '--reporter-json-export', out('report.json'), '--reporter-junit-export', out('junit.xml'),
      '--reporter-htmlextra-export', out('report.html'), '--reporter-htmlextra-showEnvironmentData',
      '--reporter-htmlextra-showGlobalData', '--reporter-htmlextra-logs',
      '--export-environment', out('environment.json'), '--export-globals', out('globals.json'),
    ],
    { env, cwd: dir, killAfterMs: 240_000 },
  );
  return { dir, result, outputs: outputsOf(dir, result, new Set([c, e, g, d])) };
}

/** `testsRan`: some request was sent, so its test script tried its leaks too (else only the pre-request's logging). */
function expectNoLeak(run: Run, secrets: Record<string, string>, testsRan = true): void {
  expect(run.result.killed).toBe(false);
  const written = run.outputs.map((o) => o.where);
  for (const f of OUT_FILES) expect(written).toContain(join('out', f));
  for (const secret of Object.values(secrets)) expect(secret.length).toBeGreaterThan(12);
  expect(leaks(run.outputs, secrets)).toEqual([]);
  // the leaks were attempted, and landed masked
  expect(run.result.stdout).toMatch(/env_api_key: '\*\*\*'/);
  expect(run.result.stdout).toMatch(/data_db_password: '\*\*\*'/);
  if (testsRan) {
    expect(run.result.stdout).toMatch(/leak in name \*\*\*/);
    expect(run.result.stdout).toMatch(/leak in message \*\*\*/);
    expect(run.result.stdout).toMatch(/expected '\*\*\*' to deeply equal 'not the secret'/);
  }
  const html = readFileSync(join(run.dir, 'out', 'report.html'), 'utf8');
  expect(html).toContain('***');
  expect(html).toContain('every scope');
}

function reportExecutions(run: Run): Array<{ item: { name: string }; request?: { method?: string; url?: { path?: string[] } }; assertions?: Array<{ assertion: string }> }> {
  return readJson<{ run: { executions: [] } }>(join(run.dir, 'out', 'report.json')).run.executions;
}

describeWithSigner('leak test: no canary in any byte hwc-auth run writes, in any form', () => {
  let mock: MockCloud;
  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true, extraKeys: { [CANARY_AK]: C.sk } });
  });
  afterAll(() => mock.close());
  beforeEach(async () => {
    await fetch(`${mock.url}/__mock/reset`, { method: 'POST' });
  });

  const sourceCanaries = { environment: C.environment, environmentTyped: C.environmentTyped, globals: C.globals, collection: C.collection, data: C.data, envVar: C.envVar };

  it('AK/SK: the SK from the process environment and a canary in every other place; requests signed and sent', async () => {
    const run = await runLeaky(mock, 'aksk', 'json', 'progress', {
      HUAWEICLOUD_SDK_AK: CANARY_AK,
      HUAWEICLOUD_SDK_SK: C.sk,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT.id,
    });
    expect(run.result.code).toBe(1); // the leaky tests fail on purpose
    const executions = reportExecutions(run);
    expect(executions.map((e) => e.item.name)).toEqual(['call A', 'fail closed', 'call B', 'call A', 'fail closed', 'call B']);
    expectNoLeak(run, { ...sourceCanaries, sk: C.sk });
    expect(run.result.stdout).toMatch(/POST .*\/vpcs\/\*\*\*\?key=\*\*\*.* \[200 OK/);
  }, 300_000);

  it('token mode, IAM refuses the password (every request failed closed after an IAM failure); CSV data', async () => {
    const run = await runLeaky(mock, 'iam-refused', 'csv', 'emojitrain', {
      HWC_AUTH_MODE: 'token',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
      HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
      HUAWEICLOUD_PASSWORD: C.password,
      HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
      HUAWEICLOUD_PROJECT_NAME: PROJECT.name,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: C.securityToken,
    });
    expect(run.result.code).toBe(1);
    expect(run.result.stdout).toMatch(/hwc-auth: IAM refused the credentials for user mock-user/);
    // each stopped request is reported as itself, with its failing test, never as the IAM call
    const executions = reportExecutions(run);
    expect(executions.map((e) => [e.item.name, e.request?.method])).toEqual([['call A', 'POST'], ['fail closed', 'GET'], ['call B', 'POST']]);
    for (const e of executions) expect(e.request?.url?.path).not.toContain('tokens');
    expect(executions[0]!.assertions?.map((a) => a.assertion)).toEqual([expect.stringMatching(/^hwc-auth: IAM refused/)]);
    expectNoLeak(run, { ...sourceCanaries, password: C.password, securityToken: C.securityToken }, false);
  }, 300_000);

  it('token mode, one IAM 503 then tokens: the password and the IAM token obtained at run time', async () => {
    await fetch(`${mock.url}/__mock/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ iamStatus: 503, iamFailCount: 1 }),
    });
    const run = await runLeaky(mock, 'iam-503', 'json', 'progress', {
      HWC_AUTH_MODE: 'token',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
      HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
      HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
      HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
      HUAWEICLOUD_PROJECT_NAME: PROJECT.name,
    });
    expect(run.result.code).toBe(1);
    expect(run.result.stdout).toMatch(/hwc-auth: IAM failed \(HTTP 503\)/);
    const env = readJson<{ values: Array<{ key: string; value: string }> }>(join(run.dir, 'out', 'environment.json'));
    const token = (env.values.find((v) => v.key === 'leak_token_reversed')?.value ?? '').split('').reverse().join('');
    expect(token).toMatch(/^MII/);
    expect(env.values.find((v) => v.key === 'hwc_token_cache')?.value).toBe('***');
    expectNoLeak(run, { ...sourceCanaries, password: MOCK_ACCOUNT.user.password, token });
    expect(run.result.stdout).toMatch(/POST .*\/vpcs\/\*\*\*\?key=\*\*\*.* \[200 OK/);
  }, 300_000);

  it('temporary mode: the temporary secret keys and security tokens obtained at run time, the canary SK that asked for them, the app secret and AppCode', async () => {
    const run = await runLeaky(mock, 'temporary', 'json', 'progress', {
      HWC_AUTH_MODE: 'temporary',
      HUAWEICLOUD_SDK_IAM_ENDPOINT: mock.url,
      HUAWEICLOUD_SDK_AK: CANARY_AK,
      HUAWEICLOUD_SDK_SK: C.sk,
      HUAWEICLOUD_SDK_PROJECT_ID: PROJECT.id,
      HUAWEICLOUD_APIG_APP_SECRET: C.appSecret,
      HUAWEICLOUD_APIG_APP_CODE: C.appCode,
    });
    expect(run.result.code).toBe(1);
    const stats = (await (await fetch(`${mock.url}/__mock/stats`)).json()) as MockStats;
    expect(stats.securityTokenRequestsByIdentity).toEqual({ [`aksk:${CANARY_AK}`]: 1 });
    const env = readJson<{ values: Array<{ key: string; value: string }> }>(join(run.dir, 'out', 'environment.json'));
    const cache = JSON.parse((env.values.find((v) => v.key === 'leak_temporary_reversed')?.value ?? '').split('').reverse().join('')) as Record<
      string,
      { access: string; secret: string; securityToken: string }
    >;
    const [keys] = Object.values(cache);
    expect(keys!.access.startsWith(MOCK_TEMP_AK_PREFIX)).toBe(true);
    expect(env.values.find((v) => v.key === 'hwc_temporary_cache')?.value).toBe('***');
    expectNoLeak(run, {
      ...sourceCanaries,
      sk: C.sk,
      appSecret: C.appSecret,
      appCode: C.appCode,
      temporarySecret: keys!.secret,
      temporarySecurityToken: keys!.securityToken,
    });
    expect(run.result.stdout).toMatch(/POST .*\/vpcs\/\*\*\*\?key=\*\*\*.* \[200 OK/);
    expect(reportExecutions(run).filter((e) => e.request?.method === 'POST')).toHaveLength(4);
  }, 300_000);

  it('AppCode mode: the AppCode the script sends in X-Apig-AppCode on every request (the gateway refuses it here)', async () => {
    const run = await runLeaky(mock, 'appcode', 'csv', 'emojitrain', {
      HWC_AUTH_MODE: 'appcode',
      HUAWEICLOUD_APIG_APP_CODE: C.appCode,
      HUAWEICLOUD_APIG_APP_SECRET: C.appSecret,
    });
    expect(run.result.code).toBe(1);
    expect((await (await fetch(`${mock.url}/__mock/stats`)).json() as MockStats).gatewayRequests).toBe(2);
    // the header went out, and was written masked
    expect(readFileSync(join(run.dir, 'out', 'report.json'), 'utf8')).toMatch(/"key":\s*"X-Apig-AppCode",\s*"value":\s*"\*\*\*"/i);
    expectNoLeak(run, { ...sourceCanaries, appCode: C.appCode, appSecret: C.appSecret });
  }, 300_000);

  it('the search finds what plain Newman writes: the password of a failed IAM call in its reports and exports', async () => {
    await fetch(`${mock.url}/__mock/faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ iamStatus: 503 }) });
    const dir = tempDir('leak-plain');
    const items = ['one', 'two'].map((n) => ({ name: n, request: { method: 'GET', url: `{{baseUrl}}/v1/${PROJECT.id}/vpcs` } }));
    const c = writeJson(join(dir, 'c.json'), collection('plain', items, readFileSync(SIGNER, 'utf8').split('\n')));
    const e = writeJson(join(dir, 'e.json'), {
      name: 'plain',
      values: [
        { key: 'baseUrl', value: mock.url },
        { key: 'hwc_auth_mode', value: 'token' },
        { key: 'HUAWEICLOUD_SDK_IAM_ENDPOINT', value: mock.url },
        { key: 'HUAWEICLOUD_USERNAME', value: MOCK_ACCOUNT.user.name },
        { key: 'HUAWEICLOUD_PASSWORD', value: C.password, type: 'secret' },
        { key: 'HUAWEICLOUD_DOMAIN_NAME', value: MOCK_ACCOUNT.domainName },
        { key: 'HUAWEICLOUD_PROJECT_NAME', value: PROJECT.name },
      ],
    });
    const result = await runNode(
      [
        join(ROOT, 'node_modules', 'newman', 'bin', 'newman.js'), 'run', c, '-e', e, '-r', 'cli,json,junit,htmlextra',
        '--reporter-json-export', 'out/report.json', '--reporter-junit-export', 'out/junit.xml',
        '--reporter-htmlextra-export', 'out/report.html', '--export-environment', 'out/environment.json',
      ],
      { cwd: dir, killAfterMs: 240_000 },
    );
    expect(result.code).toBe(1);
    const outputs = outputsOf(dir, result, new Set([c, e]));
    // as the README says: the IAM call's body in the JSON and HTML reports, the secret-type variable in the export
    expect(leaks(outputs, { password: C.password }).sort()).toEqual(['password in out/environment.json', 'password in out/report.html', 'password in out/report.json']);
    const executions = readJson<{ run: { executions: Array<{ item: { name: string }; request: { url: { path: string[] }; body: { raw: string } } }> } }>(join(dir, 'out', 'report.json')).run.executions;
    expect(executions.map((x) => [x.item.name, x.request.url.path.join('/')])).toEqual([['one', 'v3/auth/tokens'], ['two', 'v3/auth/tokens']]);
  }, 300_000);
});
