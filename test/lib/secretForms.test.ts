import { createRequire } from 'node:module';
import { MASK, Redactor } from '../../src/lib/mask/redact';
import { base64Forms } from '../../src/lib/mask/secretForms';

/**
 * One test per form a reporter writes a secret in. The encoded texts are written out by hand or produced by the
 * encoders the reporters themselves use (encodeURIComponent, JSON.stringify, Buffer's base64, htmlextra's own
 * handlebars), never by the masker. The canary holds every character these encodings treat differently.
 */
const CANARY = "Canary=1'two`3&four+5/six 7";
const OTHER = "Other=1'two`3&four+5/six 7"; // same specials, other letters: must survive

function redactor(...secrets: string[]): Redactor {
  const r = new Redactor();
  for (const s of secrets) expect(r.add(s)).toBe(true);
  return r;
}

function expectMasked(written: string): void {
  const r = redactor(CANARY);
  expect(written).not.toBe(CANARY);
  expect(r.mask(`<${written}>`)).toBe(`<${MASK}>`);
  expect(r.mask(`${written} then ${written}`)).toBe(`${MASK} then ${MASK}`);
}

const htmlextraEscape: (text: string) => string = createRequire(require.resolve('newman-reporter-htmlextra'))('handlebars').Utils.escapeExpression;

