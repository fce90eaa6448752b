import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeAuth, fixPostmanAuth, postmanAuthPlaces } from '../../src/lib/collectionAuth';
import { collectionWarnings } from '../../src/lib/collectionWarnings';
import { itemsWithPrerequestScripts } from '../../src/lib/itemScripts';
import { runNewman } from '../../src/lib/newman/runNewman';

/** Postman auth in a collection: where it is, what it does after the signer (checked against Newman), the fix. */

const v21 = (type: string, params: Record<string, unknown>): Record<string, unknown> => ({
  type,
  [type]: Object.entries(params).map(([key, value]) => ({ key, value, type: 'string' })),
});

const AUTHS: Record<string, Record<string, unknown>> = {
  'apikey in a header': v21('apikey', { key: 'X-Api-Key', value: 'k-123', in: 'header' }),
  'apikey in the query': v21('apikey', { key: 'api_key', value: 'k-123', in: 'query' }),
  'apikey named Authorization': v21('apikey', { key: 'Authorization', value: 'k-123', in: 'header' }),
  'oauth2 in the header': v21('oauth2', { accessToken: 'tok-1', addTokenTo: 'header' }),
  'oauth2 in the query': v21('oauth2', { accessToken: 'tok-1', addTokenTo: 'queryParams' }),
  bearer: v21('bearer', { token: 'tok-2' }),
  basic: v21('basic', { username: 'u', password: 'p' }),
  'jwt in the query': v21('jwt', { algorithm: 'HS256', secret: 's', payload: '{}', addTokenTo: 'queryParam', queryParamKey: 'jwt' }),
};

describe('describeAuth', () => {
  it.each([
    ['apikey in a header', 'adds a header of its own, "X-Api-Key", unsigned, sending that key to the API (if the API needs it, add it as a header of the request instead)'],
    ['apikey in the query', 'adds the query parameter "api_key": the URL sent is then not the URL signed, and the gateway answers APIGW.0301'],
    ['apikey named Authorization', 'puts the key in the Authorization header, replacing the one the signer set and signed'],
    ['oauth2 in the header', "replaces the Authorization header, the signer's signature"],
    ['oauth2 in the query', "removes the Authorization header (the signer's signature) and adds the query parameter \"access_token\": the URL sent is then not the URL signed, and the gateway answers APIGW.0301"],
    ['bearer', "replaces the Authorization header, the signer's signature"],
    ['jwt in the query', 'adds the query parameter "jwt": the URL sent is then not the URL signed, and the gateway answers APIGW.0301'],
  ])('%s: %s', (name, text) => {
    expect(describeAuth(AUTHS[name]!)).toBe(text);
  });

  it('reads v2.0 parameters (an object) too', () => {
    expect(describeAuth({ type: 'apikey', apikey: { key: 'token', value: 'x', in: 'query' } })).toMatch(/^adds the query parameter "token"/);
  });

  /**
   * The runtime's own behaviour, through Newman: a collection-level script sets an Authorization header as the signer
   * would; each request has one auth type; a loopback server records what arrived.
   */
  it("matches what Postman's runtime does to the request after the collection script", async () => {
    const seen = new Map<string, { authorization?: string; query: string; headers: Record<string, unknown> }>();
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      seen.set(url.pathname.slice(1), { authorization: req.headers.authorization, query: url.search, headers: req.headers });
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const names = Object.keys(AUTHS);
      await runNewman({
        collection: {
          info: { name: 'auth types', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
          event: [{ listen: 'prerequest', script: { exec: ["pm.request.headers.upsert({ key: 'Authorization', value: 'SDK-HMAC-SHA256 signed' });"] } }],
          item: names.map((name, i) => ({ name, request: { method: 'GET', url: `${base}/r${i}?a=1`, auth: AUTHS[name] } })),
        },
        reporters: [],
      });
      for (const [i, name] of names.entries()) {
        const got = seen.get(`r${i}`)!;
        const effect = describeAuth(AUTHS[name]!);
        const replaced = got.authorization !== 'SDK-HMAC-SHA256 signed';
        expect([name, replaced]).toEqual([name, /Authorization header/.test(effect) || /in the Authorization header/.test(effect)]);
        const addedQuery = /query parameter "([^"]+)"/.exec(effect)?.[1];
        expect([name, got.query !== '?a=1']).toEqual([name, addedQuery !== undefined]);
        if (addedQuery) expect(new URLSearchParams(got.query).has(addedQuery)).toBe(true);
        const ownHeader = /a header of its own, "([^"]+)"/.exec(effect)?.[1];
        if (ownHeader) expect(got.headers[ownHeader.toLowerCase()]).toBe('k-123');
      }
    } finally {
      server.close();
    }
  });
});

