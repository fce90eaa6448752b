import { classifyRefusal, diagnoseRefusal, expiredFix, readGatewayAnswer } from '../../../src/core/doctor';

const HASH = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const SIGNED = ['GET', '/v1/x/', '', 'host:h', 'x-sdk-date:20240102T030405Z', 'x-security-token:***', 'x-trace:a', '', 'host;x-sdk-date;x-security-token;x-trace', HASH].join('\n');

function answer(msg: string, code = 'APIGW.0301', status = 401) {
  return readGatewayAnswer(status, JSON.stringify({ error_msg: msg, error_code: code, request_id: 'r' }));
}

describe('diagnoseRefusal', () => {
  it("names the changed header and both values; shows both canonical requests without the security token", () => {
    const a = answer(
      'Incorrect IAM authentication information: verify aksk signature fail, canonicalRequest:' +
        `GET|/v1/x/||host:h|x-sdk-date:20240102T030405Z|x-security-token:SECRET-TOKEN-0123|x-trace:b||host;x-sdk-date;x-security-token;x-trace|${HASH}`,
    );
    const d = diagnoseRefusal(a, classifyRefusal(a)!, { canonicalRequest: SIGNED, ak: 'AK1' });
    expect(d.fix).toBe('header x-trace differs: signed "a", the gateway received "b": a script or proxy changed it after signing');
    expect(d.detail).toContain('x-trace:a|');
    expect(d.detail).toContain('x-trace:b|');
    expect(d.detail).not.toContain('SECRET-TOKEN-0123');
  });

  it('the same canonical request: the SK does not belong to the AK', () => {
    const a = answer(`verify aksk signature fail, canonicalRequest:${SIGNED.replace(/\n/g, '|').replace('***', 'T')}`);
    expect(diagnoseRefusal(a, classifyRefusal(a)!, { canonicalRequest: SIGNED }).fix).toBe('everything matches: the SK does not belong to this AK');
  });

  it('without the signed canonical request it still says what the gateway quoted (masked)', () => {
    const a = answer(`verify aksk signature fail, canonicalRequest:GET|/||host:h|x-security-token:SECRET-TOKEN-0123||host;x-security-token|${HASH}`);
    const d = diagnoseRefusal(a, classifyRefusal(a)!);
    expect(d.fix).toMatch(/^the gateway rejected the signature/);
    expect(d.detail).toContain('x-security-token:***');
    expect(d.detail).not.toContain('SECRET-TOKEN-0123');
  });

  it('a locked key and an unknown AK name the AK and the fix', () => {
    const locked = answer('Incorrect IAM authentication information: AK access failed to reach the limit,forbidden.');
    expect(diagnoseRefusal(locked, classifyRefusal(locked)!, { ak: 'AK1' }).fix).toBe(
      'the gateway locked AK AK1 after repeated signature failures: fix HUAWEICLOUD_SDK_SK, then wait 5 minutes',
    );
    const unknown = answer('Incorrect IAM authentication information: ak not exist');
    expect(diagnoseRefusal(unknown, classifyRefusal(unknown)!, { ak: 'AK1' }).fix).toBe(
      'the gateway does not know AK AK1: check HUAWEICLOUD_SDK_AK (region, account, a stray space or newline)',
    );
  });
});

describe('expiredFix', () => {
  const refusal = { kind: 'signature-expired' as const, signatureTime: Date.UTC(2024, 0, 2, 3, 4, 5), serverTime: Date.UTC(2024, 0, 2, 3, 24, 18) };

  it('says how far the clock is from the gateway, counting the correction the request was signed with', () => {
    expect(expiredFix(refusal, 0)).toBe("signature expired: your clock is 20 min 13 s behind the gateway's: sync this machine's clock");
    expect(expiredFix({ ...refusal, serverTime: refusal.signatureTime - 20 * 60_000 }, 0)).toBe(
      "signature expired: your clock is 20 min ahead of the gateway's: sync this machine's clock",
    );
    expect(expiredFix(refusal, 60_000)).toBe("signature expired: your clock is 21 min 13 s behind the gateway's: sync this machine's clock");
  });

  it('a date years off is not corrected: it points at the clock and at hwc_signing_date', () => {
    expect(expiredFix({ ...refusal, signatureTime: Date.UTC(2020, 0, 1) }, 0)).toMatch(
      /^signature expired: your clock is \d+ h \d+ min behind the gateway's \(more than a day: not corrected\): sync this machine's clock, or unset hwc_signing_date$/,
    );
  });
});

