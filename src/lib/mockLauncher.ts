import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS, startMockCloud } from '../mock';

/** Runs the mock Huawei Cloud until SIGINT/SIGTERM; prints its URL and the fixture names (never the secrets). */
export async function runMock(port: number | undefined, quiet: boolean): Promise<number> {
  const mock = await startMockCloud({ ...(port !== undefined && { port }), quiet });
  const [project] = MOCK_PROJECTS;
  process.stdout.write(
    [
      `hwc-auth: mock Huawei Cloud listening on ${mock.url} (Ctrl+C to stop)`,
      `  IAM:     POST ${mock.url}/v3/auth/tokens (set HUAWEICLOUD_SDK_IAM_ENDPOINT=${mock.url})`,
      `  gateway: any other path, e.g. GET ${mock.url}/v1/${project.id}/vpcs (AK/SK or X-Auth-Token)`,
      `  test credentials (src/mock/fixtures.ts): AK ${MOCK_AKSK.ak}; account ${MOCK_ACCOUNT.domainName}, user ${MOCK_ACCOUNT.user.name}; projects ${MOCK_PROJECTS.map((p) => p.name).join(', ')}`,
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
