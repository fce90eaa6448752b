import {
  DEFAULT_AUTH_HOSTS,
  DEFAULT_AUTH_PATTERNS,
  effectivePort,
  hostAllowed,
  isLoopback,
  normalizeHostname,
  parseHostPattern,
  parseHostPatterns,
  type HostTarget,
} from '../../src/core/hostPatterns';

const allowed = (list: string, hostname: string, port = 443): boolean => {
  const { patterns, invalid } = parseHostPatterns(list);
  expect(invalid).toEqual([]);
  return hostAllowed(patterns, { hostname, port });
};

describe('parseHostPattern', () => {
  it.each([
    ['*', { kind: 'any' }],
    ['*:8443', { kind: 'any', port: 8443 }],
    ['*.Example.COM', { kind: 'subdomains', of: 'example.com' }],
    ['*.example.com:8443', { kind: 'subdomains', of: 'example.com', port: 8443 }],
    ['api.example.com', { kind: 'exact', host: 'api.example.com' }],
    ['api.example.com.', { kind: 'exact', host: 'api.example.com' }],
    ['10.1.2.3:9080', { kind: 'exact', host: '10.1.2.3', port: 9080 }],
    ['[::1]', { kind: 'exact', host: '[::1]' }],
    ['[::1]:9080', { kind: 'exact', host: '[::1]', port: 9080 }],
    ['127.0.0.0/8', { kind: 'ipv4Block', base: 0x7f000000, bits: 8 }],
    ['10.9.8.7/16', { kind: 'ipv4Block', base: 0x0a090000, bits: 16 }],
    ['0.0.0.0/0', { kind: 'ipv4Block', base: 0, bits: 0 }],
    ['  svc_1.internal  ', { kind: 'exact', host: 'svc_1.internal' }],
  ])('%s', (text, pattern) => {
    expect(parseHostPattern(text)).toEqual(pattern);
  });

  it.each([
    'https://api.example.com',
    'api.example.com/v1',
    'a.*.example.com',
    '*example.com',
    '**.example.com',
    '*.',
    '*.[::1]',
    '::1',
    'api.example.com:0',
    'api.example.com:65536',
    'api.example.com:',
    'user@api.example.com',
    'bad..example.com',
    '-lead.example.com',
    '127.0.0.0/33',
    '127.0.0/8',
    'a%2eb.example.com',
  ])('refuses %s', (text) => {
    expect(parseHostPattern(text)).toBeUndefined();
  });

  it('splits a list, skips empty entries and reports the bad ones as written', () => {
    expect(parseHostPatterns(' a.example.com , ,*.b.example.com,https://c.example.com,')).toEqual({
      patterns: [
        { kind: 'exact', host: 'a.example.com' },
        { kind: 'subdomains', of: 'b.example.com' },
      ],
      invalid: ['https://c.example.com'],
    });
  });
});

describe('hostAllowed', () => {
  it('*.domain matches any depth under it, never the apex nor a look-alike', () => {
    expect(allowed('*.myhuaweicloud.com', 'ecs.cn-north-4.myhuaweicloud.com')).toBe(true);
    expect(allowed('*.myhuaweicloud.com', 'iam.myhuaweicloud.com')).toBe(true);
    expect(allowed('*.myhuaweicloud.com', 'myhuaweicloud.com')).toBe(false);
    expect(allowed('*.myhuaweicloud.com', 'evilmyhuaweicloud.com')).toBe(false);
    expect(allowed('*.myhuaweicloud.com', 'myhuaweicloud.com.evil.com')).toBe(false);
    expect(allowed('*.myhuaweicloud.com', '.myhuaweicloud.com')).toBe(false);
  });

  it('an exact name matches only itself, case and one trailing dot aside', () => {
    expect(allowed('api.example.com', 'API.Example.com.')).toBe(true);
    expect(allowed('api.example.com', 'x.api.example.com')).toBe(false);
    expect(allowed('api.example.com', 'example.com')).toBe(false);
  });

  it('a port in the pattern must be the effective port; without one any port matches', () => {
    expect(allowed('api.example.com:8443', 'api.example.com', 8443)).toBe(true);
    expect(allowed('api.example.com:8443', 'api.example.com', 443)).toBe(false);
    expect(allowed('api.example.com', 'api.example.com', 1)).toBe(true);
    expect(allowed('*.example.com:443', 'a.example.com', effectivePort('https', ''))).toBe(true);
    expect(allowed('*.example.com:443', 'a.example.com', effectivePort('http', ''))).toBe(false);
  });

  it('IPv4 blocks match dotted-decimal addresses only; other spellings match nothing', () => {
    expect(allowed('127.0.0.0/8', '127.0.0.1')).toBe(true);
    expect(allowed('127.0.0.0/8', '127.255.10.2')).toBe(true);
    expect(allowed('127.0.0.0/8', '128.0.0.1')).toBe(false);
    expect(allowed('10.1.0.0/16', '10.1.200.3')).toBe(true);
    expect(allowed('10.1.0.0/16', '10.2.0.1')).toBe(false);
    expect(allowed('127.0.0.1/32', '127.0.0.1')).toBe(true);
    expect(allowed('127.0.0.1/32', '127.0.0.2')).toBe(false);
    for (const spelling of ['127.1', '0x7f.0.0.1', '0177.0.0.1', '127.000.0.1', '2130706433']) {
      expect(allowed('127.0.0.0/8, 127.0.0.1', spelling)).toBe(false);
    }
  });

  it('a wildcard never matches an IPv4 address that happens to end like the domain', () => {
    expect(allowed('*.0.0.1', '10.0.0.1')).toBe(false);
  });

  it('a host that is not a plain name or address matches no pattern but *', () => {
    for (const hostname of ['x.myhuaweicloud.com%2eevil.com', 'evil.com\\@x.myhuaweicloud.com', 'a b.myhuaweicloud.com', '']) {
      expect(allowed('*.myhuaweicloud.com, myhuaweicloud.com', hostname)).toBe(false);
      expect(allowed('*', hostname)).toBe(true);
    }
  });

  it('IPv6 hosts compare as written, in brackets', () => {
    expect(allowed('[::1]', '[::1]')).toBe(true);
    expect(allowed('[::1]:9080', '[::1]', 9080)).toBe(true);
    expect(allowed('[::1]', '[::2]')).toBe(false);
  });

  it('an empty list allows nothing', () => {
    expect(hostAllowed([], { hostname: 'localhost', port: 80 })).toBe(false);
  });
});

