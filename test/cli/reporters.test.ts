import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MOCK_AKSK, MOCK_PROJECTS, startMockCloud, type MockCloud } from '../../src/mock';
import { collection, ensureBuilt, getItem, hasRealSigner, runCli, tempDir, writeJson } from './helpers';

/**
 * Reporters that are not Newman's own: htmlextra (installed as a devDependency, found by Newman from its own
 * install), and one installed only in the project hwc-auth runs from that writes its report file itself instead of
 * through Newman's export queue. Its options come from --reporter-<name>-<option>; its file is masked after the run.
 */
ensureBuilt();
const describeWithSigner = hasRealSigner() ? describe : describe.skip;

/** A reporter that writes the run's environment, secrets in plain text, straight to its export path. */
const SELF_WRITING_REPORTER = `
const fs = require('fs');
module.exports = function (emitter, options) {
  emitter.on('done', function (err, summary) {
    fs.writeFileSync(options.export, JSON.stringify({ marker: options.marker, environment: summary.environment.toJSON() }));
  });
};
`;

describeWithSigner('third-party reporters under hwc-auth run', () => {
  let mock: MockCloud;
  const project = tempDir('reporters');
  let collectionFile: string;
  const env = { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, HUAWEICLOUD_SDK_PROJECT_ID: MOCK_PROJECTS[0].id };

  beforeAll(async () => {
    mock = await startMockCloud({ quiet: true });
    const pkg = join(project, 'node_modules', 'newman-reporter-selfwrite');
    mkdirSync(pkg, { recursive: true });
    writeFileSync(join(pkg, 'index.js'), SELF_WRITING_REPORTER);
    writeJson(join(pkg, 'package.json'), { name: 'newman-reporter-selfwrite', version: '1.0.0', main: 'index.js' });
    collectionFile = writeJson(
      join(project, 'c.postman_collection.json'),
      collection('reporters', [getItem('list vpcs', '{{baseUrl}}/v1/{{HUAWEICLOUD_SDK_PROJECT_ID}}/vpcs', ["pm.test('200', () => pm.response.to.have.status(200));"])]),
    );
  });
  afterAll(() => mock.close());

  it('htmlextra writes its report with options passed through; a project-only reporter is loaded and its own file masked', async () => {
    const r = await runCli(
      [
        'run', collectionFile, '--env-var', `baseUrl=${mock.url}`, '-r', 'cli,htmlextra,selfwrite',
        '--reporter-htmlextra-export', join(project, 'out', 'report.html'), '--reporter-htmlextra-title', 'Title-From-Option',
        '--reporter-selfwrite-export', join(project, 'out', 'self.json'), '--reporter-selfwrite-marker=marker-from-option',
      ],
      { env, cwd: project },
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const html = readFileSync(join(project, 'out', 'report.html'), 'utf8');
    expect(html).toContain('Title-From-Option');
    expect(html).toContain('list vpcs');
    const self = readFileSync(join(project, 'out', 'self.json'), 'utf8');
    expect(JSON.parse(self).marker).toBe('marker-from-option');
    expect(self).toContain(MOCK_AKSK.ak);
    expect(self).toContain('"***"');
    expect(self).not.toContain(MOCK_AKSK.sk);
  });

  it('a reporter installed nowhere is a usage error naming the package, before anything runs', async () => {
    const r = await runCli(['run', collectionFile, '--env-var', `baseUrl=${mock.url}`, '-r', 'cli,nosuchthing'], { env, cwd: project });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/reporter nosuchthing not found: install it \(npm install --save-dev newman-reporter-nosuchthing\)/);
    expect(r.stdout).toBe('');
  });
});
