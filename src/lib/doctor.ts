import { readFileSync } from 'node:fs';
import {
  classifyRefusal,
  compareCanonicalRequests,
  diagnoseRefusal,
  maskSecretHeaders,
  parseCanonicalRequest,
  readGatewayAnswer,
  type ParsedCanonicalRequest,
  type SigningCredentials,
} from '../core';
import { EXIT } from './exitCodes';
import { parseHeaderLine, signCommandRequest } from './explain';
import { UsageError } from './exitCodes';
import { parseHttpRequestText } from './httpRequestText';
import { Redactor } from './mask/redact';
import { readDataFile, type RequestFlags } from './requestFlags';

/** What `hwc-auth doctor` is given: the gateway's answer, and the request it refused (the sign flags, or a file). */
export interface DoctorOptions extends Partial<RequestFlags> {
  /** The gateway's error_msg, or its whole JSON reply. */
  message?: string;
  messageFile?: string;
  /** A file with the request as HTTP/1.1 text (Postman's Code > HTTP snippet). */
  request?: string;
  /** X-Sdk-Date the request was signed with; default: the request's own, else the one the gateway quotes. */
  date?: string;
}

export interface DoctorReport {
  /** 0: the cause is named; 1: the answer was read but nothing could be compared or named. */
  exitCode: number;
  text: string;
}

const CREDENTIAL_HEADERS: ReadonlyArray<[string, keyof SigningCredentials, string]> = [
  ['x-project-id', 'projectId', 'HUAWEICLOUD_SDK_PROJECT_ID'],
  ['x-domain-id', 'domainId', 'HUAWEICLOUD_SDK_DOMAIN_ID'],
  ['x-security-token', 'securityToken', 'HUAWEICLOUD_SDK_SECURITY_TOKEN'],
];

/**
 * `hwc-auth doctor`: reads a gateway's refusal and, for a rejected signature, signs the request the way this project
 * does (the headers the gateway lists as signed, the date it quotes), compares both canonical requests part by part,
 * and names the first difference and its likely cause, like the post-response script does in Postman. The SK is not
 * needed (the canonical request does not depend on it); nothing secret is printed.
 */
export function doctorForCommandLine(options: DoctorOptions, env: NodeJS.ProcessEnv = process.env): DoctorReport {
  const answer = readGatewayAnswer(401, readMessage(options));
  const refusal = classifyRefusal(answer)!;
  const redactor = new Redactor();
  for (const name of ['HUAWEICLOUD_SDK_SK', 'HUAWEICLOUD_SDK_SECURITY_TOKEN']) redactor.add(env[name]);

  if (refusal.kind !== 'signature-mismatch') {
    const diagnosis = diagnoseRefusal(answer, refusal, env.HUAWEICLOUD_SDK_AK ? { ak: env.HUAWEICLOUD_SDK_AK } : {});
    const named = refusal.kind !== 'other';
    const text = named
      ? `hwc-auth doctor: ${diagnosis.fix}\n\n${diagnosis.detail}\n`
      : `hwc-auth doctor: nothing to diagnose: the message quotes no canonical request, signature time or known refusal\n\n${diagnosis.detail}\n`;
    return { exitCode: named ? EXIT.ok : EXIT.runFailed, text: redactor.mask(text) };
  }
  const theirs = refusal.received;
  const hasRequest = options.request !== undefined || options.url !== undefined;
  if (!theirs || !hasRequest) {
    const diagnosis = diagnoseRefusal(answer, refusal);
    const hint = theirs
      ? 'give the request (--url with -X/-H/--data, or --request <file>) to compare it with what was signed'
      : 'the message quotes no canonical request to compare with';
    return { exitCode: EXIT.runFailed, text: redactor.mask(`hwc-auth doctor: ${diagnosis.fix}\n\n${diagnosis.detail}\n(${hint})\n`) };
  }

  const ours = canonicalRequestOf(options, theirs, env, redactor);
  const diagnosis = diagnoseRefusal(answer, refusal, { canonicalRequest: ours, ...(env.HUAWEICLOUD_SDK_AK && { ak: env.HUAWEICLOUD_SDK_AK }) });
  const signed = parseCanonicalRequest(ours)!;
  const lines = [
    `hwc-auth doctor: ${diagnosis.fix}`,
    '',
    'part by part (signed | the gateway received):',
    ...partByPart(maskSecretHeaders(signed), maskSecretHeaders(theirs)),
  ];
  return { exitCode: EXIT.ok, text: redactor.mask(lines.join('\n') + '\n') };
}

