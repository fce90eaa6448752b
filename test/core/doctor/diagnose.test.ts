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
