import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { MARKER_BEGIN, MARKER_END, NON_LEGACY_LINE, responseBlock, signerBlock } from '../../src/lib/signerBlock';
import { COLLECTIONS_DIR, generateInto, readBuiltScripts, readPrerequestScript } from '../../src/collections/generate';

/**
 * The committed collections/ must be exactly what `npm run generate` produces from the definitions and the current
 * dist/prerequest.js and dist/postresponse.js. When this fails: run `npm run generate` and commit collections/.
 */
describe('committed collections', () => {
  let outDir = '';
  beforeAll(() => {
    outDir = mkdtempSync(join(tmpdir(), 'hwc-collections-'));
    generateInto(outDir, readBuiltScripts());
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('has exactly the generated file names', () => {
    const list = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
    expect(list(COLLECTIONS_DIR)).toEqual(list(outDir));
  });

  it.each(readdirSync(COLLECTIONS_DIR).filter((f) => f.endsWith('.json')).sort())(
    '%s is up to date (run `npm run generate` if not)',
    (name) => {
      const committed = readFileSync(join(COLLECTIONS_DIR, name), 'utf8');
      const fresh = readFileSync(join(outDir, name), 'utf8');
      expect(committed === fresh).toBe(true);
    },
  );

  it('regenerates byte for byte (deterministic output)', () => {
    const again = mkdtempSync(join(tmpdir(), 'hwc-collections-'));
    try {
      generateInto(again, readBuiltScripts());
      for (const name of readdirSync(outDir)) {
        expect(readFileSync(join(again, name), 'utf8')).toBe(readFileSync(join(outDir, name), 'utf8'));
      }
    } finally {
      rmSync(again, { recursive: true, force: true });
    }
  });

  it('embeds the built pre-request script and keeps environment secrets empty and typed secret', () => {
    const built = readPrerequestScript();
    const script = signerBlock(built).join('\n');
    expect(script).not.toMatch(/\(commit /);
    // Independently of signerBlock: the code after the banner is embedded verbatim, between the markers.
    const code = built.slice(built.indexOf('*/') + 2).trim();
    expect(script.startsWith(MARKER_BEGIN + '\n')).toBe(true);
    expect(script.endsWith('\n' + MARKER_END)).toBe(true);
    expect(script).toContain(code);
    for (const name of readdirSync(outDir)) {
      const json = JSON.parse(readFileSync(join(outDir, name), 'utf8')) as Record<string, unknown>;
      if (name.endsWith('.postman_collection.json')) {
        const events = json.event as Array<{ listen: string; script: { exec: string[] } }>;
        // Each block is the whole script box: Postman's non-legacy line first (signerBlock.ts).
        expect(events.find((e) => e.listen === 'prerequest')?.script.exec.join('\n')).toBe(`${NON_LEGACY_LINE}\n${script}`);
        expect(events.find((e) => e.listen === 'test')?.script.exec.join('\n')).toBe(`${NON_LEGACY_LINE}\n${responseBlock(readBuiltScripts().postResponse).join('\n')}`);
      }
      if (name.endsWith('.postman_environment.json')) {
        const values = json.values as Array<{ key: string; value: string; type: string }>;
        for (const v of values.filter((x) => /_SK$|PASSWORD|SECURITY_TOKEN|_AK$/.test(x.key))) {
          expect([v.key, v.type, v.value]).toEqual([v.key, 'secret', '']);
        }
        expect(values.every((v) => v.value === '')).toBe(true);
      }
    }
  });
});
