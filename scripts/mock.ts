/**
 * `npm run mock [-- --port N] [--quiet]`: the same launcher as `hwc-auth mock` (src/cli/mockCommand.ts over
 * src/lib/mockLauncher.ts), run from source. Port: --port, else PORT, else 9080 (0 picks a free one).
 */
import { main } from '../src/cli/program';

const args = process.argv.slice(2);
const portGiven = args.some((a) => a === '-p' || a === '--port' || a.startsWith('--port='));
const port = !portGiven && process.env.PORT ? ['--port', process.env.PORT] : [];
main(['mock', ...port, ...args]).then((code) => {
  process.exitCode = code;
});
