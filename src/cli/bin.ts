/** The hwc-auth executable: parse, run, set the exit code. Everything else is in ./program and the library. */
import { main } from './program';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`hwc-auth: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
