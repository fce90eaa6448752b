import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature } from '../../src/core';
import { runNewman } from '../../src/lib/newman/runNewman';
import type { NewmanSummary } from '../../src/lib/newman/api';
import { signerExecEntry } from '../../src/lib/signerBlock';
import { nodeCrypto } from '../../src/node/nodeCrypto';
import { verifyWire } from '../sandbox/wire';
import { prerequestSource } from './helpers';

/**
 * Requests plain Postman sends fine go out signed exactly as plain Postman sends them. Each case runs through Newman
 * twice against a loopback server that records the raw bytes it receives (request target, header bytes, body): once
 * without the signer (plain Postman) and once with it. The signed request must reach the server with the same target,
 * Host, header bytes and body, and its signature must verify from those raw bytes, by the core's verifySignature (the
 * mock gateway's check) and by the independent spec verifier of test/sandbox/wire.ts.
 */

const AK = 'HPUAFIDELITYAK000001';
const SK = 'fidelity-SK-NEVER-PRINTED-0123456789';

interface Received {
  method: string;
  target: string;
  /** Raw header lines as Node reads them: one character per received byte. */
  headers: Array<[string, string]>;
  body: Buffer;
}

interface Case {
  name: string;
  /** `BASE` stands for the loopback server's http://127.0.0.1:port. */
  request: Record<string, unknown>;
  /** What the server must receive, signed or not. */
  target: string;
}

const json = (raw: string) => ({ mode: 'raw', raw, options: { raw: { language: 'json' } } });

const CASES: Case[] = [
  { name: 'whitespace ending a resolved URL (path and query)', request: { method: 'GET', url: '{{baseUrl}}/v1/trailing/{{id}}?q={{id}}' }, target: '/v1/trailing/x%20?q=x%20' },
  { name: 'a literal space and tab ending the URL', request: { method: 'GET', url: '{{baseUrl}}/v1/literal?x=1 \t' }, target: '/v1/literal?x=1%20%09' },
  { name: "user info whose password holds '@'", request: { method: 'GET', url: 'http://user:p@ss@BASE_AUTHORITY/v1/userinfo' }, target: '/v1/userinfo' },
  { name: 'a header value with a Latin-1 character (café)', request: { method: 'GET', url: '{{baseUrl}}/v1/header', header: [{ key: 'X-Name', value: 'café' }] }, target: '/v1/header' },
  { name: 'percent escapes that are not UTF-8 (%FF, caf%E9)', request: { method: 'GET', url: '{{baseUrl}}/v1/caf%E9/%FF?q=caf%e9&r=%FF' }, target: '/v1/caf%E9/%FF?q=caf%e9&r=%FF' },
  { name: 'an undefined variable in the URL fragment', request: { method: 'GET', url: '{{baseUrl}}/v1/fragment?x=1#{{nowhere}}' }, target: '/v1/fragment?x=1' },
  {
    name: 'an undefined variable in a commented-out line of a JSON body',
    request: { method: 'POST', url: '{{baseUrl}}/v1/comment', body: json('{\n  "a": "{{id}}",\n  // "old": "{{nowhere}}",\n  "b": 1\n}') },
    target: '/v1/comment',
  },
];