describe('the default list', () => {
  const patterns = parseHostPatterns(DEFAULT_AUTH_HOSTS.join(',')).patterns;
  const target = (hostname: string, port = 443): HostTarget => ({ hostname, port });

  it('parses entirely', () => {
    expect(parseHostPatterns(DEFAULT_AUTH_HOSTS.join(',')).invalid).toEqual([]);
    expect(patterns).toHaveLength(DEFAULT_AUTH_HOSTS.length);
  });

  it('is what DEFAULT_AUTH_PATTERNS holds already parsed (the sandbox uses those)', () => {
    expect(DEFAULT_AUTH_PATTERNS).toEqual(patterns);
  });

  it.each([
    // endpoints as Huawei's SDK region lists spell them (huaweicloud-sdk-go-v3 services/*/region/region.go)
    'iam.myhuaweicloud.com',
    'ecs.cn-north-4.myhuaweicloud.com',
    'bcs.cn-north-4.myhuaweicloud.cn',
    'iam.eu-west-101.myhuaweicloud.eu',
    'api.meeting.huaweicloud.com',
    'as.ap-southeast-1.myhwclouds.com',
    'cts.ap-southeast-5.myhuaweicloud.asia',
    'cts.af-north-1.myhuaweicloud.africa',
    // an API group's debugging domain on API Gateway (sl_domain)
    '03ce15e6b04e43d088581ceb15d5a4f7.apic.cn-north-4.huaweicloudapis.com',
    'localhost',
    '127.0.0.1',
    '127.8.9.10',
    '[::1]',
  ])('allows %s', (hostname) => {
    expect(hostAllowed(patterns, target(hostname))).toBe(true);
  });

  it.each(['example.com', 'api.example.com', 'myhuaweicloud.com', 'huaweicloud.com.evil.net', 'huaweicloudapis.com.evil.net', '10.0.0.1', '192.168.1.1', '[::2]', 'localhost.evil.net'])(
    'refuses %s',
    (hostname) => {
      expect(hostAllowed(patterns, target(hostname))).toBe(false);
    },
  );
});

describe('isLoopback', () => {
  it.each(['localhost', 'LOCALHOST.', '127.0.0.1', '127.255.255.254', '[::1]', '[0:0:0:0:0:0:0:1]'])('%s is loopback', (h) => {
    expect(isLoopback(h)).toBe(true);
  });
  it.each(['128.0.0.1', '10.0.0.1', 'localhost.example.com', 'my-localhost', '127.1', '0x7f.0.0.1', '[::2]', ''])('%s is not', (h) => {
    expect(isLoopback(h)).toBe(false);
  });
});

describe('effectivePort', () => {
  it('is the explicit port, else 443 for https and 80 for http', () => {
    expect(effectivePort('https', '')).toBe(443);
    expect(effectivePort('HTTPS', '')).toBe(443);
    expect(effectivePort('http', '')).toBe(80);
    expect(effectivePort('https', '8443')).toBe(8443);
    expect(effectivePort('http', '443')).toBe(443);
  });
});

describe('host patterns, at their edges', () => {
  it('carry no port key when none is given', () => {
    expect(parseHostPattern('*')).toStrictEqual({ kind: 'any' });
    expect(parseHostPattern('a.example.com')).toStrictEqual({ kind: 'exact', host: 'a.example.com' });
  });

  it('take ports 1 and 65535', () => {
    expect(parseHostPattern('a.example.com:1')).toEqual({ kind: 'exact', host: 'a.example.com', port: 1 });
    expect(parseHostPattern('a.example.com:65535')).toEqual({ kind: 'exact', host: 'a.example.com', port: 65535 });
  });

  it.each(['127.0.0.0/x8', '127.0.0.0/8x', '127.0.0.0/008', '1127.0.0.0/8', '127.0.0.0x/8', '256.0.0.0/8'])('refuse the block %s', (text) => {
    expect(parseHostPattern(text)).toBeUndefined();
  });

  it('0.0.0.0/0 is every IPv4 address', () => {
    expect(allowed('0.0.0.0/0', '10.1.2.3')).toBe(true);
    expect(allowed('0.0.0.0/0', '255.255.255.255')).toBe(true);
  });

  it('an address is four dotted decimal parts up to 255, nothing around them', () => {
    for (const host of ['127.0.0.1x', 'x127.0.0.1', '127.0.0.1234', '256.0.0.1', '127.0.0.256']) {
      expect([host, allowed('0.0.0.0/0', host)]).toEqual([host, false]);
    }
    expect(allowed('*.2.3.4', 'a1.2.3.4')).toBe(true); // a name, not an address
  });
});

describe('normalizeHostname', () => {
  it('takes an IPv6 literal only whole, in brackets', () => {
    expect(normalizeHostname('[::1]')).toBe('[::1]');
    expect(normalizeHostname('x[::1]')).toBeUndefined();
    expect(normalizeHostname('[::1]x')).toBeUndefined();
  });
});
