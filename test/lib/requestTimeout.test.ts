import { requestTimeoutFor } from '../../src/lib/requestTimeout';
import type { RunInputs } from '../../src/lib/runInputs';

/** The request timeout hwc-auth run derives when --timeout-request is not given (docs/cli.md). */
function inputs(parts: { env?: Record<string, string>; globals?: Record<string, string>; collection?: Record<string, string>; rows?: Array<Record<string, unknown>> }): RunInputs {
  const list = (o: Record<string, string> = {}) => Object.entries(o).map(([key, value]) => ({ key, value }));
  return {
    collection: { info: { name: 'c', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item: [], variable: list(parts.collection) },
    environment: { name: 'e', values: list(parts.env) },
    ...(parts.globals && { globals: { name: 'g', values: list(parts.globals) } }),
    ...(parts.rows && { iterationData: parts.rows }),
  } as RunInputs;
}

describe('requestTimeoutFor', () => {
  it("keeps the user's --timeout-request, 0 (no timeout) included", () => {
    expect(requestTimeoutFor(inputs({ env: { hwc_auth_mode: 'token' } }), 5000)).toBe(5000);
    expect(requestTimeoutFor(inputs({ env: { hwc_auth_mode: 'token' } }), 0)).toBe(0);
  });

  it('leaves an AK/SK run without one, as Newman does', () => {
    expect(requestTimeoutFor(inputs({ env: { HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk' } }), undefined)).toBeUndefined();
    expect(requestTimeoutFor(inputs({ env: { hwc_auth_mode: 'aksk', hwc_iam_timeout_ms: '5000' } }), undefined)).toBeUndefined();
  });

  it('gives a run that may call IAM 1 s more than hwc_iam_timeout_ms: 21000 ms by default', () => {
    expect(requestTimeoutFor(inputs({ env: { hwc_auth_mode: 'token' } }), undefined)).toBe(21000);
    expect(requestTimeoutFor(inputs({ globals: { HUAWEICLOUD_USERNAME: 'alice' } }), undefined)).toBe(21000);
    expect(requestTimeoutFor(inputs({ env: { hwc_auth_mode: 'token', hwc_iam_timeout_ms: '1000' } }), undefined)).toBe(2000);
  });

  it('takes the longest hwc_iam_timeout_ms set anywhere, data rows included; ignores values that are not a whole number', () => {
    const run = inputs({
      env: { hwc_iam_timeout_ms: '1000' },
      collection: { hwc_iam_timeout_ms: 'soon' },
      rows: [{ hwc_auth_mode: 'token', hwc_iam_timeout_ms: 30000 }, { hwc_iam_timeout_ms: '2000' }],
    });
    expect(requestTimeoutFor(run, undefined)).toBe(31000);
  });
});
