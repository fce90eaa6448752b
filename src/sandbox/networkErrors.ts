import { messageOf } from './errors';

/**
 * Network errors of pm.sendRequest in words. Through Newman they arrive as little more than Node's code
 * (`{ code: 'ECONNRESET' }` for "socket hang up", `HPE_HEADER_OVERFLOW` for a reply whose headers are too large), so
 * the code is what a message can build on: what happened, and at which step of the exchange.
 */
export interface NetworkFailure {
  /** Node's code, e.g. ECONNREFUSED, or undefined when the error names none. */
  code: string | undefined;
  /** connect: no connection was made; reply: connected, but no usable HTTP reply came; tls: the TLS handshake failed. */
  stage: 'connect' | 'reply' | 'tls';
  /** What happened, in words; '' when the code is unknown. */
  words: string;
}

const KNOWN: Record<string, [NetworkFailure['stage'], string]> = {
  ECONNREFUSED: ['connect', 'connection refused: nothing accepts connections at that address and port'],
  ENOTFOUND: ['connect', 'the host name does not resolve (DNS)'],
  EAI_AGAIN: ['connect', 'the DNS lookup failed for now'],
  EHOSTUNREACH: ['connect', 'no route to the host'],
  ENETUNREACH: ['connect', 'the network is unreachable'],
  ETIMEDOUT: ['connect', 'the connection timed out'],
  ECONNRESET: ['reply', 'the server closed the connection without a reply (socket hang up)'],
  EPIPE: ['reply', 'the server closed the connection while the request was being sent'],
  HPE_HEADER_OVERFLOW: ['reply', "the reply's headers are larger than this client accepts (Node's limit: 16 KB unless raised)"],
};

/** Node's code of an error object, or the first one its message names ("getaddrinfo ENOTFOUND host"). */
export function errorCode(err: unknown): string | undefined {
  if (!err || typeof err !== 'object') return undefined;
  const e = err as { code?: unknown; message?: unknown };
  if (typeof e.code === 'string' && e.code) return e.code;
  const message = typeof e.message === 'string' ? e.message : '';
  return /\b(E[A-Z][A-Z_]+|HPE_[A-Z_]+|ERR_[A-Z_]+|[A-Z_]*CERT[A-Z_]*)\b/.exec(message)?.[1];
}

/** What a network error code means and where the exchange stopped. */
export function networkFailure(code: string | undefined): NetworkFailure {
  if (code === undefined) return { code, stage: 'connect', words: '' };
  const known = Object.prototype.hasOwnProperty.call(KNOWN, code) ? KNOWN[code] : undefined;
  if (known) return { code, stage: known[0], words: known[1] };
  if (code.startsWith('HPE_')) return { code, stage: 'reply', words: 'the reply is not valid HTTP' };
  if (/CERT|^ERR_TLS|^ERR_SSL|^EPROTO$/.test(code)) {
    return { code, stage: 'tls', words: 'the TLS handshake failed (the certificate was not accepted, or the server does not speak TLS)' };
  }
  return { code, stage: 'connect', words: '' };
}

/** A failed exchange in one phrase for a message: the error as reported, then what its code means, when known. */
export function networkErrorText(err: unknown): string {
  const said = messageOf(err);
  const { words } = networkFailure(errorCode(err));
  return words ? `${said}: ${words}` : said;
}
