import { failClosed, NOWHERE_URL } from '../../src/sandbox/failClosed';
import type { Pm } from '../../src/sandbox/pm';

/**
 * Runtimes without pm.execution.skipRequest (Newman before 6.1) cannot stop a request: failClosed then sends it where
 * it cannot arrive, without its headers and body. A hand-made pm records what the script did.
 */
function fakePm(withSkip: boolean) {
  const calls: string[] = [];
  const pm = {
    test: (name: string, fn: () => void) => {
      try {
        fn();
        calls.push(`pass ${name}`);
      } catch (e) {
        calls.push(`fail ${name}: ${(e as Error).message}`);
      }
    },
    execution: withSkip ? { skipRequest: () => calls.push('skipRequest') } : {},
    request: {
      url: { update: (u: string) => calls.push(`url ${u}`) },
      headers: { clear: () => calls.push('headers cleared') },
      body: { update: (b: { raw?: string }) => calls.push(`body ${JSON.stringify(b.raw)}`) },
    },
  };
  return { pm: pm as unknown as Pm, calls };
}

describe('failClosed', () => {
  const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  afterAll(() => spy.mockRestore());

  it('records the failing test and skips the request where skipRequest exists, touching nothing else', () => {
    const { pm, calls } = fakePm(true);
    failClosed(pm, new Error('boom'));
    expect(calls).toEqual(['fail hwc-auth: internal error: hwc-auth: boom', 'skipRequest']);
  });

  it('without skipRequest, sends the request to a .invalid host with no headers and no body', () => {
    const { pm, calls } = fakePm(false);
    failClosed(pm, new Error('boom'));
    expect(NOWHERE_URL).toMatch(/^http:\/\/[a-z-]+\.invalid\/$/);
    expect(calls).toEqual(['fail hwc-auth: internal error: hwc-auth: boom', `url ${NOWHERE_URL}`, 'headers cleared', 'body ""']);
  });
});
