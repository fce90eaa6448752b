/**
 * Which hosts get credentials: the patterns of `hwc_auth_hosts` and the default list. Pure matching; the sandbox
 * reads the variable and applies the verdict (src/sandbox/hostPolicy.ts).
 *
 * A pattern is one of:
 * - `*`: every host (the list is off);
 * - `*.example.com`: every name under example.com, any depth (`a.example.com`, `a.b.example.com`), NOT the apex
 *   `example.com` itself (list it too if it is meant);
 * - `example.com`, `10.1.2.3`, `[::1]`: that host exactly;
 * - `127.0.0.0/8`: the IPv4 addresses of a CIDR block;
 * each optionally followed by `:port` (`*.example.com:8443`), which then matches only that port (the URL's explicit
 * port, else 443 for https and 80 for http); without a port any port matches.
 * Names compare case-insensitively, one trailing dot ignored. IPv4 hosts are compared only in plain dotted-decimal
 * form and IPv6 ones as written: a host in any other spelling (`127.1`, `0x7f.0.0.1`, `%2e`, ...) matches nothing,
 * so it fails closed.
 */

export type HostPattern =
  | { kind: 'any'; port?: number }
  | { kind: 'exact'; host: string; port?: number }
  | { kind: 'subdomains'; of: string; port?: number }
  | { kind: 'ipv4Block'; base: number; bits: number; port?: number };

/** Where a request goes: the URL's host (lower case, IPv6 in brackets) and its effective port. */
export interface HostTarget {
  hostname: string;
  port: number;
}

/**
 * Huawei Cloud's public API domains, as the endpoints in Huawei's own SDK region lists use them
 * (huaweicloud/huaweicloud-sdk-go-v3 at 1cd70eb6, `services/<service>/<version>/region/region.go`: 2,992 endpoint
 * URLs, 2,205 distinct hosts, every one under these domains):
 * - `*.myhuaweicloud.com`: nearly all of them (`https://ecs.cn-north-4.myhuaweicloud.com`), and IAM's default
 *   `https://iam.myhuaweicloud.com` (`core/auth/internal/iam_helper.go`);
 * - `*.myhuaweicloud.cn`: e.g. `https://bcs.cn-north-4.myhuaweicloud.cn` (bcs/v2), `https://cae.cn-east-3.myhuaweicloud.cn` (cae/v1);
 * - `*.myhuaweicloud.eu`: the Dublin region, e.g. `https://iam.eu-west-101.myhuaweicloud.eu` (iam/v3);
 * - `*.huaweicloud.com`: e.g. `https://api.meeting.huaweicloud.com` (meeting/v1), `https://dme.cn-north-4.huaweicloud.com`;
 * - `*.myhwclouds.com`: `https://as.ap-southeast-1.myhwclouds.com` (as/v1);
 * - `*.myhuaweicloud.asia`, `*.myhuaweicloud.africa`: `https://cts.ap-southeast-5.myhuaweicloud.asia`,
 *   `https://cts.af-north-1.myhuaweicloud.africa` (cts/v3).
 * Plus the domain under which API Gateway names the APIs users publish there (app and appcode modes): each API
 * group's debugging domain, `sl_domain` in APIG's API reference (CreateApiGroupV2), `<group id>.apic.<region>.huaweicloudapis.com`.
 * A custom domain bound to a group is the user's own: it goes into hwc_auth_hosts.
 */
export const HUAWEI_CLOUD_API_DOMAINS: readonly string[] = [
  '*.myhuaweicloud.com',
  '*.myhuaweicloud.cn',
  '*.myhuaweicloud.eu',
  '*.huaweicloud.com',
  '*.myhwclouds.com',
  '*.myhuaweicloud.asia',
  '*.myhuaweicloud.africa',
  '*.huaweicloudapis.com',
];

/** Loopback: where the mock cloud and local test servers listen. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.0/8', '[::1]'];

/** The default list when hwc_auth_hosts is unset (the sandbox adds the IAM endpoint's host). */
export const DEFAULT_AUTH_HOSTS: readonly string[] = [...HUAWEI_CLOUD_API_DOMAINS, ...LOOPBACK_HOSTS];

/**
 * DEFAULT_AUTH_HOSTS already parsed, in the same order (test/core/hostPatterns.test.ts checks that they agree): the
 * sandbox checks every request against the default list, and parsing it there cost about a tenth of the script's own
 * time per request (docs/benchmarks.md).
 */
