import type { Command } from 'commander';
import { EXIT } from '../lib/exitCodes';
import { writeTextFile } from '../lib/files';
import { injectCollectionFile } from '../lib/injectFile';
import { EXIT_CODES_HELP, type Wrap } from './options';

/** `hwc-auth inject <collection>` */
export function addInjectCommand(program: Command, wrap: Wrap): void {
  program
    .command('inject')
    .description(
      'add the signer to a collection\'s collection-level pre-request script, after the collection\'s own code; ' +
        'running it again updates the block it added and changes nothing else',
    )
    .argument('<collection>', 'Postman Collection v2.x JSON file')
    .option('-o, --out <file>', 'write here instead of rewriting the collection in place ("-" for stdout)')
    .option('--check', 'change nothing; exit 1 when the collection lacks the current signer')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(
      wrap((collectionPath: string, opts: { out?: string; check?: boolean }) => {
        const result = injectCollectionFile(collectionPath, (line) => process.stderr.write(line));
        if (opts.check) {
          process.stderr.write(`hwc-auth: ${collectionPath}: ${result.changed ? 'signer missing or outdated' : 'signer up to date'}\n`);
          return result.changed ? EXIT.runFailed : EXIT.ok;
        }
        const out = opts.out ?? collectionPath;
        if (out === '-') process.stdout.write(result.text);
        else if (out !== collectionPath || result.changed) writeTextFile(out, result.text);
        if (out !== '-') {
          process.stderr.write(`hwc-auth: ${result.changed ? 'signer injected into' : 'signer already up to date in'} ${out}\n`);
        }
        return EXIT.ok;
      }),
    );
}
