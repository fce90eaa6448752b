import type { NewmanSummary } from '../../src/lib/newman/api';
import { runNewman } from '../../src/lib/newman/runNewman';
import { getMockStats, resetMock } from '../../src/harness/mockClient';
import { MOCK_ACCOUNT, MOCK_AKSK, MOCK_PROJECTS } from '../../src/mock/fixtures';
import { startMockCloud } from '../../src/mock';
import {
  collection,
  environment,
  mixedItems,
  POST_RESPONSE_SCRIPT,
  SIGNER_SCRIPT,
  TRIVIAL_SCRIPT,
  TRIVIAL_TEST_SCRIPT,
  type Stored,
} from './collections';
import { fillerJsonBody } from './bodies';
import { addedRatio, alternate, compare, overTrivialAndFloor, perRequest } from './measure';
import { startLoopbackServer } from './loopbackServer';

/** Newman runs of the same requests with the built signer and with a trivial script, alternately. */

const PROJECT_ID = MOCK_PROJECTS[0].id;

async function run(coll: Record<string, unknown>, env: Record<string, unknown>): Promise<NewmanSummary> {
  const summary = await runNewman({ collection: coll, environment: env, reporters: [], timeoutRequest: 60000 });
  if (summary.run.failures.length) {
    throw new Error(`benchmark run failed: ${summary.run.failures.map((f) => f.error.message).join('; ')}`);
  }
  return summary;
}

/** AK/SK signing of the mixed requests vs the trivial script, the signer stored as `stored` (the trivial is one line). */
export async function akskNewman(requests: number, rounds: number, stored: Stored = 'one element', script = SIGNER_SCRIPT) {
  const server = await startLoopbackServer();
  try {
    const items = mixedItems(requests);
    const env = environment({ baseUrl: server.url, projectId: PROJECT_ID, id: 'item-1', HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk });
    return await compare(
      rounds,
      () => run(collection('trivial', TRIVIAL_SCRIPT, items), env),
      () => run(collection('signed', script, items, stored), env),
    );
  } finally {
    await server.close();
  }
}

/**
 * The post-response script vs a trivial test script on the same AK/SK-signed requests (the signer as the pre-request
 * script on both sides), every request answered 200: what the response side adds to a successful request.
 */
export async function postResponseNewman(requests: number, rounds: number) {
  const server = await startLoopbackServer();
  try {
    const items = mixedItems(requests);
    const env = environment({ baseUrl: server.url, projectId: PROJECT_ID, id: 'item-1', HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk });
    const result = await compare(
      rounds,
      () => run(collection('trivial test', SIGNER_SCRIPT, items, 'one element', TRIVIAL_TEST_SCRIPT), env),
      () => run(collection('post-response', SIGNER_SCRIPT, items, 'one element', POST_RESPONSE_SCRIPT), env),
    );
    return perRequest(result, requests);
  } finally {
    await server.close();
  }
}

/**
 * One POST with this JSON body (bodies.ts): the trivial script, the floor (`floor`: the body hashed by the signer's
 * bundled SHA-256, nothing else) and the signer, alternated: what the signer and the floor each add over the trivial
 * script (medians, and fastest runs), and the signer's excess over the floor.
 */
export async function bigBodyNewman(body: string, rounds: number, floor: string) {
  const server = await startLoopbackServer();
  try {
    const items = [{ name: 'big', request: { method: 'POST', url: '{{baseUrl}}/v1/upload', header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: body } } }];
    const env = environment({ baseUrl: server.url, HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk });
    const t = await alternate(rounds, {
      trivial: () => run(collection('trivial', TRIVIAL_SCRIPT, items), env),
      floor: () => run(collection('floor', floor, items), env),
      signer: () => run(collection('signed', SIGNER_SCRIPT, items), env),
    });
    return { ...overTrivialAndFloor(t), bodyBytes: Buffer.byteLength(body) };
  } finally {
    await server.close();
  }
}

/**
 * One POST with a body of `bytes` bytes of JSON, signed with SDK-HMAC-SM3 and with SDK-HMAC-SHA256 (both pure
 * JavaScript in Newman's sandbox 4.x), and sent with the trivial script: what each algorithm adds (hashing the body is
 * nearly all of it) and the ratio SM3 / SHA-256.
 */
export async function sm3BigBodyNewman(bytes: number, rounds: number) {
  const server = await startLoopbackServer();
  try {
    const body = fillerJsonBody(bytes);
    const items = [{ name: 'big', request: { method: 'POST', url: '{{baseUrl}}/v1/upload', header: [{ key: 'Content-Type', value: 'application/json' }], body: { mode: 'raw', raw: body } } }];
    const env = (algorithm: string) =>
      environment({ baseUrl: server.url, HUAWEICLOUD_SDK_AK: MOCK_AKSK.ak, HUAWEICLOUD_SDK_SK: MOCK_AKSK.sk, hwc_signing_algorithm: algorithm });
    const trivial = collection('trivial', TRIVIAL_SCRIPT, items);
    const signed = collection('signed', SIGNER_SCRIPT, items);
    const times = await alternate(rounds, {
      trivial: () => run(trivial, env('SDK-HMAC-SHA256')),
      reference: () => run(signed, env('SDK-HMAC-SHA256')),
      candidate: () => run(signed, env('SDK-HMAC-SM3')),
    });
    return addedRatio(times);
  } finally {
    await server.close();
  }
}

function tokenValues(baseUrl: string, iamEndpoint: string): Record<string, string> {
  return {
    baseUrl,
    projectId: PROJECT_ID,
    id: 'item-1',
    HUAWEICLOUD_SDK_IAM_ENDPOINT: iamEndpoint,
    HUAWEICLOUD_USERNAME: MOCK_ACCOUNT.user.name,
    HUAWEICLOUD_PASSWORD: MOCK_ACCOUNT.user.password,
    HUAWEICLOUD_DOMAIN_NAME: MOCK_ACCOUNT.domainName,
    HUAWEICLOUD_PROJECT_NAME: MOCK_PROJECTS[0].name,
  };
}

/**
 * Token mode vs a trivial script that sends the same token header, both against the loopback server (which also
 * plays IAM), every timed run starting cold (one IAM call each).
 */
export async function tokenNewman(requests: number, rounds: number) {
  const server = await startLoopbackServer();
  try {
    const items = mixedItems(requests);
    const trivialWithToken = TRIVIAL_SCRIPT + "\npm.request.headers.upsert({ key: 'X-Auth-Token', value: pm.environment.get('token') });";
    const token = 'MII' + 'A'.repeat(10237);
    return await compare(
      rounds,
      () => run(collection('trivial', trivialWithToken, items), environment({ ...tokenValues(server.url, server.url), token })),
      () => run(collection('token', SIGNER_SCRIPT, items), environment(tokenValues(server.url, server.url))),
    );
  } finally {
    await server.close();
  }
}

/** IAM calls counted by the mock cloud: a cold run, then a rerun with the environment the cold run exported. */
export async function tokenIamCalls(requests: number) {
  const mock = await startMockCloud({ quiet: true });
  try {
    const items = mixedItems(requests);
    await resetMock(mock.url);
    const cold = await run(collection('token', SIGNER_SCRIPT, items), environment(tokenValues(mock.url, mock.url)));
    const coldIam = (await getMockStats(mock.url)).iamTokenRequests;
    await run(collection('token', SIGNER_SCRIPT, items), cold.environment.toJSON());
    const after = await getMockStats(mock.url);
    return { coldIam, warmIam: after.iamTokenRequests - coldIam, rejected: after.verdicts.filter((v) => !v.ok).length };
  } finally {
    await mock.close();
  }
}
