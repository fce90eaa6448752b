import { Option, type Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { signForCommandLine } from '../lib/explain';
import { collect, exitCodesHelp, type Wrap } from './options';

/** `hwc-auth sign --url <url>` */
export function addSignCommand(program: Command, wrap: Wrap): void {
  program
    .command('sign')
    .description(
      'sign one request with the AK/SK in the environment and print the headers to send; with --explain, also ' +
        'the URL to send, the canonical request, string to sign and signed headers (compare them with an APIGW.0301 ' +
        'reply); with --curl, a curl command that sends it',
    )
    .requiredOption('--url <url>', 'absolute URL; encoded for the wire as the pre-request script does (--explain and --curl print it)')
    .option('-X, --method <method>', 'HTTP method', 'GET')
    .option('-H, --header <header>', "'Name: value' header to send and sign (repeatable)", collect)
    .addOption(new Option('--data <text>', 'request body').conflicts('dataFile'))
    .option('--data-file <file>', 'read the request body from a file (bytes as they are)')
    .option('--date <sdkDate>', 'X-Sdk-Date to use, YYYYMMDDTHHMMSSZ (default: now)')
    .option('--unsigned-payload', 'sign with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD')
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
      wrap(
        (opts: {
          url: string;
          method: string;
          header?: string[];
          data?: string;
          dataFile?: string;
          date?: string;
          unsignedPayload?: boolean;
          explain?: boolean;
          curl?: boolean;
        }) => {
          const { header, ...rest } = opts;
          const output = signForCommandLine({ ...rest, headers: header ?? [] }, process.env);
          for (const warning of output.warnings) process.stderr.write(`hwc-auth: warning: ${warning}\n`);
          process.stdout.write(output.text);
          return EXIT.ok;
        },
      ),
    );
}
