import { Option, type Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { signForCommandLine } from '../lib/explain';
import { exitCodesHelp, type Wrap } from './options';
import { addRequestOptions, requestFlags, type RequestOptionValues } from './requestOptions';

/** `hwc-auth sign --url <url>` */
export function addSignCommand(program: Command, wrap: Wrap): void {
  const command = program
    .command('sign')
    .description(
      'sign one request with the AK/SK in the environment and print the headers to send; with --explain, also ' +
        'the URL to send, the canonical request, string to sign and signed headers (compare them with an APIGW.0301 ' +
        'reply); with --curl, a curl command that sends it',
    );
  addRequestOptions(command, {
    url: { text: 'absolute URL; encoded for the wire as the pre-request script does (--explain and --curl print it)', required: true },
    method: 'HTTP method',
    header: "'Name: value' header to send and sign (repeatable)",
    date: 'X-Sdk-Date to use, YYYYMMDDTHHMMSSZ (default: now)',
    unsignedPayload: 'sign with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD',
  })
    .addOption(new Option('--explain', 'print the URL to send and every intermediate of the signature').conflicts('curl'))
    .option('--curl', 'print a ready curl command (POSIX shell) instead: signed headers, valid for 15 minutes, no SK inside')
    .addHelpText(
      'after',
      exitCodesHelp({
        ok: 'the request was signed and printed',
        usage: 'bad arguments (--url, --date, -H), an unreadable --data-file, HUAWEICLOUD_SDK_AK or _SK not set',
      }),
    )
    .action(
      wrap((opts: RequestOptionValues & { url: string; explain?: boolean; curl?: boolean }) => {
        const output = signForCommandLine(requestFlags(opts), process.env);
        for (const warning of output.warnings) process.stderr.write(`hwc-auth: warning: ${warning}\n`);
        process.stdout.write(output.text);
        return EXIT.ok;
      }),
    );
}
