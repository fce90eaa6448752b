import type { Command } from 'commander';
import { fixedAuthLine } from '../lib/collectionWarnings';
import { EXIT } from '../lib/exitCodes';
import { writeTextFile } from '../lib/files';
import { injectCollectionFile } from '../lib/injectFile';
import { exitCodesHelp, type Wrap } from './options';

/** `hwc-auth inject <collection>` */
export function addInjectCommand(program: Command, wrap: Wrap): void {
  program
    .command('inject')
    .description(
      'add the signer to a collection\'s collection-level pre-request script, after the collection\'s own code, and ' +
        'the post-response script to its test script, before its own code; running it again updates the blocks it ' +
        'added and changes nothing else (the file keeps its indentation and line endings)',
    )
    .argument('<collection>', 'Postman Collection v2.x JSON file')
    .option('-o, --out <file>', 'write here instead of rewriting the collection in place ("-" for stdout)')
    .option('--fix-auth', 'also set every Postman auth type that would undo the signature (collection, folders, requests) to No Auth, and list them')
    .option('--check', 'change nothing; exit 1 when the collection lacks the current signer (with --fix-auth: or has such an auth)')
    .addHelpText(
      'after',
      exitCodesHelp({
        ok: 'the signer was injected or was up to date (--check: nothing to change)',
        failed: 'with --check: the signer is missing or outdated, or (--fix-auth) a Postman auth is to be fixed',
        usage: 'bad arguments, an unreadable or invalid file, not a Postman Collection v2.x, the built script missing; nothing was written',
      }),
    )
    .action(
      wrap((collectionPath: string, opts: { out?: string; check?: boolean; fixAuth?: boolean }) => {
        const result = injectCollectionFile(collectionPath, (line) => process.stderr.write(line), { fixAuth: opts.fixAuth === true });
        if (opts.check) {
          const problems = [
            ...(result.signerChanged ? ['signer missing or outdated'] : []),
            ...(result.fixed.length > 0 ? [`${result.fixed.length} Postman auth setting(s) to set to No Auth`] : []),
          ];
          process.stderr.write(`hwc-auth: ${collectionPath}: ${problems.length > 0 ? problems.join('; ') : 'signer up to date'}\n`);
          return result.changed ? EXIT.runFailed : EXIT.ok;
        }
        for (const place of result.fixed) process.stderr.write(fixedAuthLine(place));
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