describe('every form a secret is written in is masked', () => {
  it('raw', () => {
    expect(redactor(CANARY).mask(`a ${CANARY} b`)).toBe(`a ${MASK} b`);
  });

  it('JSON-escaped: once, twice (a JSON value holding JSON), and with \\u escapes of any character', () => {
    const quoted = 'pa"ss\\word/1';
    const r = redactor(quoted);
    expect(r.mask(JSON.stringify({ v: quoted }))).toBe(`{"v":"${MASK}"}`);
    expect(r.mask(JSON.stringify(JSON.stringify({ v: quoted })))).toBe(`"{\\"v\\":\\"${MASK}\\"}"`);
    expect(r.mask('pa\\u0022ss\\u005cword\\/1')).toBe(MASK);
    expect(r.mask('pa\\u0022ss\\u005Cword\\u002f1')).toBe(MASK);
    expectMasked("Canary\\u003d1\\u0027two\\u00603\\u0026four\\u002b5\\/six\\u00207");
  });

  it("backslash-escaped: a quote as \\' (assertion messages), a backtick as \\`, and that escaped again in JSON", () => {
    expectMasked("Canary=1\\'two`3&four+5/six 7");
    expectMasked("Canary=1\\'two\\`3&four+5/six 7");
    expectMasked("Canary=1\\\\'two`3&four+5/six 7"); // JSON report of "expected 'Canary=1\'two..."
    expectMasked('Canary=1\\x27two\\x603&four+5/six 7');
    expect(redactor('line1\nline2').mask('"line1\\nline2"')).toBe(`"${MASK}"`);
  });

  it('URL-encoded: %XX upper and lower case, + or %20 for a space, RFC 3986 strict, encoded twice', () => {
    expectMasked(encodeURIComponent(CANARY));
    expectMasked('Canary%3D1%27two%603%26four%2B5%2Fsix%207');
    expectMasked('Canary%3d1%27two%603%26four%2b5%2fsix%207');
    expectMasked('Canary%3D1%27two%603%26four%2B5%2Fsix+7');
    expectMasked('Canary=1%27two%603&four+5/six%207'); // a URL's query as Postman writes it: only some characters
    expectMasked(new URLSearchParams({ k: CANARY }).toString().slice(2));
    expectMasked(encodeURIComponent(encodeURIComponent(CANARY)));
  });

  it("HTML entities: htmlextra's own escaping, named, decimal and hex (either case), and escaped twice", () => {
    const byHtmlextra = htmlextraEscape(CANARY);
    expect(byHtmlextra).toBe('Canary&#x3D;1&#x27;two&#x60;3&amp;four+5/six 7');
    expectMasked(byHtmlextra);
    expectMasked('Canary&equals;1&apos;two&grave;3&amp;four&plus;5&sol;six 7');
    expectMasked('Canary&#61;1&#39;two&#96;3&#38;four&#43;5&#47;six&#32;7');
    expectMasked('Canary&#x3d;1&#X27;two&#x00060;3&#x26;four&#x2B;5&#x2f;six 7');
    expectMasked('Canary&amp;#x3D;1&amp;#x27;two&amp;#x60;3&amp;amp;four+5/six 7');
    expectMasked('Canary&#x3D;1\\&#x27;two&#x60;3&amp;four+5/six 7'); // htmlextra escaping an assertion message
  });

  it('base64: the secret alone, inside a longer encoded text at each byte alignment, and URL-safe', () => {
    const r = redactor(CANARY);
    const alone = Buffer.from(CANARY).toString('base64');
    expect(r.mask(`Basic ${alone}`)).not.toContain(alone.slice(2, -2));
    for (const prefix of ['', 'u:', 'us:', 'use:']) {
      const basic = Buffer.from(`${prefix}${CANARY}`).toString('base64');
      const masked = r.mask(`Authorization: Basic ${basic}`);
      expect(masked).toContain(MASK);
      expect(masked.length).toBeLessThan(`Authorization: Basic ${basic}`.length - 20);
      const urlSafe = basic.replace(/\+/g, '-').replace(/\//g, '_');
      expect(r.mask(urlSafe)).toContain(MASK);
    }
    // "abcdefghijkl" after 0, 1 and 2 other bytes, without the characters that also carry those bytes' bits or the
    // next one's: YWJjZGVmZ2hpamts (all of it), eG|FiY2RlZmdoaWprb|A==, eHl|hYmNkZWZnaGlqa2|w=
    expect(base64Forms('abcdefghijkl')).toEqual(['YWJjZGVmZ2hpamts', 'FiY2RlZmdoaWprb', 'hYmNkZWZnaGlqa2']);
  });

  it('masks nothing else: other secrets with the same punctuation, a prefix of the secret, its letters alone', () => {
    const r = redactor(CANARY);
    const text = [OTHER, encodeURIComponent(OTHER), htmlextraEscape(OTHER), CANARY.slice(0, -2), 'Canary 1two3four5six7'].join(' | ');
    expect(r.mask(text)).toBe(text);
  });

  it('masks a secret that contains another whole, and both secrets in one text', () => {
    const r = redactor('inner-secret', 'outer inner-secret value');
    expect(r.mask('outer inner-secret value / inner-secret')).toBe(`${MASK} / ${MASK}`);
  });

  it('a secret without letters or digits, and one with non-ASCII characters', () => {
    expect(redactor("&&''==++").mask(`x ${encodeURIComponent("&&''==++")} ${htmlextraEscape("&&''==++")} x`)).toBe(`x ${MASK} ${MASK} x`);
    const r = redactor('pässwörd€1');
    expect(r.mask(`a ${encodeURIComponent('pässwörd€1')} b p&#xe4;ssw&#246;rd&#x20AC;1 c p\\u00e4ssw\\u00F6rd\\u20ac1`)).toBe(`a ${MASK} b ${MASK} c ${MASK}`);
  });

  it('stays linear: 30 secrets over 2 MB of text in well under a second', () => {
    const r = new Redactor();
    for (let i = 0; i < 30; i++) r.add(`Secret-${i}=value'with\`specials&+/ ${'x'.repeat(i)}${i * 7919}`);
    const text = `lorem ipsum &quot;dolor&quot; %20 sit amet Secret- value 123\n`.repeat(35_000);
    const start = process.hrtime.bigint();
    expect(r.mask(text)).toBe(text);
    expect(Number(process.hrtime.bigint() - start) / 1e6).toBeLessThan(1500);
  });
});
