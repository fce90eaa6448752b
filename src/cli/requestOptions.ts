import { Option, type Command } from 'commander';
import type { RequestFlags } from '../lib/requestFlags';
import { collect } from './options';

/** What each command says about the request flags it shares (the rest of their help is the same). */
export interface RequestOptionsHelp {
  /** --url: required (sign), or one way among others to give the request (doctor). */
  url: { text: string; required: boolean };
  method: string;
  header: string;
  date: string;
  unsignedPayload: string;
}

/**
 * The flags that describe one request, shared by `sign` and `doctor`: --url, -X, -H (repeatable), --data or
 * --data-file, --date, --unsigned-payload. requestFlags() turns commander's values into the library's RequestFlags.
 */
export function addRequestOptions(command: Command, help: RequestOptionsHelp): Command {
  const url = new Option('--url <url>', help.url.text);
  if (help.url.required) url.makeOptionMandatory();
  return command
    .addOption(url)
    .option('-X, --method <method>', help.method, 'GET')
    .option('-H, --header <header>', help.header, collect)
    .addOption(new Option('--data <text>', 'request body').conflicts('dataFile'))
    .option('--data-file <file>', 'read the request body from a file (bytes as they are)')
    .option('--date <sdkDate>', help.date)
    .option('--unsigned-payload', help.unsignedPayload);
}

/** commander's values of the request flags: -H collected as `header`; --url optional where it is not required. */
export type RequestOptionValues = Omit<RequestFlags, 'headers' | 'url'> & { url?: string; header?: string[] };

/** The values with -H's lines as `headers` (none given: none). */
export function requestFlags<T extends RequestOptionValues>(opts: T): Omit<T, 'header'> & { headers: string[] } {
  const { header, ...rest } = opts;
  return { ...rest, headers: header ?? [] };
}
