/**
 * A secret variable whose value holds an unresolved {{...}}: the request fails closed, and neither the value nor the
 * text between its braces (part of the secret) reaches the test results or the console. In both sandboxes.
 */
import { eachSandbox } from './helpers';

const SECRET_PART = 'ss-Secret-Part';
const cases: Array<[string, Record<string, string>]> = [
  ['HUAWEICLOUD_SDK_SK', { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: `Sk{{${SECRET_PART}}}9` }],
  ['HUAWEICLOUD_SDK_SECURITY_TOKEN', { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: 'sk', HUAWEICLOUD_SDK_SECURITY_TOKEN: `St{{${SECRET_PART}}}9` }],
  ['HUAWEICLOUD_PASSWORD', {
    HUAWEICLOUD_SDK_IAM_ENDPOINT: 'https://iam.example.com', HUAWEICLOUD_USERNAME: 'alice', HUAWEICLOUD_DOMAIN_NAME: 'acme',
    HUAWEICLOUD_PROJECT_NAME: 'cn-north-4', HUAWEICLOUD_PASSWORD: `Pa{{${SECRET_PART}}}9`,
  }],
];

eachSandbox('a {{reference}} inside a secret variable', (run) => {
  test.each(cases)('%s: fails closed without showing any part of the value', async (name, environment) => {
    const result = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' }, environment });
    expect(result.skipped).toBe(true);
    expect(result.tests).toHaveLength(1);
    expect(result.tests[0]!.passed).toBe(false);
    expect(result.tests[0]!.name).toBe(`hwc-auth: resolve the {{...}} reference in ${name}`);
    const shown = JSON.stringify(result.tests) + result.consoleText;
    expect(shown).toContain(name);
    expect(shown).not.toContain(SECRET_PART);
  });
});

eachSandbox('a secret variable that is a reference to another variable', (run) => {
  test('{{vault_sk}} undefined: the reference is named (no secret text in it)', async () => {
    const result = await run({ request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' }, environment: { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: '{{vault_sk}}' } });
    expect(result.skipped).toBe(true);
    expect(result.tests[0]!.name).toBe('hwc-auth: define variable vault_sk');
  });

  test('{{vault_sk}} defined, holding secret text with an undefined reference: nothing of it is shown', async () => {
    const result = await run({
      request: { method: 'GET', url: 'https://ecs.example.com/v1/servers' },
      environment: { HUAWEICLOUD_SDK_AK: 'AK', HUAWEICLOUD_SDK_SK: '{{vault_sk}}', vault_sk: `Sk{{${SECRET_PART}}}9` },
    });
    expect(result.skipped).toBe(true);
    expect(result.tests[0]!.name).toBe('hwc-auth: resolve the {{...}} reference in HUAWEICLOUD_SDK_SK');
    expect(JSON.stringify(result.tests) + result.consoleText).not.toContain(SECRET_PART);
  });
});
