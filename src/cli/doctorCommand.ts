import { Option, type Command } from 'commander';
import { doctorForCommandLine } from '../lib/doctor';
import { exitCodesHelp, type Wrap } from './options';
import { addRequestOptions, requestFlags, type RequestOptionValues } from './requestOptions';

/** `hwc-auth doctor --message '<gateway answer>' (--url ... | --request <file>)` */
export function addDoctorCommand(program: Command, wrap: Wrap): void {
  const command = program
    .command('doctor')
    .description(
      "explain a gateway's refusal: for APIGW.0301 'verify aksk signature fail, canonicalRequest:...' compare its " +
        'canonical request with the one signed for the request, part by part, and name the first difference and its likely cause',
    )
    .addOption(new Option('--message <text>', "the gateway's error_msg, or its whole JSON reply").conflicts('messageFile'))
    .option('--message-file <file>', "read the gateway's answer from a file")
    .addOption(new Option('--request <file>', 'the request as HTTP/1.1 text (Postman: Code > HTTP)').conflicts('url'));
  addRequestOptions(command, {
    url: { text: 'the request URL exactly as sent (as for sign)', required: false },
    method: 'HTTP method (with --url)',
    header: "'Name: value' header the request carried (repeatable)",
    date: 'X-Sdk-Date the request was signed with (default: its own X-Sdk-Date header, else the one the gateway quotes)',
    unsignedPayload: 'the request was signed with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD',
  })
    .addHelpText(
      'after',
      exitCodesHelp({
        ok: 'the cause is named (the first differing part, everything matching: a wrong SK, the clock offset, a locked or unknown AK, a dead token)',
        failed: 'the answer was read but nothing could be compared or named (no request given, no canonical request quoted, not an authentication refusal)',
        usage: 'no message, both --message and --message-file, an unreadable file, a malformed request file or header',
      }),
    )
    .action(
      wrap((opts: RequestOptionValues & { message?: string; messageFile?: string; request?: string }) => {
        const report = doctorForCommandLine(requestFlags(opts), process.env);
        process.stdout.write(report.text);
        return report.exitCode;
      }),
    );
}
