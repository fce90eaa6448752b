import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UsageError } from './exitCodes';
import { credentialRedactor, formatExplanation, formatHeaders, parseHeaderLine, signCommandRequest } from './explain';
import { formatJson, injectSigner } from './inject';
import { warnAboutPostmanAuth } from './postmanAuthWarnings';
import { readJsonFile, writeTextFile } from './files';
import { runMock } from './mockCommand';
import { runCollection } from './run';
import { signingCredentialsFromEnv, type VariableValue } from './settings';
import { readSignerScript } from './signerScript';
import { VERSION } from './version';

const EXIT_CODES_HELP = `
Exit codes:
  0  success
  1  the run had failures (as Newman: failed assertions, script errors, failed requests)
  2  usage or configuration error (bad arguments, unreadable files, missing credentials); nothing was run

Credentials come from the process environment, never from the command line:
  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK, HUAWEICLOUD_SDK_SECURITY_TOKEN, HUAWEICLOUD_SDK_PROJECT_ID,
  HUAWEICLOUD_SDK_DOMAIN_ID, HUAWEICLOUD_SDK_IAM_ENDPOINT, HUAWEICLOUD_USERNAME, HUAWEICLOUD_PASSWORD,
  HUAWEICLOUD_DOMAIN_NAME, HUAWEICLOUD_PROJECT_NAME (and HWC_AUTH_MODE, HWC_TOKEN_SCOPE, ... for hwc_* settings).
Secrets (SK, password, security token, IAM tokens) are masked as *** in everything hwc-auth prints or writes.
Docs: README.md (troubleshooting), docs/cli.md`;