let server: Server;
let authority = '';
const received = new Map<string, Received>();

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const headers: Array<[string, string]> = [];
      for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) headers.push([req.rawHeaders[i]!, req.rawHeaders[i + 1]!]);
      const key = headers.find(([k]) => k.toLowerCase() === 'x-case')?.[1] ?? '?';
      received.set(key, { method: req.method ?? '', target: req.url ?? '', headers, body: Buffer.concat(chunks) });
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  authority = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Runs the cases through Newman, tagged `<run>:<index>` in an X-Case header; with the signer or without. */
function runCases(run: string, cases: readonly Case[], signed: boolean): Promise<NewmanSummary> {
  const items = cases.map((c, i) => {
    const request = JSON.parse(JSON.stringify(c.request).replace(/BASE_AUTHORITY/g, authority)) as Record<string, unknown>;
    const header = [...((request.header as unknown[] | undefined) ?? []), { key: 'X-Case', value: `${run}:${i}` }];
    return { name: c.name, request: { ...request, header } };
  });
  const values = { baseUrl: `http://${authority}`, id: 'x ', HUAWEICLOUD_SDK_AK: AK, HUAWEICLOUD_SDK_SK: SK };
  return runNewman({
    collection: {
      info: { name: `fidelity ${run}`, schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      event: signed ? [{ listen: 'prerequest', script: { type: 'text/javascript', exec: [signerExecEntry(prerequestSource())] } }] : [],
      item: items,
    },
    environment: { name: 'loopback', values: Object.entries(values).map(([key, value]) => ({ key, value, enabled: true })) },
    reporters: [],
  });
}

function headerOf(r: Received, name: string): string | undefined {
  return r.headers.find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
}

/** What the two runs must agree on: the request line, Host, the user's header bytes, Content-Type and the body. */
function asSent(r: Received): Record<string, unknown> {
  const bytes = (v: string | undefined) => (v === undefined ? undefined : Buffer.from(v, 'latin1').toString('hex'));
  return {
    method: r.method,
    target: r.target,
    host: headerOf(r, 'host'),
    xName: bytes(headerOf(r, 'x-name')),
    contentType: headerOf(r, 'content-type'),
    body: r.body.toString('hex'),
  };
}

describe('sent exactly as plain Postman sends it, signed from the bytes on the wire (Newman, loopback server)', () => {
  let plainSummary: NewmanSummary;
  let signedSummary: NewmanSummary;

  beforeAll(async () => {
    plainSummary = await runCases('plain', CASES, false);
    signedSummary = await runCases('signed', CASES, true);
  });

  it('both runs send every request, and the signer records no failure', () => {
    expect(plainSummary.run.failures).toEqual([]);
    expect(signedSummary.run.failures).toEqual([]);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))('%s', (_name, c, i) => {
    const plain = received.get(`plain:${i}`);
    const signed = received.get(`signed:${i}`);
    expect(plain).toBeDefined();
    expect(signed).toBeDefined();
    expect(signed!.target).toBe(c.target);
    expect(asSent(signed!)).toEqual(asSent(plain!));
    expect(headerOf(signed!, 'host')).toBe(authority);

    // The mock gateway's check: the core's verifySignature on the raw target, header bytes and body.
    const lower: Record<string, string> = {};
    for (const [k, v] of signed!.headers) lower[k.toLowerCase()] = v;
    const core = verifySignature({ method: signed!.method, target: signed!.target, headers: lower, body: signed!.body }, (ak) => (ak === AK ? SK : undefined), nodeCrypto);
    expect(core).toEqual(expect.objectContaining({ ok: true, access: AK }));

    // An independent verifier written from the spec (bytes of escapes and header values, Go's escape).
    const spec = verifyWire(
      { method: signed!.method, path: signed!.target, headers: signed!.headers, body: signed!.body.length ? signed!.body : undefined, bodyKind: signed!.body.length ? 'bytes' : 'none', systemHeaders: [] },
      AK,
      SK,
    );
    expect(spec.authorization).toBe(spec.expectedAuthorization);
  });

  it('the Latin-1 header arrives as the byte E9 and is signed as that byte', () => {
    const i = CASES.findIndex((c) => c.name.includes('café'));
    const signed = received.get(`signed:${i}`)!;
    expect(Buffer.from(headerOf(signed, 'x-name')!, 'latin1')).toEqual(Buffer.from([0x63, 0x61, 0x66, 0xe9]));
  });
});

describe('a header value Postman cannot send (a character above U+00FF)', () => {
  it('plain Postman fails to send it; the signer refuses it first with a test that says what to do', async () => {
    const cases: Case[] = [{ name: 'emoji header', request: { method: 'GET', url: '{{baseUrl}}/v1/emoji', header: [{ key: 'X-Emoji', value: 'a€b' }] }, target: '/v1/emoji' }];
    const plain = await runCases('plain-emoji', cases, false);
    const signed = await runCases('signed-emoji', cases, true);
    expect(received.has('plain-emoji:0')).toBe(false);
    expect(received.has('signed-emoji:0')).toBe(false);
    expect(JSON.stringify(plain.run.failures)).toMatch(/Invalid character in header content/);
    expect(signed.run.failures.map((f) => f.error.test)).toEqual(['hwc-auth: encode the value of header X-Emoji']);
    expect(signed.run.failures.map((f) => f.error.message).join('\n')).toMatch(/outside Latin-1/);
    expect(signed.run.failures.map((f) => f.error.message).join('\n')).not.toContain('€');
  });
});
