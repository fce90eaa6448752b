import { UsageError } from './exitCodes';

/** A request read from its HTTP/1.1 text: what Postman's Code > HTTP snippet shows, or what a proxy logged. */
export interface HttpRequestText {
  method: string;
  /** Absolute URL: the request target, with http:// and the Host header when the target is a path. */
  url: string;
  /** `Name: value` lines, in order. */
  headers: string[];
  body: string;
}

/**
 * Reads `METHOD target HTTP/1.1`, header lines, an empty line and the body. The target may be a path (the Host
 * header names the host) or an absolute URL. The scheme does not matter for the canonical request.
 */
export function parseHttpRequestText(text: string, source: string): HttpRequestText {
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  const split = normalized.indexOf('\n\n');
  const head = (split < 0 ? normalized : normalized.slice(0, split)).split('\n').filter((l, i) => i > 0 || l.trim() !== '');
  const body = split < 0 ? '' : normalized.slice(split + 2).replace(/\n$/, '');
  const requestLine = /^([A-Z]+)\s+(\S+)(?:\s+HTTP\/\d(?:\.\d)?)?\s*$/.exec(head[0] ?? '');
  if (!requestLine) throw new UsageError(`${source}: the first line must be the request line, e.g. "GET /v1/servers HTTP/1.1"`);
  const headers = head.slice(1).filter((l) => l.trim() !== '');
  for (const line of headers) {
    if (line.indexOf(':') <= 0) throw new UsageError(`${source}: bad header line ${JSON.stringify(line)}: expected 'Name: value'`);
  }
  const target = requestLine[2]!;
  let url = target;
  if (!/^https?:\/\//i.test(target)) {
    const host = headers.find((l) => /^host\s*:/i.test(l));
    if (!host) throw new UsageError(`${source}: the request target is a path, so a Host header is needed`);
    url = `http://${host.slice(host.indexOf(':') + 1).trim()}${target.startsWith('/') ? '' : '/'}${target}`;
  }
  return { method: requestLine[1]!, url, headers, body };
}
