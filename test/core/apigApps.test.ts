import { APIG_HEADER, appAuthHeaderName, appCodeTransportAllowed, isHeaderName, isLoopbackHost, parseUrl } from '../../src/core';

describe('isHeaderName (RFC 9110 token: tchar = "!#$%&\'*+-.^_`|~", DIGIT, ALPHA)', () => {
  it('accepts every tchar, alone and in names', () => {
    for (const ch of "!#$%&'*+-.^_`|~09azAZ") expect([ch, isHeaderName(ch)]).toEqual([ch, true]);
    expect(isHeaderName('X-Signature')).toBe(true);
    expect(isHeaderName('x_app_auth.v2')).toBe(true);
  });

  it('refuses the empty name, separators, spaces, controls and non-ASCII, anywhere in the name', () => {
    expect(isHeaderName('')).toBe(false);
    for (const bad of [' ', '(', ')', ',', '/', ':', ';', '<', '=', '>', '?', '@', '[', '\\', ']', '{', '}', '"', '\t', '\u007f', 'é']) {
      expect([bad, isHeaderName(bad)]).toEqual([bad, false]);
      expect([bad, isHeaderName('X-' + bad)]).toEqual([bad, false]);
      expect([bad, isHeaderName(bad + '-X')]).toEqual([bad, false]);
    }
    expect(isHeaderName('X-Sig\nInjected: 1')).toBe(false);
  });
});

describe('appAuthHeaderName', () => {
  it('is Authorization when none is configured, or Authorization in any case is', () => {
    expect(appAuthHeaderName(undefined)).toBe('Authorization');
    expect(appAuthHeaderName('authorization')).toBe('Authorization');
    expect(appAuthHeaderName('AUTHORIZATION')).toBe('Authorization');
  });

  it('keeps another valid header name as written', () => {
    expect(appAuthHeaderName('X-Sign')).toBe('X-Sign');
    expect(appAuthHeaderName('x-app-signature')).toBe('x-app-signature');
  });

  it('refuses a name that is not a header name', () => {
    expect(appAuthHeaderName('')).toBeNull();
    expect(appAuthHeaderName('X Sign')).toBeNull();
    expect(appAuthHeaderName('X-Sign:')).toBeNull();
  });

  it('refuses, in any case, each header the signer sets itself', () => {
    for (const reserved of ['Host', 'X-Sdk-Date', 'Content-Type', 'X-Sdk-Content-Sha256', 'x-stage', 'X-Apig-AppCode']) {
      expect([reserved, appAuthHeaderName(reserved)]).toEqual([reserved, null]);
      expect([reserved, appAuthHeaderName(reserved.toUpperCase())]).toEqual([reserved, null]);
      expect([reserved, appAuthHeaderName(reserved.toLowerCase())]).toEqual([reserved, null]);
    }
  });

  it('names the APIG headers as API Gateway documents them', () => {
    expect(APIG_HEADER).toEqual({ appCode: 'X-Apig-AppCode', stage: 'x-stage' });
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', 'api.localhost', '127.0.0.1', '127.1.2.3', '127.255.255.255', '[::1]'])('%s is loopback', (h) => {
    expect(isLoopbackHost(h)).toBe(true);
  });

  it.each([
    'localhost.example.com',
    'mylocalhost',
    'example.com',
    '128.0.0.1',
    '10.127.0.0',
    '127.0.0',
    '127.0.0.1.example.com',
    'x127.0.0.1',
    '127.0.0.1x',
    '127.0.0.1234',
    '[::2]',
    '::1',
  ])('%s is not', (h) => {
    expect(isLoopbackHost(h)).toBe(false);
  });
});

describe('appCodeTransportAllowed', () => {
  const allowed = (url: string): boolean => appCodeTransportAllowed(parseUrl(url));

  it('allows https to any host and http to loopback only', () => {
    expect(allowed('https://abc.apic.cn-north-4.huaweicloudapis.com/v1/x')).toBe(true);
    expect(allowed('https://127.0.0.1/x')).toBe(true);
    expect(allowed('http://127.0.0.1:9080/x')).toBe(true);
    expect(allowed('http://localhost/x')).toBe(true);
    expect(allowed('http://abc.apic.cn-north-4.huaweicloudapis.com/v1/x')).toBe(false);
  });

  it('allows no other scheme, even to loopback', () => {
    expect(appCodeTransportAllowed({ ...parseUrl('http://127.0.0.1/x'), protocol: 'ftp' })).toBe(false);
    expect(appCodeTransportAllowed({ ...parseUrl('https://example.com/x'), protocol: 'ftp' })).toBe(false);
  });
});
