import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readIterationData } from '../../src/lib/iterationData';
import { UsageError } from '../../src/lib/exitCodes';
import { tempDir } from '../cli/helpers';

/** `-d` files are read as Newman reads them (its parsers, its CSV options), so hwc-auth learns their secrets first. */
describe('readIterationData', () => {
  const dir = tempDir('data');
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('reads a JSON array of rows (with a byte order mark, as Newman does)', () => {
    const rows = readIterationData(file('rows.json', '\uFEFF [{ "user": "a", "HUAWEICLOUD_PASSWORD": "p=1\'x" }, { "user": "b" }]'));
    expect(rows).toEqual([{ user: 'a', HUAWEICLOUD_PASSWORD: "p=1'x" }, { user: 'b' }]);
  });

  it('reads CSV with quoted fields, and casts unquoted numbers as Newman does', () => {
    const rows = readIterationData(file('rows.csv', 'user, db_password ,note\nalice,12345678,"a, b"\nbob,"0042",x\n'));
    expect(rows).toEqual([
      { user: 'alice', db_password: 12345678, note: 'a, b' },
      { user: 'bob', db_password: '0042', note: 'x' },
    ]);
  });

  it('never shows the content of a file it cannot use', () => {
    const secret = 'S3cr3t"only-line';
    const cases = [file('secret.csv', `"${secret}`), file('object.json', `{ "pw": "${secret.replace('"', '')}" }`)];
    for (const path of cases) {
      let error: unknown;
      try {
        readIterationData(path);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UsageError);
      expect((error as Error).message).toContain(path);
      expect((error as Error).message).not.toMatch(/S3cr|only-line/);
    }
    expect(() => readIterationData(join(dir, 'missing.csv'))).toThrow(/iteration data file .* does not exist/);
  });
});
