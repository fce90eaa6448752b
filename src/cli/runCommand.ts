import type { Command } from 'commander';
import { runCollection } from '../lib/run';
import { defaultTokenCachePath } from '../lib/tokenCacheFile';
import { collect, commaList, exitCodesHelp, integer, keyValues, reporterOptions, type Wrap } from './options';

interface RunFlags {
  environment?: string;
  globals?: string;
  exportEnvironment?: string;
  exportGlobals?: string;
  reporters: string[];
  iterationCount?: number;
  iterationData?: string;
  envVar?: string[];
  folder?: string[];
  timeoutRequest?: number;
  insecure?: boolean;
  bail?: boolean;
  inject: boolean;
  /** A path, or true when given without one (the default file). */
  tokenCache?: string | true;
}

const REPORTER_OPTIONS_HELP = `
Reporter options, as in Newman (any reporter, any option):
  --reporter-<name>-<option> [value]  passed to reporter <name>, e.g.
  --reporter-junit-export <file>      JUnit XML report path
  --reporter-json-export <file>       JSON report path
  --reporter-htmlextra-export <file>  HTML report of newman-reporter-htmlextra (install it next to hwc-auth)
  --reporter-<option> [value]         passed to every reporter
Every report is written with secrets masked; files at an --reporter-<name>-export path are masked again after the run.`;

/** `hwc-auth run <collection>`; reporterArgs: the `--reporter-*` arguments, taken out of the command line before. */
export function addRunCommand(program: Command, wrap: Wrap, reporterArgs: ReadonlyArray<[string, string | true]> = []): void {
  program
    .command('run')
    .description(
      'run a collection with Newman; credentials and IAM settings come from the process environment and are ' +
        'passed to Newman in memory, never written to a file',
    )
    .argument('<collection>', 'Postman Collection v2.x JSON file (the signer is added in memory if missing)')
    .option('-e, --environment <file>', 'Postman environment file (process-environment credentials override it)')
    .option('-g, --globals <file>', 'Postman globals file')
    .option('--export-environment <file>', 'write the environment after the run, secrets masked')
    .option('--export-globals <file>', 'write the globals after the run, secrets masked')
    .option('-r, --reporters <list>', 'comma-separated Newman reporters (cli, json, junit, progress, emojitrain, or an installed newman-reporter-<name>)', commaList, ['cli'])
    .option('-n, --iteration-count <n>', 'number of iterations', integer('--iteration-count', 1))
    .option('-d, --iteration-data <file>', 'JSON or CSV data file for iterations')
    .option('--env-var <key=value>', 'set an environment variable (repeatable; not for secrets: use the process environment)', collect)
    .option('--folder <name>', 'run only this folder or request (repeatable)', collect)
    .option('--timeout-request <ms>', 'request timeout in ms', integer('--timeout-request', 0))
    .option('-k, --insecure', 'do not verify TLS certificates')
    .option('--bail', 'stop at the first failure')
    .option('--no-inject', 'run the collection as is, without adding or updating the signer')
    .option(
      '--token-cache [file]',
      `keep IAM tokens, temporary keys and looked-up ids between runs in this file, readable by you only (mode 0600), never in exported environments; ` +
        'without a file: $XDG_CACHE_HOME/hwc-auth/tokens.json, else ~/.cache/hwc-auth/tokens.json (macOS: ~/Library/Caches/..., ' +
        'Windows: %LOCALAPPDATA%\\hwc-auth\\tokens.json)',
    )
    .addHelpText('after', REPORTER_OPTIONS_HELP)
    .addHelpText(
      'after',
      exitCodesHelp({
        ok: 'every request was sent and every assertion passed',
        failed:
          'a failed assertion, a script error, a request that failed or that the signer refused to send ' +
          '(missing credentials, an undefined variable, IAM refused: a failing hwc-auth: test names the fix)',
        usage: 'bad arguments, an unreadable or invalid collection, environment, data or token cache file; nothing was run',
      }),
    )
    .action(
      wrap(async (collectionPath: string, opts: RunFlags) => {
        // The flags are RunOptions by name, except --env-var (envVars), --token-cache and the reporter options (parsed apart).
        const { envVar, tokenCache, ...same } = opts;
        const outcome = await runCollection({
          ...same,
          collection: collectionPath,
          reporterOptions: reporterOptions(reporterArgs, opts.reporters),
          ...(envVar !== undefined && { envVars: keyValues('--env-var', envVar) }),
          ...(tokenCache !== undefined && { tokenCache: tokenCache === true ? defaultTokenCachePath() : tokenCache }),
        });
        return outcome.exitCode;
      }),
    );
}
