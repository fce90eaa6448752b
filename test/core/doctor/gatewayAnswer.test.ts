import { classifyRefusal, readGatewayAnswer } from '../../../src/core/doctor';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const apig = (code: string, msg: string): string => JSON.stringify({ error_msg: msg, error_code: code, request_id: '0123456789abcdef' });

describe('readGatewayAnswer', () => {
  it("reads APIG's body, IAM's Keystone body, and plain text", () => {
    expect(readGatewayAnswer(401, apig('APIGW.0301', 'Incorrect IAM authentication information: ak not exist'))).toEqual({
      status: 401,
      code: 'APIGW.0301',
      message: 'Incorrect IAM authentication information: ak not exist',
    });
    expect(readGatewayAnswer(401, '{"error":{"code":401,"message":"The account is locked.","title":"Unauthorized"}}')).toEqual({
      status: 401,
      message: 'The account is locked.',
    });
    expect(readGatewayAnswer(502, '<html>bad gateway</html>')).toEqual({ status: 502, message: '<html>bad gateway</html>' });
  });
});

describe('classifyRefusal', () => {
  const classify = (status: number, code: string, msg: string) => classifyRefusal(readGatewayAnswer(status, apig(code, msg)));

  it('a signature mismatch, with the canonical request the gateway quotes', () => {
    const r = classify(401, 'APIGW.0301', `Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:GET|/v1/x/||host:h|x-sdk-date:20240102T030405Z||host;x-sdk-date|${HASH}`);
    expect(r).toEqual({
      kind: 'signature-mismatch',
      received: {
        method: 'GET',
        canonicalUri: '/v1/x/',
        canonicalQuery: '',
        headers: [['host', 'h'], ['x-sdk-date', '20240102T030405Z']],
        signedHeaders: ['host', 'x-sdk-date'],
        payloadHash: HASH,
      },
    });
    expect(classify(401, 'APIG.0303', 'Incorrect app authentication information: verify signature fail')).toEqual({ kind: 'signature-mismatch' });
  });

  it('signature expired, with both times as epoch ms', () => {
    expect(classify(401, 'APIGW.0301', 'Incorrect IAM authentication information: signature expired, signature time:20240102T030405Z, server time:20240102T032418Z')).toEqual({
      kind: 'signature-expired',
      signatureTime: Date.UTC(2024, 0, 2, 3, 4, 5),
      serverTime: Date.UTC(2024, 0, 2, 3, 24, 18),
    });
    expect(classify(401, 'APIGW.0301', 'signature expired')).toEqual({ kind: 'signature-expired' });
  });

  it("a locked key, an unknown AK, a dead token, anything else; not a refusal unless 401/403", () => {
    expect(classify(401, 'APIGW.0301', 'Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.')).toEqual({ kind: 'ak-locked' });
    expect(classify(401, 'APIG.0301', 'Incorrect IAM authentication information: Get secretKey failed,ak:******,err:ak not exist')).toEqual({ kind: 'unknown-ak' });
    expect(classify(401, 'APIG.0307', 'The token must be updated.')).toEqual({ kind: 'token-invalid' });
    expect(classify(401, 'IAM.0066', 'The token is expired.')).toEqual({ kind: 'token-invalid' });
    expect(classify(401, 'APIG.0301', 'Incorrect IAM authentication information: decrypt token fail')).toEqual({ kind: 'token-invalid' });
    expect(classify(403, 'APIG.0302', 'The IAM user is not authorized to access the API.')).toEqual({ kind: 'other' });
    expect(classify(401, 'APIGW.0301', 'Incorrect IAM authentication information: Authorization not found.')).toEqual({ kind: 'authorization-replaced' });
    expect(classify(401, 'APIGW.0301', 'Incorrect IAM authentication information: Authorization is not "SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=..."')).toEqual({
      kind: 'authorization-replaced',
    });
    expect(classify(404, 'APIG.0101', 'The API does not exist or has not been published in the environment.')).toBeUndefined();
    expect(classify(200, '', '')).toBeUndefined();
  });
});