describe('diagnoseRefusal, every kind in full', () => {
  const diagnose = (a: ReturnType<typeof answer>, signed = {}) => diagnoseRefusal(a, classifyRefusal(a)!, signed);

  it('a signature mismatch the gateway quoted nothing for', () => {
    const fix = 'the gateway rejected the signature and quoted no canonical request: check the SK and what changes the request after signing';
    expect(diagnose(answer('Incorrect app authentication information: verify signature fail', 'APIG.0303'))).toEqual({
      kind: 'signature-mismatch',
      fix,
      detail: `${fix}; the gateway answered 401 APIG.0303`,
    });
  });

  it('signature expired, without and with the two times, the message kept', () => {
    const plain = answer('signature expired');
    expect(diagnose(plain)).toEqual({
      kind: 'signature-expired',
      fix: "signature expired: X-Sdk-Date is more than 15 minutes away from the gateway's clock: sync this machine's clock",
      detail: "signature expired: X-Sdk-Date is more than 15 minutes away from the gateway's clock: sync this machine's clock; the gateway answered 401 APIGW.0301: signature expired",
    });
    const timed = answer('signature expired, signature time:20240102T030405Z, server time:20240102T032418Z');
    expect(diagnose(timed, { correctionUsedMs: 60_000 }).fix).toBe("signature expired: your clock is 21 min 13 s behind the gateway's: sync this machine's clock");
  });

  it('a locked key and an unknown AK without an AK known, in full', () => {
    const locked = answer('AK access failed to reach the limit,forbidden.');
    expect(diagnose(locked)).toEqual({
      kind: 'ak-locked',
      fix: 'the gateway locked AK after repeated signature failures: fix HUAWEICLOUD_SDK_SK, then wait 5 minutes',
      detail: 'the gateway locked AK after repeated signature failures: fix HUAWEICLOUD_SDK_SK, then wait 5 minutes; the gateway answered 401 APIGW.0301: AK access failed to reach the limit,forbidden.',
    });
    const unknown = readGatewayAnswer(401, 'ak not exist');
    expect(diagnose(unknown)).toEqual({
      kind: 'unknown-ak',
      fix: 'the gateway does not know AK: check HUAWEICLOUD_SDK_AK (region, account, a stray space or newline)',
      detail: 'the gateway does not know AK: check HUAWEICLOUD_SDK_AK (region, account, a stray space or newline); the gateway answered 401: ak not exist',
    });
  });

  it('a replaced Authorization header', () => {
    const fix =
      'the gateway did not get the signature: a Postman auth type (collection or folder) or a script replaced or removed the Authorization header: set it to No Auth (hwc-auth inject --fix-auth)';
    expect(diagnose(answer('Authorization not found.'))).toEqual({ kind: 'authorization-replaced', fix, detail: `${fix}; the gateway answered 401 APIGW.0301: Authorization not found.` });
  });

  it('a dead token, named by its code, else by the status', () => {
    expect(diagnose(answer('The token is expired.', 'IAM.0066'))).toEqual({
      kind: 'token-invalid',
      fix: 'the IAM token is no longer valid (IAM.0066): it expired or was revoked',
      detail: 'the IAM token is no longer valid (IAM.0066): it expired or was revoked; the gateway answered 401 IAM.0066: The token is expired.',
    });
    expect(diagnose(readGatewayAnswer(401, 'decrypt token fail')).fix).toBe('the IAM token is no longer valid (401): it expired or was revoked');
  });

  it('anything else, with and without a code', () => {
    expect(diagnose(answer('The IAM user is not authorized to access the API.', 'APIG.0302', 403))).toEqual({
      kind: 'other',
      fix: 'the gateway refused the credentials (403 APIG.0302)',
      detail: 'the gateway refused the credentials (403 APIG.0302): The IAM user is not authorized to access the API.',
    });
    expect(diagnose(readGatewayAnswer(403, 'no')).fix).toBe('the gateway refused the credentials (403)');
  });

  it("clips the gateway's message: a quoted canonical request and anything past 300 characters", () => {
    const tail = 'x'.repeat(301);
    // (classifyRefusal calls any message quoting a canonical request a signature mismatch; the refusal is given here)
    const locked = { kind: 'ak-locked' as const };
    expect(diagnoseRefusal(answer(`AK access failed to reach the limit, canonicalRequest : GET|/|${tail}`), locked).detail).toMatch(
      /; the gateway answered 401 APIGW\.0301: AK access failed to reach the limit, canonicalRequest:\.\.\.$/,
    );
    expect(diagnoseRefusal(answer(`AK access failed to reach the limit, CANONICALREQUEST:\nGET\n/`), locked).detail).toMatch(/limit, canonicalRequest:\.\.\.$/);
    const long = 'AK access failed to reach the limit ' + 'y'.repeat(300);
    expect(diagnose(answer(long)).detail.endsWith(`: ${long.slice(0, 300)}...`)).toBe(true);
    const exactly = 'AK access failed to reach the limit ' + 'y'.repeat(264);
    expect(exactly).toHaveLength(300);
    expect(diagnose(answer(exactly)).detail.endsWith(`: ${exactly}`)).toBe(true);
  });
});

describe('expiredFix at a day', () => {
  it('corrects an offset of exactly 24 h, not one more millisecond', () => {
    const t = Date.UTC(2024, 0, 2);
    expect(expiredFix({ kind: 'signature-expired', signatureTime: t, serverTime: t + 24 * 3600_000 }, 0)).toBe(
      "signature expired: your clock is 24 h behind the gateway's: sync this machine's clock",
    );
    expect(expiredFix({ kind: 'signature-expired', signatureTime: t, serverTime: t + 24 * 3600_000 + 1 }, 0)).toMatch(/more than a day: not corrected/);
  });
});

describe('classifyRefusal, at its edges', () => {
  it('reads the two times by their labels, in any order and case', () => {
    const a = answer('signature expired, Server Time:20240102T032418Z, SIGNATURE TIME:20240102T030405Z');
    expect(classifyRefusal(a)).toEqual({ kind: 'signature-expired', signatureTime: Date.UTC(2024, 0, 2, 3, 4, 5), serverTime: Date.UTC(2024, 0, 2, 3, 24, 18) });
  });

  it('knows a dead token by its code alone, in any case', () => {
    for (const code of ['APIG.0307', 'apig.0307', 'APIGW.0307', 'iam.0066']) expect([code, classifyRefusal(answer('refused', code))]).toEqual([code, { kind: 'token-invalid' }]);
    expect(classifyRefusal(answer('refused', 'APIG.0308'))).toEqual({ kind: 'other' });
  });
});
