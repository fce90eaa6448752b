import { IamError, parseIamTime, parseTokenResponse } from '../../src/core/iam';

describe('IAM time', () => {
  it('reads the microsecond UTC format of token.expires_at', () => {
    expect(parseIamTime('2020-01-04T09:05:22.701000Z')).toBe(1578128722701);
    expect(parseIamTime('2020-01-04T09:05:22Z')).toBe(1578128722000);
    expect(parseIamTime('2020-01-04 09:05:22')).toBeNull();
  });
});

describe('token reply', () => {
  const body = JSON.stringify({ token: { expires_at: '2020-01-04T09:05:22.701000Z', issued_at: '2020-01-03T09:05:22.701000Z' } });

  it('takes the token from X-Subject-Token and the expiry from the body', () => {
    expect(parseTokenResponse(201, 'MIItoken', body)).toEqual({ token: 'MIItoken', expiresAt: 1578128722701 });
  });

  it('keeps a large token intact', () => {
    const big = 'MII' + 'x'.repeat(12000);
    expect(parseTokenResponse(201, big, body).token).toBe(big);
  });

  it.each([
    [401, JSON.stringify({ error: { code: 401, message: 'The username or password is wrong.', title: 'Unauthorized' } }), '401 The username or password is wrong.'],
    [401, JSON.stringify({ error_msg: 'The token has expired.', error_code: 'IAM.0066' }), '401 IAM.0066 The token has expired.'],
    [503, '<html>busy</html>', '503 no error message in the reply'],
  ])('turns a %i reply into an IamError with IAM\'s message', (status, text, message) => {
    expect(() => parseTokenResponse(status, undefined, text)).toThrow(new IamError(message, status));
  });

  it('rejects a 201 without a token or without a readable expiry', () => {
    expect(() => parseTokenResponse(201, undefined, body)).toThrow('without an X-Subject-Token');
    expect(() => parseTokenResponse(201, '   ', body)).toThrow('without an X-Subject-Token');
    expect(() => parseTokenResponse(201, 'MIItoken', '{"token":{}}')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', 'not json')).toThrow('expires_at');
  });
});
