/**
 * The 12 MB figure in sandbox 6.x (what the Postman app and the Postman CLI run), driven directly the way
 * postman-runtime drives it: the signer and the trivial script, alternately, on the same request. Newman's sandbox
 * (4.x) is measured through Newman itself (newmanBench.ts), and here directly for the post-response script, whose
 * cost per request is too small to see through a whole Newman run on a busy machine.
 */
import { join } from 'node:path';
import { MOCK_AKSK } from '../../src/mock/fixtures';
import { fillerJsonBody } from './bodies';
import { addedRatio, alternate, compare, overTrivialAndFloor, perRequest } from './measure';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** sandbox 6.x (the Postman app, the Postman CLI), and 4.x as Newman 6.2 runs it (postman-runtime's own copy). */
const SANDBOX_6: any = require('postman-sandbox');
const SANDBOX_4: any = require(join(__dirname, '..', '..', 'node_modules', 'postman-runtime', 'node_modules', 'postman-sandbox'));

function createContext(Sandbox: any = SANDBOX_6): Promise<any> {
  return new Promise((resolve, reject) => Sandbox.createContext({ timeout: 120000 }, (err: unknown, ctx: any) => (err ? reject(err) : resolve(ctx))));
}

/**
 * Runs `script` once as a pre-request script on `request` (or, given a `response`, as a test script); fails loudly on a
 * failing test or an error.
 */
function execute(
  ctx: any,
  script: string | string[],
  request: Record<string, unknown>,
  environment: Record<string, string>,
  response?: Record<string, unknown>,
): Promise<void> {
  const id = 'bench-' + Math.random().toString(36).slice(2);
  const failures: string[] = [];
  ctx.on('execution.assertion.' + id, (_c: unknown, assertions: Array<{ passed: boolean; name: string }>) => {
    for (const a of assertions) if (!a.passed) failures.push(a.name);
  });
  return new Promise((resolve, reject) => {
    ctx.execute(
      // exec as an array, as postman-runtime passes a stored script: given one string, the sandbox splits it into lines
      // with a regular expression, which costs about 10 ms per execution on a 70 KB script (the signer's side only).
      { listen: response ? 'test' : 'prerequest', script: { type: 'text/javascript', exec: typeof script === 'string' ? [script] : script } },
      {
        id,
        timeout: 120000,
        context: {
          request,
          ...(response && { response }),
          environment: { values: Object.entries(environment).map(([key, value]) => ({ key, value })) },
        },
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

/** One POST with this JSON body (bodies.ts) to a host that is not Huawei Cloud's (hence hwc_auth_hosts below). */
function bigRequest(body: string): Record<string, unknown> {
  return { method: 'POST', url: `https://${HOST}/v1/upload`, header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: body } };
}

function signingEnv(algorithm: string): Record<string, string> {
  return { HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, hwc_auth_hosts: HOST, hwc_signing_algorithm: algorithm };
}

/**
 * One POST with a large JSON body in sandbox 6.x: the trivial script, the floor (`floor`: the body encoded and hashed
 * by WebCrypto, nothing else) and the signer, alternated in one context: what the signer and the floor each add over
 * the trivial script (medians, and fastest runs), and the signer's excess over the floor.
 */
export async function bigBodySandbox6(body: string, rounds: number, signer: string, floor: string, trivial: string) {
  const ctx = await createContext();
  try {
    const request = bigRequest(body);
    const env = signingEnv('SDK-HMAC-SHA256');
    const t = await alternate(rounds, {
      trivial: () => execute(ctx, trivial, request, env),
      floor: () => execute(ctx, floor, request, env),
      signer: () => execute(ctx, signer, request, env),
    });
    return overTrivialAndFloor(t);
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
    const request = bigRequest(fillerJsonBody(bytes));
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

/**
 * The post-response script vs a trivial test script on a 200 answer, in sandbox 4.x as Newman runs it, `executions`
 * executions per timed run: what the response side adds to each successful request, without Newman around it.
 */
export async function postResponseSandbox4(executions: number, rounds: number, postResponse: string, trivialTest: string) {
  const ctx = await createContext(SANDBOX_4);
  try {
    const request = { method: 'GET', url: `https://${HOST}/v1/vpcs?limit=5` };
    const response = { code: 200, status: 'OK', header: [{ key: 'Content-Type', value: 'application/json' }], body: '{}' };
    const env = signingEnv('SDK-HMAC-SHA256');
    // exec as an array, as postman-runtime hands over a collection's script (here one element, as the collections
    // embed it): sandbox 4.x given one long string instead spends milliseconds more on it per execution.
    const times = async (script: string) => {
      for (let i = 0; i < executions; i++) await execute(ctx, [script], request, env, response);
    };
    const result = await compare(rounds, () => times(trivialTest), () => times(postResponse));
    return perRequest(result, executions);
  } finally {
    ctx.dispose();
  }
}
