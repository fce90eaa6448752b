/**
 * `npm run mock [-- --port N]`: runs the mock Huawei Cloud (IAM + gateway + /__mock/) until Ctrl-C.
 * Port: --port, else PORT, else 9080 (0 picks a free one). Prints the URL and the fixture credential names, never
 * the secret values.
 */
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, MOCK_TEMP_AK_PREFIX, startMockCloud } from '../src/mock';

const DEFAULT_PORT = 9080;

function portFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  let text: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--port' || arg === '-p') text = argv[++i];
    else if (arg.startsWith('--port=')) text = arg.slice('--port='.length);
    else if (arg === '--quiet' || arg === '-q') continue;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run mock [-- --port N] [--quiet]   (PORT env also works; default 9080, 0 = free port)\n');
      process.exit(0);
    } else throw new Error(`unknown argument ${arg}; try --help`);
  }
  text ??= env.PORT;
  if (text === undefined || text === '') return DEFAULT_PORT;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`port must be 0..65535, got ${text}`);
  return port;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const cloud = await startMockCloud({ port: portFromArgs(args, process.env), quiet: args.includes('--quiet') || args.includes('-q') });
  const lines = [
    `mock Huawei Cloud listening on ${cloud.url}`,
    `  IAM:        POST ${cloud.url}/v3/auth/tokens, POST ${cloud.url}/v3.0/OS-CREDENTIAL/securitytokens, GET ${cloud.url}/v3/projects`,
    `  gateway:    any other path (AK/SK or X-Auth-Token), e.g. GET ${cloud.url}/v1/${MOCK_PROJECTS[0].id}/vpcs`,
    `  for tests:  GET ${cloud.url}/__mock/stats, POST ${cloud.url}/__mock/reset, GET|POST ${cloud.url}/__mock/faults`,
    'credentials (values in src/mock/fixtures.ts):',
    `  AK ${MOCK_AKSK.ak} with MOCK_AKSK.sk`,
    `  account ${MOCK_ACCOUNT.domainName} (${MOCK_ACCOUNT.domainId})`,
    `  users ${MOCK_ACCOUNT.user.name} (MOCK_ACCOUNT.user.password), ${MOCK_ACCOUNT.otherUser.name} (MOCK_ACCOUNT.otherUser.password)`,
    `  projects ${MOCK_PROJECTS.map((p) => `${p.name} (${p.id})`).join(', ')}`,
    `  temporary AKs start with ${MOCK_TEMP_AK_PREFIX}`,
    'Ctrl-C to stop.',
  ];
  process.stdout.write(lines.join('\n') + '\n');
  const stop = (): void => {
    cloud.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  process.stderr.write(`mock: ${(err as Error).message}\n`);
  process.exit(1);
});
