import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_VARIABLES } from '../../src/core/variableMeanings';
import { SECRET_VARIABLE_NAMES, VARIABLE_LIST, VARIABLES } from '../../src/core/variables';

/**
 * The documentation of the variables against the registry (src/core/variables.ts): the README's table row by row,
 * and every variable name any doc mentions.
 */
const ROOT = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(ROOT, file), 'utf8');

interface TableRow {
  name: string;
  modes: string;
  secret: string;
  default: string;
  meaning: string;
}

/** The rows of the markdown table that follows the `## Variables` heading. */
function variablesTable(markdown: string): TableRow[] {
  const section = markdown.split(/^## Variables\s*$/m)[1];
  if (section === undefined) throw new Error('README.md has no "## Variables" section');
  const lines = section.split('\n');
  const start = lines.findIndex((l) => l.startsWith('|'));
  const table = lines.slice(start, lines.findIndex((l, i) => i > start && !l.startsWith('|')));
  expect(table[0]).toBe('| variable | mode | secret | default | meaning |');
  return table.slice(2).map((line) => {
    const cells = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    expect(cells).toHaveLength(5);
    const [name, modes, secret, dflt, meaning] = cells as [string, string, string, string, string];
    return { name: name.replace(/^`(.*)`$/, '$1'), modes, secret, default: dflt.replace(/^`(.*)`$/, '$1'), meaning };
  });
}

describe('the README variable table', () => {
  const rows = variablesTable(read('README.md'));

  it('lists exactly the registry, in its order', () => {
    expect(rows.map((r) => r.name)).toEqual(VARIABLE_LIST.map((v) => v.name));
  });

  it.each(DOCUMENTED_VARIABLES.map((v) => [v.name, v] as const))('%s: modes, secret, default and meaning as registered', (name, v) => {
    const row = rows.find((r) => r.name === name);
    expect(row).toEqual({
      name,
      modes: v.modes === 'all' ? 'all' : v.modes.join(', '),
      secret: v.secret ? 'yes' : '',
      default: v.default ?? '',
      meaning: v.meaning,
    });
  });
});

describe('variable names in the docs', () => {
  const registered = new Set(VARIABLE_LIST.flatMap((v) => (v.kind === 'setting' ? [v.name, v.name.toUpperCase()] : [v.name])));

  it.each(['README.md', 'docs/sandbox.md', 'docs/cli.md'])('%s mentions only registered variables', (file) => {
    const mentioned = read(file).match(/\b(hwc_[a-z_]+|HWC_[A-Z_]+|HUAWEICLOUD_[A-Z_]+)\b/g) ?? [];
    expect(mentioned.length).toBeGreaterThan(0);
    expect([...new Set(mentioned)].filter((n) => !registered.has(n))).toEqual([]);
  });
});

describe('the registry', () => {
  it('has unique names; credentials use the SDK names, settings are hwc_*', () => {
    const names = VARIABLE_LIST.map((v) => v.name);
    expect(new Set(names).size).toBe(names.length);
    for (const v of VARIABLE_LIST) expect(v.name).toMatch(v.kind === 'sdk' ? /^HUAWEICLOUD_[A-Z_]+$/ : /^hwc_[a-z_]+$/);
  });

  it('marks the SK, security token, password, token cache, app secret, AppCode and temporary cache secret, and nothing else', () => {
    const secrets = [
      'HUAWEICLOUD_SDK_SK',
      'HUAWEICLOUD_SDK_SECURITY_TOKEN',
      'HUAWEICLOUD_PASSWORD',
      'hwc_token_cache',
      'HUAWEICLOUD_APIG_APP_SECRET',
      'HUAWEICLOUD_APIG_APP_CODE',
      'hwc_temporary_cache',
    ];
    expect(VARIABLE_LIST.filter((v) => v.secret).map((v) => v.name)).toEqual(secrets);
    expect(SECRET_VARIABLE_NAMES).toEqual(secrets);
  });

  it('keeps meanings to one line', () => {
    expect(DOCUMENTED_VARIABLES.map((v) => v.name)).toEqual(VARIABLE_LIST.map((v) => v.name));
    for (const v of DOCUMENTED_VARIABLES) {
      expect(v.meaning).not.toMatch(/[\n|]/);
      expect(v.meaning.length).toBeLessThanOrEqual(220);
    }
    expect(VARIABLES.tokenRefreshMargin.default).toBe('3600');
  });
});