function readMessage(options: DoctorOptions): string {
  if (options.message !== undefined && options.messageFile !== undefined) throw new UsageError('give --message or --message-file, not both');
  if (options.message !== undefined) return options.message;
  if (options.messageFile === undefined) throw new UsageError("give the gateway's answer: --message '<error_msg or the JSON reply>' or --message-file <file>");
  try {
    return readFileSync(options.messageFile, 'utf8').trim();
  } catch (e) {
    throw new UsageError(`cannot read --message-file ${options.messageFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
}

/** The canonical request this project signs for the request given, restricted to the headers the gateway lists. */
function canonicalRequestOf(options: DoctorOptions, theirs: ParsedCanonicalRequest, env: NodeJS.ProcessEnv, redactor: Redactor): string {
  let method = options.method ?? 'GET';
  let url = options.url;
  let headerLines = [...(options.headers ?? [])];
  let body: string | Uint8Array | undefined = options.data;
  if (options.request !== undefined) {
    let text: string;
    try {
      text = readFileSync(options.request, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read --request ${options.request}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    const parsed = parseHttpRequestText(text, options.request);
    method = parsed.method;
    url = parsed.url;
    headerLines = [...parsed.headers, ...headerLines];
    if (body === undefined && parsed.body !== '') body = parsed.body;
  }
  if (options.dataFile !== undefined) body = readDataFile(options.dataFile);
  const listed = new Set(theirs.signedHeaders);
  const given = headerLines.map(parseHeaderLine);
  for (const [name, value] of given) redactor.addHeader(name, value);
  const ownDate = given.find(([n]) => n.toLowerCase() === 'x-sdk-date')?.[1];
  const quotedDate = theirs.headers.find(([n]) => n === 'x-sdk-date')?.[1];
  const date = options.date ?? ownDate ?? quotedDate;

  // AK/SK do not enter the canonical request; credential headers do, when the gateway lists them.
  const credentials: SigningCredentials = { ak: env.HUAWEICLOUD_SDK_AK || 'AK', sk: env.HUAWEICLOUD_SDK_SK || 'SK' };
  for (const [header, key, variable] of CREDENTIAL_HEADERS) {
    const value = given.find(([n]) => n.toLowerCase() === header)?.[1] ?? env[variable];
    if (value && listed.has(header)) credentials[key] = value;
  }
  const signedLines = given.filter(([n]) => listed.has(n.toLowerCase())).map(([n, v]) => `${n}: ${v}`);
  const signed = signCommandRequest(
    {
      method,
      url: url ?? '',
      headers: signedLines,
      ...(body !== undefined && { body }),
      ...(date !== undefined && { date }),
      ...(options.unsignedPayload !== undefined && { unsignedPayload: options.unsignedPayload }),
    },
    credentials,
  );
  return signed.result.canonicalRequest;
}

/** One line per part, the first difference marked. */
function partByPart(signed: ParsedCanonicalRequest, theirs: ParsedCanonicalRequest): string[] {
  const rows: Array<[string, string | undefined, string | undefined]> = [
    ['method', signed.method, theirs.method],
    ['canonical URI', signed.canonicalUri, theirs.canonicalUri],
    ['query', signed.canonicalQuery, theirs.canonicalQuery],
  ];
  const ours = new Map(signed.headers);
  const gateway = new Map(theirs.headers);
  for (const name of [...new Set([...ours.keys(), ...gateway.keys()])].sort()) rows.push([`header ${name}`, ours.get(name), gateway.get(name)]);
  rows.push(['signed headers', signed.signedHeaders.join(';'), theirs.signedHeaders.join(';')]);
  rows.push(['payload hash', signed.payloadHash, theirs.payloadHash]);
  const first = compareCanonicalRequests(signed, theirs);
  const firstLabel =
    first === null ? undefined : first.part === 'header' ? `header ${first.name}` : { method: 'method', uri: 'canonical URI', query: 'query', 'signed-headers': 'signed headers', 'payload-hash': 'payload hash' }[first.part];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, a, b]) => {
    const show = (v: string | undefined): string => (v === undefined ? '(none)' : JSON.stringify(v));
    const same = a === b;
    return `  ${label.padEnd(width)}  ${same ? `${show(a)} (same)` : `${show(a)} | ${show(b)}`}${label === firstLabel ? '   <- first difference' : ''}`;
  });
}