function integer(name: string, min: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`${name} must be an integer >= ${min}`);
    return n;
  };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function keyValue(value: string, previous: VariableValue[] = []): VariableValue[] {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected key=value, got ${value}`);
  return [...previous, { key: value.slice(0, eq), value: value.slice(eq + 1) }];
}

function commaList(value: string): string[] {
  return value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Builds the hwc-auth command line; `setExit` receives each action's exit code. */
export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command('hwc-auth');
  const wrap =
    <A extends unknown[]>(action: (...args: A) => Promise<number> | number) =>
    async (...args: A): Promise<void> => {
      setExit(await action(...args));
    };

  program
    .description('Huawei Cloud AK/SK signing and IAM token auth for Postman and Newman')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);

  program
    .command('print')
    .description('print the built pre-request script (paste it into a collection\'s Pre-request Script tab)')
    .action(
      wrap(() => {
        process.stdout.write(readSignerScript());
        return EXIT.ok;
      }),
    );

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
        const result = injectSigner(readJsonFile(collectionPath, 'collection'), readSignerScript(), collectionPath);
        warnAboutPostmanAuth(result.collection, (line) => process.stderr.write(line));
        if (opts.check) {
          process.stderr.write(`hwc-auth: ${collectionPath}: ${result.changed ? 'signer missing or outdated' : 'signer up to date'}\n`);
          return result.changed ? EXIT.runFailed : EXIT.ok;
        }
        const text = formatJson(result.collection);
        const out = opts.out ?? collectionPath;
        if (out === '-') process.stdout.write(text);
        else if (out !== collectionPath || result.changed) writeTextFile(out, text);
        if (out !== '-') {
          process.stderr.write(`hwc-auth: ${result.changed ? 'signer injected into' : 'signer already up to date in'} ${out}\n`);
        }
        return EXIT.ok;
      }),
    );

  program
    .command('run')
    .description(
      'run a collection with Newman; credentials and IAM settings come from the process environment and are ' +
        'passed to Newman in memory, never written to a file',
    )
    .argument('<collection>', 'Postman Collection v2.x JSON file (the signer is added in memory if missing)')
    .option('-e, --environment <file>', 'Postman environment file (process-environment credentials override it)')
    .option('--export-environment <file>', 'write the environment after the run, secrets masked')
    .option('-r, --reporters <list>', 'comma-separated Newman reporters (cli, json, junit, progress)', commaList, ['cli'])
    .option('--reporter-junit-export <file>', 'JUnit XML report path (secrets masked)')
    .option('--reporter-json-export <file>', 'JSON report path (secrets masked)')
    .option('-n, --iteration-count <n>', 'number of iterations', integer('--iteration-count', 1))
    .option('-d, --iteration-data <file>', 'JSON or CSV data file for iterations')
    .option('--env-var <key=value>', 'set an environment variable (repeatable; not for secrets: use the process environment)', keyValue)
    .option('--folder <name>', 'run only this folder or request (repeatable)', collect)
    .option('--timeout-request <ms>', 'request timeout in ms', integer('--timeout-request', 0))
    .option('-k, --insecure', 'do not verify TLS certificates')
    .option('--bail', 'stop at the first failure')
    .option('--no-inject', 'run the collection as is, without adding or updating the signer')
    .addHelpText('after', EXIT_CODES_HELP)
    .action(
      wrap(
        async (
          collectionPath: string,
          opts: {
            environment?: string;
            exportEnvironment?: string;
            reporters: string[];
            reporterJunitExport?: string;
            reporterJsonExport?: string;
            iterationCount?: number;
            iterationData?: string;
            envVar?: VariableValue[];
            folder?: string[];
            timeoutRequest?: number;
            insecure?: boolean;
            bail?: boolean;
            inject: boolean;
          },
        ) => {
          const reporterExports: Record<string, string> = {};
          if (opts.reporterJunitExport) reporterExports.junit = opts.reporterJunitExport;
          if (opts.reporterJsonExport) reporterExports.json = opts.reporterJsonExport;
          const outcome = await runCollection({
            collection: collectionPath,
            reporters: opts.reporters,
            reporterExports,
            inject: opts.inject,
            ...(opts.environment !== undefined && { environment: opts.environment }),
            ...(opts.exportEnvironment !== undefined && { exportEnvironment: opts.exportEnvironment }),
            ...(opts.iterationCount !== undefined && { iterationCount: opts.iterationCount }),
            ...(opts.iterationData !== undefined && { iterationData: opts.iterationData }),
            ...(opts.envVar !== undefined && { envVars: opts.envVar }),
            ...(opts.folder !== undefined && { folder: opts.folder }),
            ...(opts.timeoutRequest !== undefined && { timeoutRequest: opts.timeoutRequest }),
            ...(opts.insecure !== undefined && { insecure: opts.insecure }),
            ...(opts.bail !== undefined && { bail: opts.bail }),
          });
          return outcome.exitCode;
        },
      ),
    );

  program
    .command('mock')
    .description('run the mock Huawei Cloud (IAM tokens, AK/SK verification) locally until Ctrl+C')
    .option('-p, --port <port>', 'port to listen on (default: a free one)', integer('--port', 0))
    .option('-q, --quiet', 'do not log requests')
    .action(wrap((opts: { port?: number; quiet?: boolean }) => runMock(opts.port, opts.quiet ?? false)));

  program
    .command('sign')
    .description(
      'sign one request with the AK/SK in the environment and print the headers to send; with --explain, also ' +
        'the canonical request, string to sign and signed headers (compare them with an APIGW.0301 reply)',
    )
    .requiredOption('--url <url>', 'absolute URL exactly as sent (encoded)')
    .option('-X, --method <method>', 'HTTP method', 'GET')
    .option('-H, --header <header>', "'Name: value' header to send and sign (repeatable)", collect)
    .addOption(new Option('--data <text>', 'request body').conflicts('dataFile'))
    .option('--data-file <file>', 'read the request body from a file (bytes as they are)')
    .option('--date <sdkDate>', 'X-Sdk-Date to use, YYYYMMDDTHHMMSSZ (default: now)')
    .option('--unsigned-payload', 'sign with X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD')
    .option('--explain', 'print every intermediate of the signature')
    .addHelpText('after', EXIT_CODES_HELP)
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
        }) => {
          const credentials = signingCredentialsFromEnv(process.env);
          const redactor = credentialRedactor(credentials);
          const headers = opts.header ?? [];
          for (const line of headers) {
            const [name, value] = parseHeaderLine(line);
            redactor.addHeader(name, value);
          }
          let body: Uint8Array | string | undefined = opts.data;
          if (opts.dataFile !== undefined) {
            try {
              body = readFileSync(opts.dataFile);
            } catch (e) {
              throw new UsageError(`cannot read --data-file ${opts.dataFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
            }
          }
          const signed = signCommandRequest(
            {
              method: opts.method,
              url: opts.url,
              headers,
              ...(body !== undefined && { body }),
              ...(opts.date !== undefined && { date: opts.date }),
              ...(opts.unsignedPayload !== undefined && { unsignedPayload: opts.unsignedPayload }),
            },
            credentials,
          );
          const text = opts.explain ? formatExplanation(signed) : formatHeaders(signed.headers);
          process.stdout.write(redactor.mask(text));
          return EXIT.ok;
        },
      ),
    );

  return program;
}

/** Runs hwc-auth with the given arguments (without node and script); resolves to the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  const program = buildProgram((c) => {
    code = c;
  });
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync([...args], { from: 'user' });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are exit 0; every parse error (unknown option, missing argument...) is a usage error
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (e instanceof UsageError) {
      process.stderr.write(`hwc-auth: ${e.message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`hwc-auth: ${(e as Error)?.message ?? String(e)}\n`);
    return EXIT.runFailed;
  }
}