export const DEFAULT_AUTH_PATTERNS: readonly HostPattern[] = [
  ...HUAWEI_CLOUD_API_DOMAINS.map((d): HostPattern => ({ kind: 'subdomains', of: d.slice(2) })),
  { kind: 'exact', host: 'localhost' },
  { kind: 'ipv4Block', base: 0x7f000000, bits: 8 },
  { kind: 'exact', host: '[::1]' },
];

const LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?';
const DNS_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/** The parsed patterns of a comma-separated list, and the entries that are not patterns (to report). */
export function parseHostPatterns(list: string): { patterns: HostPattern[]; invalid: string[] } {
  const patterns: HostPattern[] = [];
  const invalid: string[] = [];
  for (const raw of list.split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const pattern = parseHostPattern(entry);
    if (pattern) patterns.push(pattern);
    else invalid.push(entry);
  }
  return { patterns, invalid };
}

/** One pattern, or undefined when the text is not one (a URL, a path, a wildcard elsewhere than in front). */
export function parseHostPattern(text: string): HostPattern | undefined {
  const split = splitPort(text.trim().toLowerCase());
  if (!split) return undefined;
  const { host, port } = split;
  const withPort = <P extends HostPattern>(p: P): P => (port === undefined ? p : { ...p, port });
  if (host === '*') return withPort({ kind: 'any' });
  if (host.startsWith('*.')) {
    const of = normalizeHostname(host.slice(2));
    return of !== undefined && !of.startsWith('[') ? withPort({ kind: 'subdomains', of }) : undefined;
  }
  const slash = host.indexOf('/');
  if (slash >= 0) {
    const base = ipv4(host.slice(0, slash));
    const bitsText = host.slice(slash + 1);
    const bits = Number(bitsText);
    if (base === undefined || !/^\d{1,2}$/.test(bitsText) || bits > 32) return undefined;
    return withPort({ kind: 'ipv4Block', base: (base & mask(bits)) >>> 0, bits });
  }
  const exact = normalizeHostname(host);
  return exact === undefined ? undefined : withPort({ kind: 'exact', host: exact });
}

/** True when some pattern admits the target. */
export function hostAllowed(patterns: readonly HostPattern[], target: HostTarget): boolean {
  const hostname = normalizeHostname(target.hostname);
  return patterns.some((p) => (p.port === undefined || p.port === target.port) && hostMatches(p, hostname));
}

function hostMatches(pattern: HostPattern, hostname: string | undefined): boolean {
  if (pattern.kind === 'any') return true;
  if (hostname === undefined) return false;
  switch (pattern.kind) {
    case 'exact':
      return hostname === pattern.host;
    case 'subdomains':
      return hostname.length > pattern.of.length + 1 && hostname.endsWith('.' + pattern.of) && ipv4(hostname) === undefined;
    case 'ipv4Block': {
      const address = ipv4(hostname);
      return address !== undefined && ((address & mask(pattern.bits)) >>> 0) === pattern.base;
    }
  }
}

/** Loopback hosts: `localhost`, 127.0.0.0/8 in dotted decimal, `[::1]`. Plain http is fine to these. */
export function isLoopback(hostname: string): boolean {
  const host = normalizeHostname(hostname);
  if (host === undefined) return false;
  if (host === 'localhost' || host === '[::1]' || host === '[0:0:0:0:0:0:0:1]') return true;
  const address = ipv4(host);
  return address !== undefined && address >>> 24 === 127;
}

/** The port a connection to the URL uses: the explicit one, else the scheme's (https 443, http 80). */
export function effectivePort(scheme: string, explicitPort: string): number {
  if (explicitPort !== '') return Number(explicitPort);
  return scheme.toLowerCase() === 'https' ? 443 : 80;
}

/** A host name or address in the one form patterns compare (lower case, no trailing dot); undefined if not one. */
export function normalizeHostname(hostname: string): string | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (IPV6.test(host)) return host;
  return DNS_NAME.test(host) ? host : undefined;
}

/** `host[:port]` with the port a decimal 1-65535; `[v6]:port` too. */
function splitPort(text: string): { host: string; port?: number } | undefined {
  const m = /^(\[[^\]]*\]|[^:\[\]]*)(?::(\d{1,5}))?$/.exec(text);
  if (!m || m[1] === '') return undefined;
  if (m[2] === undefined) return { host: m[1]! };
  const port = Number(m[2]);
  return port >= 1 && port <= 65535 ? { host: m[1]!, port } : undefined;
}

/** A dotted-decimal IPv4 address (no leading zeros, each part 0-255) as an unsigned 32-bit number. */
function ipv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return undefined;
  let value = 0;
  for (const part of m.slice(1)) {
    if ((part.length > 1 && part.startsWith('0')) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

function mask(bits: number): number {
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}
