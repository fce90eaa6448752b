/** The hwc-auth executable: parse, run, set the exit code. Everything else is in ./program and the library. */
import { main } from './program';

// A reader that stops early (`hwc-auth print | head -2`) closes the pipe: stop quietly, as Unix tools do, instead of
// dying on the write's EPIPE with a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  throw e;
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`hwc-auth: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
