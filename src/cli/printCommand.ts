import type { Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { readSignerScript } from '../lib/signerScript';
import { exitCodesHelp, type Wrap } from './options';

/** `hwc-auth print` */
export function addPrintCommand(program: Command, wrap: Wrap): void {
  program
    .command('print')
    .description('print the built pre-request script (paste it into a collection\'s Pre-request Script tab)')
    .option('--readable', 'print the readable build instead of the paste form (the same code, not minified)')
    .addHelpText('after', exitCodesHelp({ ok: 'the script was printed', usage: 'the built script is missing (npm run build)' }))
    .action(
      wrap((options: { readable?: boolean }) => {
        process.stdout.write(readSignerScript(process.env, options.readable === true));
        return EXIT.ok;
      }),
    );
}
