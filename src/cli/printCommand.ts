import type { Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { readSignerScript } from '../lib/signerScript';
import type { Wrap } from './options';

/** `hwc-auth print` */
export function addPrintCommand(program: Command, wrap: Wrap): void {
  program
    .command('print')
    .description('print the built pre-request script (paste it into a collection\'s Pre-request Script tab)')
    .action(
      wrap(() => {
        process.stdout.write(readSignerScript());
        return EXIT.ok;
      }),
    );
}
