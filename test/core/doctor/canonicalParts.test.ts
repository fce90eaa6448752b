import { parseCanonicalRequest } from '../../../src/core/doctor';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

describe('parseCanonicalRequest', () => {
  const expected = {
    method: 'GET',
    canonicalUri: '/v1/p1/vpcs/',
    canonicalQuery: 'limit=2&marker=a%20b',
    headers: [
      ['content-type', 'application/json'],
      ['host', 'vpc.cn-north-4.myhuaweicloud.com'],
      ['x-sdk-date', '20240102T030405Z'],
    ],
    signedHeaders: ['content-type', 'host', 'x-sdk-date'],
    payloadHash: HASH,
  };

  it('reads the newline form the signer builds', () => {
    const text = [
      'GET',
      '/v1/p1/vpcs/',
      'limit=2&marker=a%20b',
      'content-type:application/json',
      'host:vpc.cn-north-4.myhuaweicloud.com',
      'x-sdk-date:20240102T030405Z',
      '',
      'content-type;host;x-sdk-date',
      HASH,
    ].join('\n');
    expect(parseCanonicalRequest(text)).toEqual(expected);
  });

  it('reads the |-joined form an APIGW.0301 answer quotes, with text after the payload hash ignored', () => {
    const text =
      'GET|/v1/p1/vpcs/|limit=2&marker=a%20b|content-type:application/json|host:vpc.cn-north-4.myhuaweicloud.com|' +
      `x-sdk-date:20240102T030405Z||content-type;host;x-sdk-date|${HASH}".`;
    expect(parseCanonicalRequest(text)).toEqual(expected);
  });

  it('keeps a | inside a header value of the |-joined form, and an empty query', () => {
    const text = `POST|/v1/x/||host:h|x-list:a|b|c|x-sdk-date:20240102T030405Z||host;x-list;x-sdk-date|UNSIGNED-PAYLOAD`;
    expect(parseCanonicalRequest(text)).toEqual({
      method: 'POST',
      canonicalUri: '/v1/x/',
      canonicalQuery: '',
      headers: [
        ['host', 'h'],
        ['x-list', 'a|b|c'],
        ['x-sdk-date', '20240102T030405Z'],
      ],
      signedHeaders: ['host', 'x-list', 'x-sdk-date'],
      payloadHash: 'UNSIGNED-PAYLOAD',
    });
  });

  it('reads the APIG.0303 app-auth form with a leading space', () => {
    expect(parseCanonicalRequest(` GET|/test/||host:api.example.com|x-sdk-date:20240102T030405Z||host;x-sdk-date|${HASH}`)?.canonicalUri).toBe('/test/');
  });

  it.each([
    ['not a canonical request', 'verify aksk signature fail'],
    ['no payload hash', 'GET|/|x|host:h||host|nothash'],
    ['no blank line before SignedHeaders', `GET|/||host:h|host|${HASH}`],
    ['a header line without a name', `GET|/||novalue||host|${HASH}`],
    ['text before the payload hash', `GET|/||host:h||host|x${HASH}`],
  ])('refuses %s', (_label, text) => {
    expect(parseCanonicalRequest(text)).toBeNull();
  });
});

describe('parseCanonicalRequest, at its edges', () => {
  const lines = ['GET', '/v1/x/', 'a=1', 'host:h', 'x-sdk-date:20240102T030405Z', '', 'host;x-sdk-date', HASH];
  const parsedLines = {
    method: 'GET',
    canonicalUri: '/v1/x/',
    canonicalQuery: 'a=1',
    headers: [
      ['host', 'h'],
      ['x-sdk-date', '20240102T030405Z'],
    ],
    signedHeaders: ['host', 'x-sdk-date'],
    payloadHash: HASH,
  };

  it('reads CRLF lines, and text ending in a newline', () => {
    expect(parseCanonicalRequest(lines.join('\r\n'))).toEqual(parsedLines);
    expect(parseCanonicalRequest(lines.join('\n') + '\n')).toEqual(parsedLines);
  });

  it('trims the method and the payload hash of the |-joined form, and drops empty SignedHeaders names', () => {
    expect(parseCanonicalRequest(`get |/v1/x/|a=1|host:h|x-sdk-date:20240102T030405Z||;host;x-sdk-date;| ${HASH}`)).toEqual(parsedLines);
  });

  it('reads a canonical request with no header line (six parts) and refuses five', () => {
    expect(parseCanonicalRequest(`GET|/|||host|${HASH}`)).toEqual({ method: 'GET', canonicalUri: '/', canonicalQuery: '', headers: [], signedHeaders: ['host'], payloadHash: HASH });
    expect(parseCanonicalRequest(`GET|||host|${HASH}`)).toBeNull();
  });

  it('in the |-joined form, starts a header at its first line even when it is not signed', () => {
    expect(parseCanonicalRequest(`GET|/||x-a:1||host|${HASH}`)?.headers).toEqual([['x-a', '1']]);
  });

  it('in the |-joined form, continues a value with a piece that names no signed header, or one already read', () => {
    expect(parseCanonicalRequest(`GET|/||host:h|x-list:a|x-other:b|bx|host:h2||host;x-list;b|${HASH}`)?.headers).toEqual([
      ['host', 'h'],
      ['x-list', 'a|x-other:b|bx|host:h2'],
    ]);
  });

  it('in the |-joined form, starts a header named first in SignedHeaders wherever it comes', () => {
    expect(parseCanonicalRequest(`GET|/||host:h|a:1||a;host|${HASH}`)?.headers).toEqual([
      ['host', 'h'],
      ['a', '1'],
    ]);
  });

  it.each([
    ['a header line without a colon', ['GET', '/', '', 'novalue', '', 'host', HASH]],
    ['a header line without a name', ['GET', '/', '', ':value', '', 'host', HASH]],
  ])('in the newline form, refuses %s', (_label, parts) => {
    expect(parseCanonicalRequest(parts.join('\n'))).toBeNull();
  });
});
