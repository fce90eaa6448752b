import type { Command } from 'commander';
import { DEFAULT_MOCK_PORT, runMock } from '../lib/mockLauncher';
import { exitCodesHelp, port, type Wrap } from './options';

/** `hwc-auth mock` (also `npm run mock`, through scripts/mock.ts) */
export function addMockCommand(program: Command, wrap: Wrap): void {
  program
    .command('mock')
    .description('run the mock Huawei Cloud (IAM tokens, AK/SK verification) locally until Ctrl+C')
    .option('-p, --port <port>', `port to listen on (0 picks a free one)`, port('--port'), DEFAULT_MOCK_PORT)
    .option('-q, --quiet', 'do not log requests')
    .addHelpText('after', exitCodesHelp({ ok: 'stopped with Ctrl+C (SIGINT) or SIGTERM', usage: 'a bad --port, or the port is in use or not allowed; nothing was started' }))
    .action(wrap((opts: { port: number; quiet?: boolean }) => runMock(opts.port, opts.quiet ?? false)));
}
