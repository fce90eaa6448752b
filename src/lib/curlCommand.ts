import { MAX_CLOCK_SKEW_MS, parseSdkDate } from '../core';
import { SECRET_HEADERS } from './mask/redact';

/**
 * `hwc-auth sign --curl`: a signed request as a ready curl command for a POSIX shell (sh, bash, zsh). Every header is
 * sent as signed; curl is told not to touch the URL (`--globoff`: no [] {} globbing, `--path-as-is`: no /./ or /../
 * squashing) nor to add a Content-Type the signer did not see. The SK is never in it; the security token is read
 * from the shell's $HUAWEICLOUD_SDK_SECURITY_TOKEN, as hwc-auth read it.
 */
export interface CurlRequest {
  method: string;
  /** The URL exactly as signed and sent. */
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
  /** The body as text given on the command line, or the file to read it from (bytes as they are). */
  body?: { text: string } | { file: string };
  /** The X-Sdk-Date signed. */
  sdkDate: string;
}

/** One shell word: as it is when plain, else in single quotes ('\'' for a quote inside). */
export function shellQuote(word: string): string {
  return /^[A-Za-z0-9_\-.,:/=%+@]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/** The curl command, preceded by a comment saying until when the gateway accepts it. */
export function formatCurl(request: CurlRequest): string {
  const method = request.method.toUpperCase();
  const words: string[] = ['curl', '--globoff', '--path-as-is'];
  if (method === 'HEAD') words.push('--head');
  else if (method !== 'GET' || request.body !== undefined) words.push('-X', method);
  words.push(shellQuote(request.url));
  const lines = [words.join(' ')];
  const notes: string[] = [];
  for (const [name, value] of request.headers) {
    if (name.toLowerCase() === 'x-security-token') lines.push(`-H "${name}: $HUAWEICLOUD_SDK_SECURITY_TOKEN"`);
    else {
      if (SECRET_HEADERS.includes(name.toLowerCase())) notes.push(`# ${name} is shown masked as ***: put its value back before running the command.`);
      lines.push(`-H ${shellQuote(`${name}: ${value}`)}`);
    }
  }
  if (request.body !== undefined) {
    // curl would add Content-Type: application/x-www-form-urlencoded, which nobody signed
    if (!request.headers.some(([n]) => n.toLowerCase() === 'content-type')) lines.push(`-H ${shellQuote('Content-Type:')}`);
    if ('file' in request.body) lines.push(`--data-binary @${shellQuote(request.body.file)}`);
    // --data-binary would read a file for a text starting with @; --data-raw sends it as it is
    else lines.push(`${request.body.text.startsWith('@') ? '--data-raw' : '--data-binary'} ${shellQuote(request.body.text)}`);
  }
  const signedAt = parseSdkDate(request.sdkDate) ?? Date.now();
  const until = new Date(signedAt + MAX_CLOCK_SKEW_MS).toISOString().replace(/\.\d+Z$/, 'Z');
  return [
    `# Signed for X-Sdk-Date ${request.sdkDate}: the gateway accepts it until ${until} (15 minutes), then sign again. No SK inside.`,
    ...notes,
    lines.join(' \\\n  '),
    '',
  ].join('\n');
}
