import fc from 'fast-check';
import { detectStyle, patchJsonText, renderJson } from '../../src/lib/jsonText';

/** Format-preserving JSON edits (hwc-auth inject): only what changed is rewritten, in the file's own style. */

const collection = {
  info: { name: 'mine', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
  item: [{ name: 'one', request: { method: 'GET', url: 'https://x.example.com/a', auth: { type: 'bearer', bearer: [{ key: 'token', value: 't' }] } } }],
  event: [{ listen: 'prerequest', script: { type: 'text/javascript', exec: ['// own code'] } }],
  variable: [{ key: 'n', value: 1.5 }],
};

/** What Postman writes: JSON.stringify with a tab (or spaces), here with CRLF line ends. */
function exported(value: unknown, indent: string, eol: string, finalNewline: boolean): string {
  return JSON.stringify(value, null, indent).split('\n').join(eol) + (finalNewline ? eol : '');
}

describe('detectStyle', () => {
  it.each([
    ['\t', '\r\n'],
    ['  ', '\n'],
    ['    ', '\r\n'],
  ])('finds indent %j and line end %j', (indent, eol) => {
    expect(detectStyle(exported(collection, indent, eol, true))).toEqual({ indent, eol });
  });

  it('one-line JSON has no indent', () => {
    expect(detectStyle(JSON.stringify(collection))).toEqual({ indent: '', eol: '\n' });
  });
});

describe('patchJsonText', () => {
  it('appending an exec element changes one line and adds one, keeping tabs and CRLF', () => {
    const text = exported(collection, '\t', '\r\n', true);
    const after = structuredClone(collection);
    after.event[0]!.script.exec.push('// signer\n(function () {})();');
    const patched = patchJsonText(text, collection, after);
    expect(patched).toBe(exported(after, '\t', '\r\n', true));
    expect(patched.replace(/\r\n/g, '')).not.toContain('\n');
    const before = text.split('\r\n');
    const lines = patched.split('\r\n');
    expect(lines.length).toBe(before.length + 1);
    const changed = lines.filter((l) => !before.includes(l));
    expect(changed).toEqual(['\t\t\t\t\t"// own code",', '\t\t\t\t\t"// signer\\n(function () {})();"']);
  });

  it('adds a member at the end of an object, and replaces a changed value in place', () => {
    const text = exported(collection, '    ', '\n', false);
    const after = structuredClone(collection) as typeof collection & { auth?: unknown };
    after.item[0]!.request.auth = { type: 'noauth' } as never;
    after.auth = { type: 'noauth' };
    const patched = patchJsonText(text, collection, after);
    expect(patched).toBe(exported(after, '    ', '\n', false));
  });

  it('keeps bytes it does not need to touch: odd spacing, escapes, number forms, a BOM', () => {
    const text = '\uFEFF{ "a" :1.50, "b":"caf\\u00e9",\n  "list": [ 1,2 ],\n  "keep": {"x": true}\n}\n';
    const before = JSON.parse(text.slice(1)) as Record<string, unknown>;
    const after = { ...before, list: [1, 2, 3] };
    // the array is on one line: it is rewritten whole, nothing else
    expect(patchJsonText(text, before, after)).toBe('\uFEFF{ "a" :1.50, "b":"caf\\u00e9",\n  "list": [\n    1,\n    2,\n    3\n  ],\n  "keep": {"x": true}\n}\n');
    // only the scalar that changed is rewritten
    const flipped = { ...before, keep: { x: false } };
    expect(patchJsonText(text, before, flipped)).toBe('\uFEFF{ "a" :1.50, "b":"caf\\u00e9",\n  "list": [ 1,2 ],\n  "keep": {"x": false}\n}\n');
  });

  it('writes one-line JSON on one line', () => {
    const text = JSON.stringify(collection);
    const after = { ...collection, auth: { type: 'noauth' } };
    expect(patchJsonText(text, collection, after)).toBe(JSON.stringify(after));
  });

  it('renders nested values indented from their line', () => {
    expect(renderJson({ a: [1] }, { indent: '\t', eol: '\r\n' }, '\t\t')).toBe('{\r\n\t\t\t"a": [\r\n\t\t\t\t1\r\n\t\t\t]\r\n\t\t}');
  });

  it('always parses to the new value, for random JSON and random edits (property)', () => {
    const json = fc.jsonValue({ maxDepth: 4 });
    fc.assert(
      fc.property(json, json, fc.constantFrom('\t', '  ', ''), fc.constantFrom('\n', '\r\n'), (before, after, indent, eol) => {
        const text = exported(before, indent, eol, true);
        const patched = patchJsonText(text, before, after);
        expect(JSON.parse(patched)).toEqual(JSON.parse(JSON.stringify(after)));
        if (eol === '\r\n') expect(patched).not.toMatch(/(^|[^\r])\n/);
      }),
      { numRuns: 500 },
    );
  });

  it('an export in canonical form patched with an appended key equals the same export of the new value (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { minKeys: 1 }), fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('\t', '  '), fc.constantFrom('\n', '\r\n'), (before, added, indent, eol) => {
        const key = '__added__';
        if (key in before) return;
        const after = { ...before, [key]: added };
        expect(patchJsonText(exported(before, indent, eol, true), before, after)).toBe(exported(after, indent, eol, true));
      }),
      { numRuns: 300 },
    );
  });
});
