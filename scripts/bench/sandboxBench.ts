/**
 * The 12 MB figure in sandbox 6.x (what the Postman app and the Postman CLI run), driven directly the way
 * postman-runtime drives it: the signer and the trivial script, alternately, on the same request. Newman's sandbox
 * (4.x) is measured through Newman itself (newmanBench.ts).
 */
import { MOCK_AKSK } from '../../src/mock/fixtures';
import { addedRatio, alternate, compare } from './measure';

/* eslint-disable @typescript-eslint/no-explicit-any */
const Sandbox: any = require('postman-sandbox');

function createContext(): Promise<any> {
  return new Promise((resolve, reject) => Sandbox.createContext({ timeout: 120000 }, (err: unknown, ctx: any) => (err ? reject(err) : resolve(ctx))));
}

/** Runs `script` once as a pre-request script on `request`; fails loudly on a failing test or an error. */
function execute(ctx: any, script: string, request: Record<string, unknown>, environment: Record<string, string>): Promise<void> {
  const id = 'bench-' + Math.random().toString(36).slice(2);
  const failures: string[] = [];
  ctx.on('execution.assertion.' + id, (_c: unknown, assertions: Array<{ passed: boolean; name: string }>) => {
    for (const a of assertions) if (!a.passed) failures.push(a.name);
  });
  return new Promise((resolve, reject) => {
    ctx.execute(
      { listen: 'prerequest', script: { type: 'text/javascript', exec: script } },
      {
        id,
        timeout: 120000,
        context: { request, environment: { values: Object.entries(environment).map(([key, value]) => ({ key, value })) } },
      },
      (err: unknown) => {
        ctx.removeAllListeners('execution.assertion.' + id);
        if (err || failures.length) reject(new Error(`sandbox run failed: ${String(err ?? failures.join('; '))}`));
        else resolve();
      },
    );
  });
}

const HOST = 'svc.example.com';

/** One POST with a JSON body of `bytes` bytes to a host that is not Huawei Cloud's (hence hwc_auth_hosts below). */
function bigRequest(bytes: number): Record<string, unknown> {
  const body = JSON.stringify({ data: 'x'.repeat(bytes - 20) }).slice(0, bytes);
  return { method: 'POST', url: `https://${HOST}/v1/upload`, header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: body } };
}

function signingEnv(algorithm: string): Record<string, string> {
  return { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, hwc_auth_hosts: HOST, hwc_signing_algorithm: algorithm };
}

/** One POST with a 12 MB JSON body, signed vs trivial, in sandbox 6.x: the difference of medians is what signing adds. */
export async function bigBodySandbox6(bytes: number, rounds: number, signer: string, trivial: string) {
  const ctx = await createContext();
  try {
    const request = bigRequest(bytes);
    const env = signingEnv('SDK-HMAC-SHA256');
    const result = await compare(
      rounds,
      () => execute(ctx, trivial, request, env),
      () => execute(ctx, signer, request, env),
      true,
    );
    return { ...result, addedMs: result.candidateMs - result.baselineMs };
  } finally {
    ctx.dispose();
  }
}

/**
 * One POST with a 12 MB JSON body in sandbox 6.x: what SDK-HMAC-SM3 (pure JavaScript) and SDK-HMAC-SHA256 (WebCrypto,
 * native, for a body this big) add over the trivial script, and their ratio.
 */
export async function sm3BigBodySandbox6(bytes: number, rounds: number, signer: string, trivial: string) {
  const ctx = await createContext();
  try {
    const request = bigRequest(bytes);
    const times = await alternate(rounds, {
      trivial: () => execute(ctx, trivial, request, signingEnv('SDK-HMAC-SHA256')),
      reference: () => execute(ctx, signer, request, signingEnv('SDK-HMAC-SHA256')),
      candidate: () => execute(ctx, signer, request, signingEnv('SDK-HMAC-SM3')),
    });
    return addedRatio(times);
  } finally {
    ctx.dispose();
  }
}