const collection = {
  info: { name: 'mine', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  auth: AUTHS.bearer,
  item: [
    {
      name: 'pets',
      auth: AUTHS['oauth2 in the header'],
      event: [{ listen: 'prerequest', script: { exec: ['// only a comment', ''] } }],
      item: [
        { name: 'list', request: { method: 'GET', url: 'https://x/pets' } },
        { name: 'find', request: { method: 'GET', url: 'https://x/pets', auth: AUTHS['apikey in the query'] } },
        { name: 'noauth', request: { method: 'GET', url: 'https://x/pets', auth: { type: 'noauth' } } },
        { name: 'tagged', event: [{ listen: 'prerequest', script: { exec: ["pm.request.headers.add({ key: 'X', value: '1' });"] } }], request: { method: 'GET', url: 'https://x/' } },
      ],
    },
    { name: 'store', event: [{ listen: 'prerequest', script: { exec: 'pm.variables.set("a", 1);' } }], item: [{ name: 'inventory', request: { method: 'GET', url: 'https://x/', auth: { type: 'inherit' } } }] },
  ],
};

describe('postmanAuthPlaces and fixPostmanAuth', () => {
  it('names the collection, folders and requests that set an auth, in file order', () => {
    expect(postmanAuthPlaces(collection).map((p) => `${p.where} ${p.type}`)).toEqual(['the collection bearer', 'folder "pets" oauth2', 'request "pets / find" apikey']);
  });

  it('sets each to No Auth, keeps inherit (absent or "inherit") and noauth as they are, and leaves the input alone', () => {
    const before = structuredClone(collection);
    const { collection: fixed, fixed: places } = fixPostmanAuth(collection);
    expect(collection).toEqual(before);
    expect(places.map((p) => p.where)).toEqual(['the collection', 'folder "pets"', 'request "pets / find"']);
    expect(fixed.auth).toEqual({ type: 'noauth' });
    expect(fixed.item[0]!.auth).toEqual({ type: 'noauth' });
    const requests = fixed.item[0]!.item.map((i) => (i.request as { auth?: unknown }).auth);
    expect(requests).toEqual([undefined, { type: 'noauth' }, { type: 'noauth' }, undefined]);
    expect((fixed.item[1]!.item[0]!.request as { auth?: unknown }).auth).toEqual({ type: 'inherit' });
    expect(postmanAuthPlaces(fixed)).toEqual([]);
  });
});

describe('folder and request pre-request scripts', () => {
  it('are named when they hold code (not only comments and blank lines)', () => {
    expect(itemsWithPrerequestScripts(collection)).toEqual(['request "pets / tagged"', 'folder "store"']);
  });

  it('get a warning each, after the auth warnings', () => {
    const warnings = collectionWarnings(fixPostmanAuth(collection).collection);
    expect(warnings).toEqual([
      'request "pets / tagged" has a pre-request script: it runs after the signer (the collection\'s pre-request script) and what it changes in the request is not signed (APIGW.0301): move that code into the collection\'s pre-request script, before the signer',
      'folder "store" has a pre-request script: it runs after the signer (the collection\'s pre-request script) and what it changes in the request is not signed (APIGW.0301): move that code into the collection\'s pre-request script, before the signer',
    ]);
  });
});
