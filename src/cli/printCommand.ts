import type { Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { readPostResponseScript, readSignerScript } from '../lib/signerScript';
import { exitCodesHelp, type Wrap } from './options';

/** `hwc-auth print` */
export function addPrintCommand(program: Command, wrap: Wrap): void {
  program
    .command('print')
    .description(
      "print the built pre-request script (paste it into a collection's Pre-request tab), or with --post-response its " +
        "companion for the Post-response (Tests) tab",
    )
    .option('--post-response', 'print the post-response script instead (signature doctor, clock skew, lockout guard, token recovery)')
    .option('--readable', 'print the readable build instead of the paste form (the same code, not minified)')
    .addHelpText('after', exitCodesHelp({ ok: 'the script was printed', usage: 'the built script is missing (npm run build)' }))
    .action(
      wrap((options: { readable?: boolean; postResponse?: boolean }) => {
        const read = options.postResponse === true ? readPostResponseScript : readSignerScript;
        process.stdout.write(read(process.env, options.readable === true));
        return EXIT.ok;
      }),
    );
}
