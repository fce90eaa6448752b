import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, MOCK_TEMP_AK_PREFIX, startMockCloud, type MockCloud } from '../mock';
import { UsageError } from './exitCodes';

/** The mock's port when none is given, for `hwc-auth mock` and `npm run mock` alike; 0 picks a free one. */
export const DEFAULT_MOCK_PORT = 9080;

/** The test credentials the mock accepts, as lines of the banner (they open nothing real, so they are printed). */
export function mockCredentialLines(): string[] {
  const [project, other] = MOCK_PROJECTS;
  const { user, otherUser } = MOCK_ACCOUNT;
  return [
    '  test credentials (this mock\'s only; they open nothing real):',
    `    AK/SK:     HUAWEICLOUD_SDK_AK=${MOCK_AKSK.ak} HUAWEICLOUD_SDK_SK=${MOCK_AKSK.sk}`,
    `    password:  HUAWEICLOUD_USERNAME=${user.name} HUAWEICLOUD_PASSWORD='${user.password}' HUAWEICLOUD_DOMAIN_NAME=${MOCK_ACCOUNT.domainName}` +
      ` (domain id ${MOCK_ACCOUNT.domainId}); a second user: ${otherUser.name} / '${otherUser.password}'`,
    `    projects:  HUAWEICLOUD_SDK_PROJECT_ID=${project.id} or HUAWEICLOUD_PROJECT_NAME=${project.name}; also ${other.name} (${other.id})`,
    `    temporary: POST /v3.0/OS-CREDENTIAL/securitytokens issues AKs starting with ${MOCK_TEMP_AK_PREFIX}`,
  ];
}

/**
 * Runs the mock Huawei Cloud until SIGINT/SIGTERM (`hwc-auth mock`, `npm run mock`); prints its URL, its endpoints
 * and the test credentials it accepts. Resolves with the exit code once the mock has stopped; a port that is taken or
 * not allowed is a UsageError (exit 2).
 */
export async function runMock(port: number = DEFAULT_MOCK_PORT, quiet = false): Promise<number> {
  let mock: MockCloud;
  try {
    mock = await startMockCloud({ port, quiet });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`port ${port} is in use: stop what listens there, or pick another with --port (0: a free one)`);
    if (code === 'EACCES') throw new UsageError(`port ${port} is not allowed for this user: pick one above 1023 with --port (0: a free one)`);
    throw e;
  }
  const [project] = MOCK_PROJECTS;
  process.stdout.write(
    [
      `hwc-auth: mock Huawei Cloud listening on ${mock.url} (Ctrl+C to stop)`,
      `  IAM:       POST ${mock.url}/v3/auth/tokens, POST ${mock.url}/v3.0/OS-CREDENTIAL/securitytokens, GET ${mock.url}/v3/projects`,
      `             (set HUAWEICLOUD_SDK_IAM_ENDPOINT=${mock.url})`,
      `  gateway:   any other path, e.g. GET ${mock.url}/v1/${project.id}/vpcs (AK/SK or X-Auth-Token)`,
      `  for tests: GET ${mock.url}/__mock/stats, POST ${mock.url}/__mock/reset, GET|POST ${mock.url}/__mock/faults, GET ${mock.url}/__mock/memory`,
      ...mockCredentialLines(),
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
