import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, MOCK_TEMP_AK_PREFIX, startMockCloud } from '../mock';

/** The mock's port when none is given, for `hwc-auth mock` and `npm run mock` alike; 0 picks a free one. */
export const DEFAULT_MOCK_PORT = 9080;

/**
 * Runs the mock Huawei Cloud until SIGINT/SIGTERM (`hwc-auth mock`, `npm run mock`); prints its URL, its endpoints
 * and the fixture names (never the secrets). Resolves with the exit code once the mock has stopped.
 */
export async function runMock(port: number = DEFAULT_MOCK_PORT, quiet = false): Promise<number> {
  const mock = await startMockCloud({ port, quiet });
  const [project] = MOCK_PROJECTS;
  process.stdout.write(
    [
      `hwc-auth: mock Huawei Cloud listening on ${mock.url} (Ctrl+C to stop)`,
      `  IAM:       POST ${mock.url}/v3/auth/tokens, POST ${mock.url}/v3.0/OS-CREDENTIAL/securitytokens, GET ${mock.url}/v3/projects`,
      `             (set HUAWEICLOUD_SDK_IAM_ENDPOINT=${mock.url})`,
      `  gateway:   any other path, e.g. GET ${mock.url}/v1/${project.id}/vpcs (AK/SK or X-Auth-Token)`,
      `  for tests: GET ${mock.url}/__mock/stats, POST ${mock.url}/__mock/reset, GET|POST ${mock.url}/__mock/faults`,
      `  test credentials (values in src/mock/fixtures.ts): AK ${MOCK_AKSK.ak}; account ${MOCK_ACCOUNT.domainName} (${MOCK_ACCOUNT.domainId}), ` +
        `users ${MOCK_ACCOUNT.user.name}, ${MOCK_ACCOUNT.otherUser.name}; projects ${MOCK_PROJECTS.map((p) => `${p.name} (${p.id})`).join(', ')}; ` +
        `temporary AKs start with ${MOCK_TEMP_AK_PREFIX}`,
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await mock.close();
  return 0;
}
