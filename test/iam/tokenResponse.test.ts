import { iamError, isIamError, type IamError, parseIamTime, parseTokenResponse } from '../../src/core/iam';

describe('IAM time', () => {
  it('reads the microsecond UTC format of token.expires_at', () => {
    expect(parseIamTime('2020-01-04T09:05:22.701000Z')).toBe(1578128722701);
    expect(parseIamTime('2020-01-04T09:05:22Z')).toBe(1578128722000);
    expect(parseIamTime('2020-01-04 09:05:22')).toBeNull();
  });

  it('reads any number of fraction digits as a fraction of a second, to the millisecond', () => {
    const second = Date.UTC(2020, 0, 4, 9, 5, 22);
    expect(parseIamTime('2020-01-04T09:05:22.7Z')).toBe(second + 700);
    expect(parseIamTime('2020-01-04T09:05:22.07Z')).toBe(second + 70);
    expect(parseIamTime('2020-01-04T09:05:22.007Z')).toBe(second + 7);
    expect(parseIamTime('2020-01-04T09:05:22.123456789Z')).toBe(second + 123);
  });

  it.each([
    ['x2020-01-04T09:05:22.701000Z'],
    ['2020-01-04T09:05:22.701000Zx'],
    ['2020-01-04T09:05:22.701000Z\n'],
    [' 2020-01-04T09:05:22Z'],
    ['expires 2020-01-04T09:05:22Z'],
    ['12020-01-04T09:05:22Z'],
    ['2020-01-04T09:05:22.Z'],
    ['2020-01-04T09:05:22.1234567890Z'],
    ['2020-01-04T09:05:22+08:00'],
    [''],
  ])('rejects %j (the whole text must be one IAM time)', (text) => {
    expect(parseIamTime(text)).toBeNull();
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
    [503, '', '503 no error message in the reply'],
    [500, 'null', '500 no error message in the reply'],
    [500, '{}', '500 no error message in the reply'],
    [500, '"busy"', '500 no error message in the reply'],
    [500, '[]', '500 no error message in the reply'],
    [400, JSON.stringify({ error: { message: 42 }, error_msg: 'The request is invalid.' }), '400 The request is invalid.'],
    [400, JSON.stringify({ error_msg: 42, error_code: 'IAM.0001' }), '400 no error message in the reply'],
    [503, JSON.stringify({ error_msg: 'Service busy.' }), '503 Service busy.'], // no code: no prefix
    [503, JSON.stringify({ error_msg: 'Service busy.', error_code: 503 }), '503 Service busy.'], // a code that is not text is left out
  ])('turns a %i reply into an IamError with IAM\'s message', (status, text, message) => {
    expect(() => parseTokenResponse(status, undefined, text)).toThrow(iamError(message, status));
  });

  it('throws errors named IamError that carry the status', () => {
    let caught: unknown;
    try {
      parseTokenResponse(401, undefined, '');
    } catch (err) {
      caught = err;
    }
    expect(isIamError(caught)).toBe(true);
    expect((caught as IamError).name).toBe('IamError');
    expect((caught as IamError).status).toBe(401);
    expect(String(caught)).toBe('IamError: 401 no error message in the reply');
  });

  it('keeps IAM messages up to 300 characters and cuts longer ones to 300 and "..."', () => {
    const reply = (message: string): string => JSON.stringify({ error: { code: 400, message } });
    const m300 = 'm'.repeat(300);
    expect(() => parseTokenResponse(400, undefined, reply(m300))).toThrow(iamError('400 ' + m300, 400));
    expect(() => parseTokenResponse(400, undefined, reply(m300 + 'x'))).toThrow(iamError('400 ' + m300 + '...', 400));
    expect(() => parseTokenResponse(400, undefined, reply('m'.repeat(5000)))).toThrow(iamError('400 ' + m300 + '...', 400));
    const v30 = JSON.stringify({ error_code: 'IAM.0001', error_msg: 'e'.repeat(400) });
    expect(() => parseTokenResponse(400, undefined, v30)).toThrow(iamError('400 IAM.0001 ' + 'e'.repeat(291) + '...', 400));
  });

  it('rejects a 201 without a token or without a readable expiry', () => {
    expect(() => parseTokenResponse(201, undefined, body)).toThrow('without an X-Subject-Token');
    expect(() => parseTokenResponse(201, '   ', body)).toThrow('without an X-Subject-Token');
    expect(() => parseTokenResponse(201, 'MIItoken', '{"token":{}}')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', 'not json')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', '')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', 'null')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', '{"token":{"expires_at":1578128722701}}')).toThrow('expires_at');
    expect(() => parseTokenResponse(201, 'MIItoken', '{"token":{"expires_at":"2020-01-04T09:05:22.701000Z junk"}}')).toThrow('expires_at');
  });
});
