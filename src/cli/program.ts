import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from '../lib/exitCodes';
import { addDoctorCommand } from './doctorCommand';
import { addInjectCommand } from './injectCommand';
import { addMockCommand } from './mockCommand';
import { EXIT_CODES_HELP, extractReporterArgs, type Wrap } from './options';
import { addPrintCommand } from './printCommand';
import { addRunCommand } from './runCommand';
import { addSignCommand } from './signCommand';
import { VERSION } from './version';

/** Every command, one file each over src/lib, in the order `hwc-auth --help` lists them. */
const COMMANDS = [addPrintCommand, addInjectCommand, addRunCommand, addMockCommand, addSignCommand, addDoctorCommand];

/**
 * Builds the hwc-auth command line; `setExit` receives each action's exit code; `reporterArgs` are the
 * `--reporter-<name>-<option>` arguments of `run`, taken out of the command line first (see main).
 */
export function buildProgram(setExit: (code: number) => void, reporterArgs: ReadonlyArray<[string, string | true]> = []): Command {
  const program = new Command('hwc-auth');
  const wrap: Wrap =
    (action) =>
    async (...args) => {
      setExit(await action(...args));
    };

  program
    .description('Huawei Cloud AK/SK signing and IAM token auth for Postman and Newman')
    .version(VERSION, '-v, --version')
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', EXIT_CODES_HELP);
  for (const add of COMMANDS) add(program, wrap, reporterArgs);
  return program;
}

/** Runs hwc-auth with the given arguments (without node and script); resolves to the exit code. */
export async function main(args: readonly string[]): Promise<number> {
  let code: number = EXIT.ok;
  // `run` passes any --reporter-<name>-<option> to Newman, as Newman's own CLI does
  const isRun = args.find((a) => !a.startsWith('-')) === 'run';
  const { rest, reporterArgs } = isRun ? extractReporterArgs(args) : { rest: [...args], reporterArgs: [] };
  const program = buildProgram((c) => {
    code = c;
  }, reporterArgs);
  program.exitOverride();
  for (const command of program.commands) command.exitOverride();
  try {
    await program.parseAsync(rest, { from: 'user' });
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
