import type { Expectation } from './definitions/types';

/**
 * Turns an Expectation into the lines of a Postman test script that checks the mock gateway's answer.
 * The mock's 200 body: {ok, auth, method, path, query, signedHeaders, canonicalRequest, projectId, bodySha256, bodyLength};
 * its 401 body: {error_code, error_msg}. Canonical-request lines are checked against the spec (signing-spec.md rules 4-5).
 */
const ACCEPTED_WHAT = { aksk: 'AK/SK signature', token: 'IAM token', app: 'app signature', appcode: 'AppCode' } as const;

export function expectationScript(expect: Expectation): string[] {
  const q = (value: string): string => JSON.stringify(value);
  if (expect.kind === 'custom') return [];
  if (expect.kind === 'rejected') {
    const lines = [
      `pm.test('rejected with ${expect.status} ${expect.errorCode}', function () {`,
      `  pm.response.to.have.status(${expect.status});`,
      `  pm.expect(pm.response.json().error_code).to.equal(${q(expect.errorCode)});`,
      '});',
    ];
    if (expect.messageIncludes !== undefined) {
      lines.push(
        `pm.test('error message mentions ${expect.messageIncludes}', function () {`,
        `  pm.expect(String(pm.response.json().error_msg)).to.include(${q(expect.messageIncludes)});`,
        '});',
      );
    }
    return lines;
  }

  const lines = [
    `pm.test('gateway accepted the ${ACCEPTED_WHAT[expect.auth]}', function () {`,
    '  pm.response.to.have.status(200);',
    '  var body = pm.response.json();',
    '  pm.expect(body.ok, JSON.stringify(body)).to.equal(true);',
    `  pm.expect(body.auth).to.equal(${q(expect.auth)});`,
    `  pm.expect(body.method).to.equal(${q(expect.method)});`,
    '});',
  ];
  if (expect.path !== undefined || expect.query !== undefined) {
    const what = [expect.path !== undefined ? 'path' : '', expect.query !== undefined ? 'query' : ''].filter(Boolean).join(' and ');
    lines.push(`pm.test('gateway received the expected ${what}', function () {`, '  var body = pm.response.json();');
    if (expect.path !== undefined) lines.push(`  pm.expect(body.path).to.equal(${q(expect.path)});`);
    if (expect.query !== undefined) lines.push(`  pm.expect(body.query).to.equal(${q(expect.query)});`);
    lines.push('});');
  }
  const canonicalLine = (index: number): string =>
    `String(pm.response.json().canonicalRequest || '').split('\\n')[${index}]`;
  if (expect.canonicalUri !== undefined) {
    lines.push(
      `pm.test('canonical URI is ${expect.canonicalUri}', function () {`,
      `  pm.expect(${canonicalLine(1)}).to.equal(${q(expect.canonicalUri)});`,
      '});',
    );
  }
  if (expect.canonicalQuery !== undefined) {
    lines.push(
      `pm.test('canonical query is ${expect.canonicalQuery === '' ? '(empty)' : expect.canonicalQuery}', function () {`,
      `  pm.expect(${canonicalLine(2)}).to.equal(${q(expect.canonicalQuery)});`,
      '});',
    );
  }
  if (expect.canonicalQueryPattern !== undefined) {
    lines.push(
      `pm.test('canonical query matches ${expect.canonicalQueryPattern}', function () {`,
      `  pm.expect(${canonicalLine(2)}).to.match(new RegExp(${q(expect.canonicalQueryPattern)}));`,
      '});',
    );
  }
  const signedHeaders = 'pm.response.json().signedHeaders';
  const signedList = `(Array.isArray(${signedHeaders}) ? ${signedHeaders} : String(${signedHeaders}).split(';'))`;
  if (expect.signedHeadersInclude !== undefined && expect.signedHeadersInclude.length > 0) {
    lines.push(
      `pm.test('signed headers include ${expect.signedHeadersInclude.join(', ')}', function () {`,
      `  var signed = ${signedList};`,
      `  ${q(expect.signedHeadersInclude.join(';'))}.split(';').forEach(function (name) { pm.expect(signed).to.include(name); });`,
      '});',
    );
  }
  if (expect.signedHeadersExclude !== undefined && expect.signedHeadersExclude.length > 0) {
    lines.push(
      `pm.test('signed headers leave out ${expect.signedHeadersExclude.join(', ')}', function () {`,
      `  var signed = ${signedList};`,
      `  ${q(expect.signedHeadersExclude.join(';'))}.split(';').forEach(function (name) { pm.expect(signed).to.not.include(name); });`,
      '});',
    );
  }
  if (expect.bodySha256 !== undefined) {
    lines.push(
      "pm.test('gateway received exactly the expected body bytes', function () {",
      `  pm.expect(pm.response.json().bodySha256).to.equal(${q(expect.bodySha256)});`,
      '});',
    );
  }
  if (expect.bodyNonEmpty === true) {
    lines.push(
      "pm.test('gateway received the body', function () {",
      '  pm.expect(pm.response.json().bodyLength).to.be.above(0);',
      '});',
    );
  }
  if (expect.algorithm !== undefined) {
    lines.push(
      `pm.test('gateway verified a ${expect.algorithm} signature', function () {`,
      `  pm.expect(pm.response.json().algorithm).to.equal(${q(expect.algorithm)});`,
      `  pm.expect(String(pm.request.headers.get('Authorization'))).to.match(/^${expect.algorithm} /);`,
      '});',
    );
  }
  if (expect.projectId !== undefined) {
    lines.push(
      "pm.test('call is attributed to the expected project', function () {",
      `  pm.expect(pm.response.json().projectId).to.equal(pm.variables.replaceIn(${q(expect.projectId)}));`,
      '});',
    );
  }
  return lines;
}
