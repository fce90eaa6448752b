import { extractReporterArgs, reporterOptions } from '../../src/cli/options';

/** `hwc-auth run` takes any `--reporter-<name>-<option>` the way Newman's own command line does. */
describe('--reporter-<name>-<option>', () => {
  it('takes them out of the command line: --x=v, --x v, and flags', () => {
    const { rest, reporterArgs } = extractReporterArgs([
      'run', 'c.json', '--reporter-htmlextra-export', 'out/r.html', '-r', 'cli,htmlextra',
      '--reporter-htmlextra-skip-headers=X-Auth-Token', '--reporter-cli-silent', '--bail', '--reporter-htmlextra-title', 'My run',
    ]);
    expect(rest).toEqual(['run', 'c.json', '-r', 'cli,htmlextra', '--bail']);
    expect(reporterArgs).toEqual([
      ['htmlextra-export', 'out/r.html'],
      ['htmlextra-skip-headers', 'X-Auth-Token'],
      ['cli-silent', true],
      ['htmlextra-title', 'My run'],
    ]);
  });

  it("gives each run reporter its own options, camel-cased, and generic ones to every reporter, as Newman does", () => {
    const options = reporterOptions(
      [['htmlextra-export', 'r.html'], ['htmlextra-showEnvironmentData', true], ['junit-export', 'j.xml'], ['json-export', 'unused.json'], ['timezone', 'UTC']],
      ['htmlextra', 'junit'],
    );
    expect(options).toEqual({
      htmlextra: { export: 'r.html', showEnvironmentData: true, timezone: 'UTC', jsonExport: 'unused.json' },
      junit: { export: 'j.xml', timezone: 'UTC', jsonExport: 'unused.json' },
    });
  });
});
